using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Money;
using Burgerbegroting.Voting.Paper;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Admin.Events;

/// <summary>
/// What a typist or coordinator types from one paper sheet, in the fields of its round (docs/events.md): a tick per
/// theme (round 1), a percentage per chosen theme (round 2), a tick per idea (round 4), or that it cannot be read.
/// Whatever is written is taken, valid or not; only input that is no mark at all (not a number, negative, over 100%,
/// something not on the form) gets a message next to its field.
/// </summary>
public sealed class SheetInput
{
    public const int SheetNumberMax = 99_999;

    /// <summary>The printed sheet number, as typed (the entry page only).</summary>
    [Display(Name = "Field.SheetNumber")]
    public string? Number { get; set; }

    /// <summary>Round 1: the ticked themes.</summary>
    public int[] Themes { get; set; } = [];

    /// <summary>Round 2: theme id → the percentage as typed; empty is 0.</summary>
    public Dictionary<int, string?> Shares { get; set; } = [];

    /// <summary>Round 4: the ticked ideas.</summary>
    public int[] Ideas { get; set; } = [];

    public bool Unreadable { get; set; }

    /// <summary>The percentages typed so far added up, for the running total (text that is no percentage counts 0).</summary>
    public int Total => Shares.Values.Sum(v => Percentage(v) ?? 0);

    /// <summary>A whole percentage 0..100 ("25", "25%", empty for 0), or null.</summary>
    public static int? Percentage(string? text) => WholePercentage.TryParse(text, out var value) && value <= 100 ? value : null;

    /// <summary>The sheet number 1..<see cref="SheetNumberMax"/>, or null with a message next to the field.</summary>
    public int? SheetNumber(ModelStateDictionary state, IStringLocalizer l)
    {
        if (int.TryParse(Number?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= SheetNumberMax)
        {
            return number;
        }

        state.AddModelError("Input.Number", l["Paper.Error.Number", SheetNumberMax]);
        return null;
    }

    /// <summary>What was typed as marks, or null with a message next to each field that holds no mark at all.</summary>
    public SheetMarks? Marks(BallotContext context, ModelStateDictionary state, IStringLocalizer l)
    {
        var marks = new List<KeyValuePair<MarkField, int>>();
        switch (context.Round.Kind)
        {
            case RoundKind.ThemeChoice:
                var candidates = context.Edition.Themes.Select(t => t.Id).ToHashSet();
                marks.AddRange(Themes.Distinct().Where(candidates.Contains).Select(t => Tick(t, null)));
                state.Require(Themes.All(candidates.Contains), "Input.Themes", l["Paper.Error.NotOnForm"]);
                break;
            case RoundKind.BudgetSplit:
                var chosen = context.ChosenThemes.ToDictionary(t => t.Id);
                state.Require(Shares.Keys.All(chosen.ContainsKey), "Input.Shares", l["Paper.Error.NotOnForm"]);
                foreach (var (theme, text) in Shares.Where(s => chosen.ContainsKey(s.Key)))
                {
                    var value = Percentage(text);
                    marks.Add(new(new MarkField(theme, null), value ?? 0));
                    state.Require(value is not null, $"Input.Shares[{theme}]", l["Paper.Error.Percentage", chosen[theme].Name]);
                }

                break;
            case RoundKind.Selection:
                var themeOf = context.IdeasByTheme.SelectMany(t => t.Ideas.Select(i => (i.Id, Theme: t.Theme.Id))).ToDictionary(x => x.Id, x => x.Theme);
                marks.AddRange(Ideas.Distinct().Where(themeOf.ContainsKey).Select(i => Tick(themeOf[i], i)));
                state.Require(Ideas.All(themeOf.ContainsKey), "Input.Ideas", l["Paper.Error.NotOnForm"]);
                break;
        }

        return !state.IsValid ? null : Unreadable ? SheetMarks.UnreadableSheet : SheetMarks.Of(marks);
    }

    private static KeyValuePair<MarkField, int> Tick(int theme, int? idea) => new(new MarkField(theme, idea), 1);
}

/// <summary>
/// One sheet form's fields (_SheetFields): ids start with <paramref name="IdPrefix"/>, since the disputes page holds a
/// form per sheet; only the form that was posted shows <paramref name="Input"/>'s values and the messages.
/// </summary>
public sealed record SheetFieldsView(BallotContext Context, SheetInput Input, string IdPrefix, bool ShowErrors);
