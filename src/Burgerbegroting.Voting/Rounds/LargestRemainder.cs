namespace Burgerbegroting.Voting;

/// <summary>
/// Largest-remainder (Hamilton) rounding: whole amounts that add up exactly to the total, each within one of its
/// exact share total * weight / sum of weights. Round 2 uses it so the theme budgets add up to the edition's budget.
/// </summary>
public static class LargestRemainder
{
    /// <summary>
    /// Splits <paramref name="total"/> in proportion to <paramref name="weights"/>. Each part first gets the floor
    /// of its exact share; the units left over go one each to the largest remainders. Equal remainders go to the
    /// earlier weight in the list, so the result is deterministic (for themes: the order the edition lists them).
    /// </summary>
    public static long[] Apportion(long total, IReadOnlyList<long> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        if (weights.Any(w => w < 0))
        {
            throw new ArgumentException("Weights cannot be negative.", nameof(weights));
        }

        Int128 sum = 0;
        foreach (var w in weights)
        {
            sum += w;
        }

        if (sum == 0)
        {
            throw new ArgumentException("At least one weight must be above zero.", nameof(weights));
        }

        var parts = new long[weights.Count];
        var remainders = new Int128[weights.Count];
        long given = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            // Exact integer arithmetic: total * weight fits in 128 bits, so nothing is rounded before we choose.
            var product = (Int128)total * weights[i];
            parts[i] = (long)(product / sum);
            remainders[i] = product % sum;
            given += parts[i];
        }

        var order = Enumerable.Range(0, weights.Count)
            .OrderByDescending(i => remainders[i])
            .ThenBy(i => i)
            .Take((int)(total - given));
        foreach (var i in order)
        {
            parts[i]++;
        }

        return parts;
    }
}
