namespace Burgerbegroting.Voting.Paper;

/// <summary>
/// One field on which the two entries of a sheet differ; <see cref="Field"/> null means one typist found the sheet
/// unreadable and the other did not. A value of 0 is an empty field.
/// </summary>
public sealed record MarkDifference(MarkField? Field, int First, int Second);

/// <summary>
/// Two entries of one paper sheet, by two different typists (docs/events.md, "Double entry"): equal entries count,
/// any difference goes to a coordinator, field by field.
/// </summary>
public static class SheetReconciliation
{
    public static IReadOnlyList<MarkDifference> Compare(SheetMarks first, SheetMarks second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Unreadable != second.Unreadable)
        {
            return [new MarkDifference(null, first.Unreadable ? 1 : 0, second.Unreadable ? 1 : 0)];
        }

        return [.. first.Values.Keys.Union(second.Values.Keys).Order(Comparer<MarkField>.Create((x, y) =>
                x.ThemeId != y.ThemeId ? x.ThemeId.CompareTo(y.ThemeId) : Nullable.Compare(x.IdeaId, y.IdeaId)))
            .Where(field => first[field] != second[field])
            .Select(field => new MarkDifference(field, first[field], second[field]))];
    }

    public static bool Agree(SheetMarks first, SheetMarks second) => Compare(first, second).Count == 0;
}
