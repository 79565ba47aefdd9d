using System.Globalization;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Paper;
using Burgerbegroting.Web.Editions;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Admin.Events;

/// <summary>One field of a disputed sheet as the two typists entered it; <see cref="Differs"/> when they disagree.</summary>
public sealed record DisputeRow(string Field, string First, string Second, bool Differs);

/// <summary>
/// The two entries of a disputed sheet side by side, field by field (docs/events.md): every field of the round's form,
/// anything else an entry holds, and whether the sheet was found unreadable.
/// </summary>
public static class DisputeRows
{
    public static IReadOnlyList<DisputeRow> Of(BallotContext context, SheetMarks first, SheetMarks second, IStringLocalizer l)
    {
        var fields = Fields(context);
        var known = fields.Select(f => f.Field).ToHashSet();
        var others = first.Values.Keys.Union(second.Values.Keys).Where(f => !known.Contains(f))
            .Select(f => (Field: f, Label: l["Paper.Field.Other", f.ThemeId, f.IdeaId?.ToString(CultureInfo.InvariantCulture) ?? "—"].Value));
        var percentages = context.Round.Kind == RoundKind.BudgetSplit;
        var rows = fields.Concat(others)
            .Select(f => new DisputeRow(f.Label, Show(first[f.Field], percentages, l), Show(second[f.Field], percentages, l), first[f.Field] != second[f.Field]))
            .ToList();
        rows.Add(new DisputeRow(l["Paper.Unreadable.Short"], YesNo(first.Unreadable, l), YesNo(second.Unreadable, l), first.Unreadable != second.Unreadable));
        return rows;
    }

    private static List<(MarkField Field, string Label)> Fields(BallotContext context) => context.Round.Kind switch
    {
        RoundKind.ThemeChoice => [.. context.Edition.Themes.Select(t => (new MarkField(t.Id, null), t.Name))],
        RoundKind.BudgetSplit => [.. context.ChosenThemes.Select(t => (new MarkField(t.Id, null), t.Name))],
        _ => [.. context.IdeasByTheme.SelectMany(t => t.Ideas.Select(i => (new MarkField(t.Theme.Id, i.Id), $"{i.Title} ({t.Theme.Name})")))],
    };

    /// <summary>Empty and 0 are the same mark: nothing written.</summary>
    private static string Show(int value, bool percentage, IStringLocalizer l) =>
        value == 0 ? "—" : percentage ? value.ToString(CultureInfo.CurrentCulture) + "%" : value == 1 ? l["Paper.Ticked"] : value.ToString(CultureInfo.CurrentCulture);

    private static string YesNo(bool value, IStringLocalizer l) => value ? l["Paper.Yes"] : "—";
}
