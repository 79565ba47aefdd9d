namespace Burgerbegroting.Voting;

public static partial class ApprovalTally
{
    /// <summary>
    /// The same decision as <see cref="Count{TKey}"/> from approval counts the database already summed, so a
    /// round with many ballots is not loaded ballot by ballot. Candidates without a count have none.
    /// </summary>
    public static ApprovalTallyResult<TKey> FromCounts<TKey>(IReadOnlyList<ApprovalCount<TKey>> counts, IReadOnlyList<TKey> candidates, int seats, long ballotCount)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(counts);
        var approvals = counts.ToDictionary(c => c.Candidate, c => c.Approvals);
        // One synthetic ballot per approval gives Count exactly these totals; Count then applies the cut-off rule.
        var result = Count(candidates.SelectMany(c => Enumerable.Repeat<IEnumerable<TKey>>([c], (int)Math.Min(approvals.GetValueOrDefault(c), int.MaxValue))), candidates, seats);
        return result with { BallotCount = ballotCount };
    }
}
