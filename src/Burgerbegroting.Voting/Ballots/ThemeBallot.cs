namespace Burgerbegroting.Voting;

/// <summary>What round 1 offers: the candidate themes, and K, how many a ballot may choose.</summary>
public sealed record ThemeChoiceOffer(IReadOnlyList<int> Candidates, int MaxChoices);

/// <summary>A round 1 ballot: 1..K distinct candidate themes, each stored with value 1.</summary>
public sealed class ThemeBallot : RoundBallot
{
    private ThemeBallot(IEnumerable<int> chosen)
        : base(RoundKind.ThemeChoice, chosen.Select(id => new BallotLine(id, null, 1)))
    {
    }

    public IEnumerable<int> Chosen => Lines.Select(l => l.ThemeId);

    public static BallotCheck<ThemeBallot, ApprovalBallotError> Create(ThemeChoiceOffer offer, IReadOnlyCollection<int> chosen)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var errors = ApprovalTally.Validate(chosen, offer.Candidates, offer.MaxChoices);
        return errors.Count > 0
            ? new BallotCheck<ThemeBallot, ApprovalBallotError>(null, errors)
            : new BallotCheck<ThemeBallot, ApprovalBallotError>(new ThemeBallot(chosen), []);
    }
}
