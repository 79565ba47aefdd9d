namespace Burgerbegroting.Voting;

public static partial class ApprovalTally
{
    /// <summary>
    /// Takes the top <paramref name="seats"/> from approval counts (summed from ballots, or by the database for a
    /// large round). Candidates with as many approvals as the last seat and not all fitting form the tied group:
    /// staff decide among them (docs/rules.md, round 1). Equal counts are listed in candidate order.
    /// </summary>
    public static ApprovalTallyResult<TKey> FromCounts<TKey>(IReadOnlyList<ApprovalCount<TKey>> counts, IReadOnlyList<TKey> candidates, int seats, long ballotCount)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfNegative(seats);
        var approvals = counts.ToDictionary(c => c.Candidate, c => c.Approvals);
        var position = candidates.Select((c, i) => (c, i)).GroupBy(x => x.c).ToDictionary(g => g.Key, g => g.First().i);
        var ranked = position.Keys
            .Select(c => new ApprovalCount<TKey>(c, approvals.GetValueOrDefault(c)))
            .OrderByDescending(c => c.Approvals)
            .ThenBy(c => position[c.Candidate])
            .ToList();

        if (seats >= ranked.Count)
        {
            return new(ranked, [.. ranked.Select(c => c.Candidate)], [], 0, ballotCount);
        }

        if (seats == 0)
        {
            return new(ranked, [], [], 0, ballotCount);
        }

        var cutoff = ranked[seats - 1].Approvals;
        if (ranked[seats].Approvals != cutoff)
        {
            return new(ranked, [.. ranked.Take(seats).Select(c => c.Candidate)], [], 0, ballotCount);
        }

        var clearlyIn = ranked.Where(c => c.Approvals > cutoff).Select(c => c.Candidate).ToList();
        var tied = ranked.Where(c => c.Approvals == cutoff).Select(c => c.Candidate).ToList();
        return new(ranked, clearlyIn, tied, seats - clearlyIn.Count, ballotCount);
    }
}
