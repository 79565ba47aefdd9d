namespace Burgerbegroting.Voting;

/// <summary>The four rounds of an edition, in their order; the value is the round's number.</summary>
public enum RoundKind
{
    /// <summary>Thema's kiezen: residents approve 1..K candidate themes; the top N go through.</summary>
    ThemeChoice = 1,

    /// <summary>Geld verdelen: residents divide 100% over the chosen themes; the mean sets each theme's budget.</summary>
    BudgetSplit = 2,

    /// <summary>Ideeën indienen: residents and buurtnetwerken submit ideas; staff review them.</summary>
    Ideas = 3,

    /// <summary>Selectie: per theme, residents approve admitted ideas within the theme's budget.</summary>
    Selection = 4,
}

/// <summary>What a round is, as the rules see it.</summary>
/// <param name="Kind">Which round.</param>
/// <param name="HasBallot">Residents vote in it, so it has ballots, a tally and results of its own.</param>
/// <param name="KeepsZeroEntries">A ballot line with value 0 means something (a theme given 0%) and is stored.</param>
/// <param name="NeedsCandidatesToOpen">It opens only with candidate themes to choose from.</param>
/// <param name="NeedsBallotsToPublish">Its results cannot be computed from no ballots at all (a mean of nothing).</param>
/// <param name="NeedsReviewedIdeasToPublish">Every idea needs its feasibility decision before it is published.</param>
/// <param name="MayTieAtCutoff">Its tally can end in a tie at the cut-off that staff decide.</param>
public sealed record RoundDefinition(
    RoundKind Kind,
    bool HasBallot,
    bool KeepsZeroEntries,
    bool NeedsCandidatesToOpen,
    bool NeedsBallotsToPublish,
    bool NeedsReviewedIdeasToPublish,
    bool MayTieAtCutoff)
{
    /// <summary>1 to 4, as residents and staff call the rounds.</summary>
    public int Number => (int)Kind;
}

/// <summary>The one place that says what each round is; code asks it instead of comparing round numbers.</summary>
public static class RoundTable
{
    public static IReadOnlyList<RoundDefinition> All { get; } =
    [
        new(RoundKind.ThemeChoice, HasBallot: true, KeepsZeroEntries: false, NeedsCandidatesToOpen: true, NeedsBallotsToPublish: false, NeedsReviewedIdeasToPublish: false, MayTieAtCutoff: true),
        new(RoundKind.BudgetSplit, HasBallot: true, KeepsZeroEntries: true, NeedsCandidatesToOpen: false, NeedsBallotsToPublish: true, NeedsReviewedIdeasToPublish: false, MayTieAtCutoff: false),
        new(RoundKind.Ideas, HasBallot: false, KeepsZeroEntries: false, NeedsCandidatesToOpen: false, NeedsBallotsToPublish: false, NeedsReviewedIdeasToPublish: true, MayTieAtCutoff: false),
        new(RoundKind.Selection, HasBallot: true, KeepsZeroEntries: false, NeedsCandidatesToOpen: false, NeedsBallotsToPublish: false, NeedsReviewedIdeasToPublish: false, MayTieAtCutoff: false),
    ];

    /// <summary>The round opened first; opening it fixes the settings that decide outcomes.</summary>
    public static RoundKind First => All[0].Kind;

    public static RoundDefinition Of(RoundKind kind) =>
        All.SingleOrDefault(r => r.Kind == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "No such round.");

    /// <summary>The round with this number, or null for a number that is no round (from a URL, say).</summary>
    public static RoundDefinition? Find(int number) => All.SingleOrDefault(r => r.Number == number);

    /// <summary>The round before this one, or null for the first.</summary>
    public static RoundDefinition? Previous(RoundKind kind)
    {
        var index = All.ToList().FindIndex(r => r.Kind == kind);
        return index > 0 ? All[index - 1] : null;
    }
}
