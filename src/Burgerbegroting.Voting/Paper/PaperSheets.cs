namespace Burgerbegroting.Voting.Paper;

/// <summary>Why a paper sheet does not count in the result (it counts in the turnout).</summary>
public enum SheetInvalidReason
{
    Unreadable,

    /// <summary>Nothing filled in.</summary>
    Blank,

    /// <summary>Round 1: more themes ticked than K.</summary>
    TooManyThemes,

    /// <summary>Round 2: the percentages do not add up to 100 (or one is over 100).</summary>
    NotHundred,

    /// <summary>Round 4: the ideas ticked in a theme cost more than its budget.</summary>
    OverBudget,

    /// <summary>Something marked that is not on this round's form.</summary>
    NotOnTheForm,
}

/// <summary>A reconciled sheet judged: the ballot it casts, or why it is invalid.</summary>
public sealed record SheetVerdict(RoundBallot? Ballot, SheetInvalidReason? Invalid)
{
    public bool IsValid => Ballot is not null;
}

/// <summary>
/// Judges what two typists agreed a sheet says by the round's own ballot rules, exactly as an online ballot is judged
/// (docs/events.md): a valid sheet becomes the same ballot lines, an invalid one gets its reason.
/// </summary>
public static class PaperSheets
{
    public static SheetVerdict Judge(ThemeChoiceOffer offer, SheetMarks marks) => Judge(marks, () =>
    {
        var check = ThemeBallot.Create(offer, [.. marks.Values.Keys.Where(f => f.IdeaId is null).Select(f => f.ThemeId)]);
        return check.IsValid && marks.Values.All(v => v.Key.IdeaId is null && v.Value == 1) ? new(check.Ballot, null)
            : new(null, check.Errors.Contains(ApprovalBallotError.TooMany) ? SheetInvalidReason.TooManyThemes : SheetInvalidReason.NotOnTheForm);
    });

    /// <summary>Round 2: an empty field is 0%.</summary>
    public static SheetVerdict Judge(BudgetSplitOffer offer, SheetMarks marks) => Judge(marks, () =>
    {
        if (marks.Values.Keys.Any(f => f.IdeaId is not null || !offer.Themes.Contains(f.ThemeId)))
        {
            return new(null, SheetInvalidReason.NotOnTheForm);
        }

        var check = BudgetBallot.Create(offer, offer.Themes.ToDictionary(t => t, t => marks[new MarkField(t, null)]));
        return check.IsValid ? new(check.Ballot, null) : new(null, SheetInvalidReason.NotHundred);
    });

    public static SheetVerdict Judge(SelectionOffer offer, SheetMarks marks) => Judge(marks, () =>
    {
        var check = SelectionBallot.Create(offer, [.. marks.Values.Keys.Where(f => f.IdeaId is not null).Select(f => f.IdeaId!.Value)]);
        var onTheForm = marks.Values.All(v => v.Key.IdeaId is { } idea && v.Value == 1 && offer.Themes.Any(t => t.ThemeId == v.Key.ThemeId && t.IdeaCosts.ContainsKey(idea)));
        return check.IsValid && onTheForm ? new(check.Ballot, null)
            : new(null, !onTheForm || check.Errors.Any(e => e.Kind != KnapsackBallotErrorKind.OverBudget) ? SheetInvalidReason.NotOnTheForm : SheetInvalidReason.OverBudget);
    });

    private static SheetVerdict Judge(SheetMarks marks, Func<SheetVerdict> byTheRules) =>
        marks.Unreadable ? new(null, SheetInvalidReason.Unreadable)
        : marks.IsBlank ? new(null, SheetInvalidReason.Blank)
        : byTheRules();
}
