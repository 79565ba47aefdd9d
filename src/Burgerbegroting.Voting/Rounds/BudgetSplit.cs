namespace Burgerbegroting.Voting;

/// <summary>What is wrong with a round 2 ballot.</summary>
public enum BudgetSplitErrorKind
{
    /// <summary>A chosen theme has no percentage.</summary>
    MissingTheme,

    /// <summary>A percentage for something that is not one of the chosen themes.</summary>
    UnknownTheme,

    /// <summary>A percentage below 0 or above 100.</summary>
    OutOfRange,

    /// <summary>The percentages do not add up to exactly 100.</summary>
    SumIsNot100,
}

/// <summary>One problem with a split ballot: its kind, the theme it concerns (if any) and the value found.</summary>
public sealed record BudgetSplitError<TKey>(BudgetSplitErrorKind Kind, TKey? Theme, int Value);

/// <summary>A theme's result in round 2.</summary>
/// <param name="Theme">The theme.</param>
/// <param name="PercentageSum">The sum of its percentages over all ballots.</param>
/// <param name="MeanShare">The mean percentage over all ballots (PercentageSum / ballots), for display.</param>
/// <param name="Budget">Its budget in whole euros.</param>
public sealed record ThemeBudget<TKey>(TKey Theme, long PercentageSum, decimal MeanShare, long Budget);

/// <summary>Round 2 (geld verdelen): each ballot divides 100% over the chosen themes.</summary>
public static class BudgetSplit
{
    /// <summary>Checks a ballot: every theme a whole percentage 0..100, together exactly 100. Empty means valid.</summary>
    public static IReadOnlyList<BudgetSplitError<TKey>> Validate<TKey>(IReadOnlyDictionary<TKey, int> percentages, IReadOnlyCollection<TKey> themes)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(percentages);
        ArgumentNullException.ThrowIfNull(themes);
        var errors = new List<BudgetSplitError<TKey>>();
        errors.AddRange(themes.Where(t => !percentages.ContainsKey(t)).Select(t => new BudgetSplitError<TKey>(BudgetSplitErrorKind.MissingTheme, t, 0)));
        errors.AddRange(percentages.Where(kv => !themes.Contains(kv.Key)).Select(kv => new BudgetSplitError<TKey>(BudgetSplitErrorKind.UnknownTheme, kv.Key, kv.Value)));
        errors.AddRange(percentages.Where(kv => kv.Value is < 0 or > 100).Select(kv => new BudgetSplitError<TKey>(BudgetSplitErrorKind.OutOfRange, kv.Key, kv.Value)));
        var sum = percentages.Values.Sum(v => (long)v);
        if (sum != 100)
        {
            errors.Add(new BudgetSplitError<TKey>(BudgetSplitErrorKind.SumIsNot100, default, (int)Math.Clamp(sum, int.MinValue, int.MaxValue)));
        }

        return errors;
    }

    /// <summary>
    /// Theme budget = total * mean share, rounded to whole euros by largest remainder so the budgets add up to
    /// <paramref name="total"/> exactly (docs/rules.md, round 2). Exact: the weights are the percentage sums, so each exact
    /// budget is total * sum / (100 * ballots) with no rounding before the apportionment. Equal remainders go to
    /// the theme listed first in <paramref name="themes"/>. Ballots are counted as given; validate them on submission.
    /// </summary>
    public static IReadOnlyList<ThemeBudget<TKey>> Allocate<TKey>(long total, IReadOnlyList<TKey> themes, IEnumerable<IReadOnlyDictionary<TKey, int>> ballots)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(themes);
        ArgumentNullException.ThrowIfNull(ballots);
        var sums = new long[themes.Count];
        var index = themes.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i);
        long ballotCount = 0;
        foreach (var ballot in ballots)
        {
            ballotCount++;
            foreach (var (theme, percentage) in ballot)
            {
                if (index.TryGetValue(theme, out var i))
                {
                    sums[i] += percentage;
                }
            }
        }

        if (ballotCount == 0)
        {
            throw new ArgumentException("At least one ballot is needed to split the budget.", nameof(ballots));
        }

        var budgets = LargestRemainder.Apportion(total, sums);
        return [.. themes.Select((t, i) => new ThemeBudget<TKey>(t, sums[i], Math.Round((decimal)sums[i] / ballotCount, 4), budgets[i]))];
    }
}
