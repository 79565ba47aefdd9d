namespace Burgerbegroting.Voting;

/// <summary>What is wrong with a round 1 ballot.</summary>
public enum ApprovalBallotError
{
    /// <summary>No theme chosen; at least one is needed.</summary>
    Empty,

    /// <summary>More themes chosen than the edition allows (K).</summary>
    TooMany,

    /// <summary>The same theme chosen twice.</summary>
    Duplicate,

    /// <summary>A theme that is not a candidate in this round.</summary>
    UnknownCandidate,
}

/// <summary>Approvals of one candidate.</summary>
public sealed record ApprovalCount<TKey>(TKey Candidate, long Approvals);

/// <summary>
/// The result of round 1: approvals per candidate (most first, then candidate order), the candidates that are
/// clearly through, and, when candidates tie at the cut-off, the tied group and how many seats it shares.
/// </summary>
public sealed record ApprovalTallyResult<TKey>(
    IReadOnlyList<ApprovalCount<TKey>> Counts,
    IReadOnlyList<TKey> ClearlyIn,
    IReadOnlyList<TKey> TiedAtCutoff,
    int SeatsForTied,
    long BallotCount)
{
    /// <summary>True when staff must choose <see cref="SeatsForTied"/> of <see cref="TiedAtCutoff"/> before publishing.</summary>
    public bool HasTieAtCutoff => TiedAtCutoff.Count > 0;

    /// <summary>The candidates that go through, when there is no tie to resolve.</summary>
    public IReadOnlyList<TKey> Winners => HasTieAtCutoff
        ? throw new InvalidOperationException("A tie at the cut-off must be resolved by staff first.")
        : ClearlyIn;
}

/// <summary>Round 1 (thema's kiezen): approval ballots of 1..K candidates, the top N go through.</summary>
public static partial class ApprovalTally
{
    /// <summary>Checks a ballot of chosen candidates; an empty list means it is valid.</summary>
    public static IReadOnlyList<ApprovalBallotError> Validate<TKey>(IReadOnlyCollection<TKey> chosen, IReadOnlyCollection<TKey> candidates, int maxChoices)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(chosen);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChoices, 1);
        var errors = new List<ApprovalBallotError>();
        var distinct = chosen.Distinct().ToList();
        if (chosen.Count == 0)
        {
            errors.Add(ApprovalBallotError.Empty);
        }

        if (distinct.Count > maxChoices)
        {
            errors.Add(ApprovalBallotError.TooMany);
        }

        if (distinct.Count < chosen.Count)
        {
            errors.Add(ApprovalBallotError.Duplicate);
        }

        if (distinct.Except(candidates).Any())
        {
            errors.Add(ApprovalBallotError.UnknownCandidate);
        }

        return errors;
    }

    /// <summary>
    /// Counts approvals and takes the top <paramref name="seats"/>. Candidates with as many approvals as the last
    /// seat and not all fitting form the tied group: staff decide among them (docs/rules.md, round 1).
    /// Ballots are counted as given; validate them on submission.
    /// </summary>
    public static ApprovalTallyResult<TKey> Count<TKey>(IEnumerable<IEnumerable<TKey>> ballots, IReadOnlyList<TKey> candidates, int seats)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(ballots);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfNegative(seats);
        var approvals = candidates.Distinct().ToDictionary(c => c, _ => 0L);
        long ballotCount = 0;
        foreach (var ballot in ballots)
        {
            ballotCount++;
            foreach (var choice in ballot.Distinct())
            {
                if (approvals.TryGetValue(choice, out var count))
                {
                    approvals[choice] = count + 1;
                }
            }
        }

        return FromCounts([.. approvals.Select(kv => new ApprovalCount<TKey>(kv.Key, kv.Value))], candidates, seats, ballotCount);
    }
}
