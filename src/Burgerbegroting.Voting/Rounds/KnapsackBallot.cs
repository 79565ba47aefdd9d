namespace Burgerbegroting.Voting;

/// <summary>What is wrong with a round 4 ballot for one theme.</summary>
public enum KnapsackBallotErrorKind
{
    /// <summary>The same idea selected twice.</summary>
    Duplicate,

    /// <summary>An idea that is not admitted in this theme.</summary>
    NotAdmitted,

    /// <summary>The selected ideas cost more than the theme's budget.</summary>
    OverBudget,

    /// <summary>
    /// No idea chosen in any theme. Refused, as an empty ballot is in rounds 1 and 2: a ballot is a choice, and one
    /// without a choice would count as a voter who chose nothing (docs/rules.md).
    /// </summary>
    Empty,
}

/// <summary>One problem with a knapsack ballot; for OverBudget, <paramref name="TotalCost"/> says by how much.</summary>
public sealed record KnapsackBallotError<TKey>(KnapsackBallotErrorKind Kind, TKey? Idea, long TotalCost = 0);

/// <summary>Round 4 (selectie): per theme, a voter approves admitted ideas whose costs fit the theme's budget.</summary>
public static class KnapsackBallot
{
    /// <summary>
    /// Checks the selection: distinct, admitted ideas with total cost at most <paramref name="themeBudget"/>
    /// (the knapsack limit of round 4, docs/rules.md). An empty list means valid; an empty selection is valid too.
    /// </summary>
    public static IReadOnlyList<KnapsackBallotError<TKey>> Validate<TKey>(IReadOnlyCollection<TKey> selected, IReadOnlyDictionary<TKey, long> admittedCosts, long themeBudget)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(selected);
        ArgumentNullException.ThrowIfNull(admittedCosts);
        var errors = new List<KnapsackBallotError<TKey>>();
        var seen = new HashSet<TKey>();
        long total = 0;
        foreach (var idea in selected)
        {
            if (!seen.Add(idea))
            {
                errors.Add(new(KnapsackBallotErrorKind.Duplicate, idea));
            }
            else if (!admittedCosts.TryGetValue(idea, out var cost))
            {
                errors.Add(new(KnapsackBallotErrorKind.NotAdmitted, idea));
            }
            else
            {
                total += cost;
            }
        }

        if (total > themeBudget)
        {
            errors.Add(new(KnapsackBallotErrorKind.OverBudget, default, total));
        }

        return errors;
    }

    /// <summary>What is left of the theme budget after the selection (negative when over); for the live budget bar.</summary>
    public static long Remaining<TKey>(IEnumerable<TKey> selected, IReadOnlyDictionary<TKey, long> admittedCosts, long themeBudget)
        where TKey : notnull =>
        themeBudget - selected.Distinct().Sum(id => admittedCosts.GetValueOrDefault(id));
}
