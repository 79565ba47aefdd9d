using System.Numerics;

namespace Burgerbegroting.Voting;

/// <summary>
/// The Method of Equal Shares in exact fractions, step for step as pabutools computes it. Voters whose money is
/// equal are handled as one class, so the fractions are computed once per class rather than once per voter.
/// Used when the fast engine cannot certify a decision, and as the reference the fast engine is tested against.
/// </summary>
internal static class ExactEqualShares
{
    public static EqualSharesRun Run(EqualSharesInput input, long budgetNumerator)
    {
        var election = input.Election;
        var weights = election.Weights;
        var money = new List<BigRational> { BigRational.Create(budgetNumerator, election.VoterCount) };
        var classOf = new int[weights.Length];
        var run = new EqualSharesRun();
        run.Selected.AddRange(input.FreeProjects);

        var stale = new Dictionary<int, BigRational>();
        foreach (var p in input.Eligible)
        {
            var totalUtility = BigInteger.Zero;
            for (var i = 0; i < input.Supporters[p].Length; i++)
            {
                totalUtility += weights[input.Supporters[p][i]] * input.Utilities[p][i];
            }

            stale[p] = BigRational.Create(election.Costs[p], totalUtility);
        }

        var active = new List<int>(input.Eligible);
        while (active.Count > 0)
        {
            // Money only goes down, so an earlier rho is a lower bound: projects are looked at from the most
            // promising and the search stops once the bound alone is worse than the best found (as pabutools does).
            active.Sort((a, b) => stale[a].CompareTo(stale[b]));
            BigRational? best = null;
            var tied = new List<int>();
            foreach (var p in active.ToArray())
            {
                var entries = Entries(input, p, classOf, money);
                var available = BigRational.Zero;
                foreach (var (m, _, w) in entries)
                {
                    available += m * w;
                }

                if (available < BigRational.FromInteger(election.Costs[p]))
                {
                    active.Remove(p);
                    continue;
                }

                if (best is { } bound && stale[p] > bound)
                {
                    break;
                }

                var rho = Rho(election.Costs[p], entries);
                stale[p] = rho;
                if (best is null || rho < best.Value)
                {
                    best = rho;
                    tied.Clear();
                    tied.Add(p);
                }
                else if (rho == best.Value)
                {
                    tied.Add(p);
                }
            }

            if (best is not { } chosenRho)
            {
                break;
            }

            var chosen = tied.MinBy(p => input.Ranks[p]);
            if (tied.Count > 1)
            {
                run.Ties.Add((run.Selected.Count + 1, chosen, [.. tied.Where(p => p != chosen)]));
            }

            run.Selected.Add(chosen);
            active.Remove(chosen);
            run.MaxPayment[chosen] = (Pay(input, chosen, chosenRho, classOf, money) / election.Scale).ToDecimal(2);
        }

        foreach (var p in input.Eligible.Where(p => !run.Selected.Contains(p)))
        {
            var left = BigRational.Zero;
            foreach (var (m, _, w) in Entries(input, p, classOf, money))
            {
                left += m * w;
            }

            run.MoneyLeft[p] = (left / election.Scale).ToDecimal(2);
        }

        return run;
    }

    // The supporters of p as (money, utility, number of voters), one entry per money class and utility.
    private static List<(BigRational Money, long Utility, long Weight)> Entries(EqualSharesInput input, int p, int[] classOf, List<BigRational> money)
    {
        var byClass = new Dictionary<(int Class, long Utility), long>();
        var supporters = input.Supporters[p];
        for (var i = 0; i < supporters.Length; i++)
        {
            var key = (classOf[supporters[i]], input.Utilities[p][i]);
            byClass[key] = byClass.GetValueOrDefault(key) + input.Election.Weights[supporters[i]];
        }

        return [.. byClass.Select(kv => (money[kv.Key.Class], kv.Key.Utility, kv.Value))];
    }

    // The smallest rho with sum over supporters of min(money, rho * utility) = cost: the poorest (per unit of
    // utility) pay everything they have, the rest pay rho * utility.
    private static BigRational Rho(long cost, List<(BigRational Money, long Utility, long Weight)> entries)
    {
        entries.Sort((a, b) => (a.Money / a.Utility).CompareTo(b.Money / b.Utility));
        var paid = BigRational.Zero;
        var utility = BigInteger.Zero;
        foreach (var (_, u, w) in entries)
        {
            utility += u * w;
        }

        var costRational = BigRational.FromInteger(cost);
        foreach (var (m, u, w) in entries)
        {
            var rho = (costRational - paid) / utility;
            if (rho * u <= m)
            {
                return rho;
            }

            paid += m * w;
            utility -= u * w;
        }

        throw new InvalidOperationException("An affordable project has no price; this cannot happen.");
    }

    private static BigRational Pay(EqualSharesInput input, int p, BigRational rho, int[] classOf, List<BigRational> money)
    {
        var newClass = new Dictionary<(int Class, long Utility), int>();
        var maxPayment = BigRational.Zero;
        var supporters = input.Supporters[p];
        for (var i = 0; i < supporters.Length; i++)
        {
            var g = supporters[i];
            var u = input.Utilities[p][i];
            var key = (classOf[g], u);
            if (!newClass.TryGetValue(key, out var target))
            {
                var m = money[classOf[g]];
                var payment = BigRational.Min(m, rho * u);
                maxPayment = payment > maxPayment ? payment : maxPayment;
                target = money.Count;
                money.Add(m - payment);
                newClass[key] = target;
            }

            classOf[g] = target;
        }

        return maxPayment;
    }
}
