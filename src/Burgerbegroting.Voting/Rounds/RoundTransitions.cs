namespace Burgerbegroting.Voting;

/// <summary>Why a round cannot move; each has its own message for staff.</summary>
public enum TransitionError
{
    None,
    WrongStatus,
    AnotherRoundOpen,
    PreviousNotPublished,
    NoCandidates,
    TieUnresolved,
    NoBallots,
    UnreviewedIdeas,

    /// <summary>Paper sheets of an event of this round are typed in once only, or in dispute.</summary>
    PaperPending,

    /// <summary>The edition is a draft that residents do not see: it cannot take part in anything yet.</summary>
    EditionIsDraft,
}

/// <summary>The step staff can take next with a round; each is a button on the rounds page.</summary>
public enum RoundStep
{
    Open,
    Close,
    Publish,
}

/// <summary>A round of an edition as the transition rules see it.</summary>
public sealed record RoundState(RoundKind Kind, RoundStatus Status);

/// <summary>What publishing depends on, known once the round's results are computed.</summary>
/// <param name="TieUnresolved">Themes tied at the cut-off wait for staff's decision.</param>
/// <param name="BallotCount">Ballots counted at close.</param>
/// <param name="UnreviewedIdeas">Ideas still without a feasibility decision.</param>
/// <param name="PaperPending">Paper sheets of the round's events typed in once only or in dispute (docs/events.md).</param>
public sealed record PublishFacts(bool TieUnresolved, int BallotCount, int UnreviewedIdeas, int PaperPending = 0);

/// <summary>
/// Planned → Open → Closed → Published: only one round of an edition open at a time, a round opens only when the
/// previous one is published, and a round is published only when its results can stand (docs/rules.md, "Rounds").
/// </summary>
public static class RoundTransitions
{
    /// <summary>Whether the order of rounds lets this one open now (what it needs inside is checked on opening).</summary>
    public static TransitionError CanOpen(RoundKind round, IReadOnlyCollection<RoundState> edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        var previous = RoundTable.Previous(round);
        return StatusOf(edition, round) != RoundStatus.Planned ? TransitionError.WrongStatus
            : edition.Any(r => r.Status == RoundStatus.Open) ? TransitionError.AnotherRoundOpen
            : previous is not null && StatusOf(edition, previous.Kind) != RoundStatus.Published ? TransitionError.PreviousNotPublished
            : TransitionError.None;
    }

    /// <summary>Whether the round opens now, with what it starts from: round 1 needs candidate themes.</summary>
    public static TransitionError CanOpen(RoundKind round, IReadOnlyCollection<RoundState> edition, int candidateThemes)
    {
        var error = CanOpen(round, edition);
        return error == TransitionError.None && RoundTable.Of(round).NeedsCandidatesToOpen && candidateThemes == 0
            ? TransitionError.NoCandidates
            : error;
    }

    public static TransitionError CanClose(RoundStatus status) =>
        status == RoundStatus.Open ? TransitionError.None : TransitionError.WrongStatus;

    /// <summary>The first check of publishing, before the results are known: only a closed round is published.</summary>
    public static TransitionError CanPublish(RoundStatus status) =>
        status == RoundStatus.Closed ? TransitionError.None : TransitionError.WrongStatus;

    /// <summary>
    /// Whether the closed round's results can be published: no unfinished paper, no open tie, ballots where a mean
    /// needs them, every idea reviewed. Unfinished paper goes first: the sheets still to count can change the tie and
    /// the ballot count, so those are not yet what staff have to act on.
    /// </summary>
    public static TransitionError CanPublish(RoundKind round, RoundStatus status, PublishFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var definition = RoundTable.Of(round);
        return CanPublish(status) != TransitionError.None ? TransitionError.WrongStatus
            : facts.PaperPending > 0 ? TransitionError.PaperPending
            : facts.TieUnresolved ? TransitionError.TieUnresolved
            : definition.NeedsBallotsToPublish && facts.BallotCount == 0 ? TransitionError.NoBallots
            : definition.NeedsReviewedIdeasToPublish && facts.UnreviewedIdeas > 0 ? TransitionError.UnreviewedIdeas
            : TransitionError.None;
    }

    /// <summary>The step staff get offered for this round now, or null when there is none.</summary>
    public static RoundStep? NextStep(RoundKind round, IReadOnlyCollection<RoundState> edition) => StatusOf(edition, round) switch
    {
        RoundStatus.Planned when CanOpen(round, edition) == TransitionError.None => RoundStep.Open,
        RoundStatus.Open => RoundStep.Close,
        RoundStatus.Closed => RoundStep.Publish,
        _ => null,
    };

    private static RoundStatus StatusOf(IReadOnlyCollection<RoundState> edition, RoundKind round) =>
        edition.Single(r => r.Kind == round).Status;
}

/// <summary>Staff's decision among themes tied at round 1's cut-off (docs/rules.md, round 1).</summary>
public static class TieDecision
{
    /// <summary>The seats the tied themes share: what the clearly chosen ones leave of N.</summary>
    public static int Seats(int themesToSelect, int clearlyChosen) => themesToSelect - clearlyChosen;

    /// <summary>A decision fills exactly the open seats with tied themes, while the round is closed and a tie waits.</summary>
    public static bool IsValid(RoundStatus status, IReadOnlyCollection<int> tied, int seats, IReadOnlyCollection<int> chosen)
    {
        ArgumentNullException.ThrowIfNull(tied);
        ArgumentNullException.ThrowIfNull(chosen);
        return status == RoundStatus.Closed && tied.Count > 0 && chosen.Count == seats && chosen.All(tied.Contains);
    }
}

/// <summary>Who may see a round's results: staff once it is closed (provisional), everyone once it is published.</summary>
public static class ResultsVisibility
{
    public static bool IsPublic(RoundStatus status) => status == RoundStatus.Published;

    public static bool CanSee(RoundStatus status, bool isStaff) =>
        IsPublic(status) || (isStaff && status == RoundStatus.Closed);
}

/// <summary>The settings that decide the outcome (budget, area, K, N, rule, candidate theme names) are fixed once the first round opens.</summary>
public static class EditionSettings
{
    public static bool Locked(RoundStatus firstRound) => firstRound != RoundStatus.Planned;
}
