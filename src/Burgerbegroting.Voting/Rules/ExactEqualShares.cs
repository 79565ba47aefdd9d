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
        var wallets = new Wallets(input, budgetNumerator);
        var run = new EqualSharesRun();
        run.Selected.AddRange(input.FreeProjects);

        var stale = new Dictionary<int, BigRational>();
        foreach (var p in input.Eligible)
        {
            var totalUtility = BigInteger.Zero;
            for (var i = 0; i < input.Supporters[p].Length; i++)
            {
                totalUtility += input.Weights[p][i] * input.Utilities[p][i];
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
                var entries = wallets.Entries(p);
                if (Total(entries) < BigRational.FromInteger(election.Costs[p]))
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
            run.MaxPayment[chosen] = wallets.Pay(chosen, chosenRho);
        }

        wallets.PublishMoneyLeft(run);
        run.HasAmounts = true;
        return run;
    }

    /// <summary>
    /// Replaces the published amounts of a run whose choices are known (from the fast engine) by the exact ones:
    /// each chosen project is paid for again at its exact price. Far cheaper than <see cref="Run"/>, which prices
    /// every candidate at every step.
    /// </summary>
    public static void Settle(EqualSharesInput input, long budgetNumerator, EqualSharesRun run)
    {
        var wallets = new Wallets(input, budgetNumerator);
        foreach (var p in run.Selected.Skip(input.FreeProjects.Length))
        {
            run.MaxPayment[p] = wallets.Pay(p, Rho(input.Election.Costs[p], wallets.Entries(p)));
        }

        run.MoneyLeft.Clear();
        wallets.PublishMoneyLeft(run);
        run.AmountsUncertain = false;
        run.SettledExactly = true;
    }

    // Numerators over the same denominator are added first, so fractions are reduced once per denominator.
    private static BigRational Total(List<(BigRational Money, long Utility, long Weight)> entries)
    {
        var byDenominator = new Dictionary<BigInteger, BigInteger>();
        foreach (var (m, _, w) in entries)
        {
            byDenominator[m.Denominator] = byDenominator.GetValueOrDefault(m.Denominator) + (m.Numerator * w);
        }

        var total = BigRational.Zero;
        foreach (var (denominator, numerator) in byDenominator)
        {
            total += BigRational.Create(numerator, denominator);
        }

        return total;
    }

    // The smallest rho with sum over supporters of min(money, rho * utility) = cost: the poorest (per unit of
    // utility) pay everything they have, the rest pay rho * utility.
    private static BigRational Rho(long cost, List<(BigRational Money, long Utility, long Weight)> entries)
    {
        var perUtility = entries.Select(e => e.Money / e.Utility).ToArray();
        var sorted = entries.ToArray();
        Array.Sort(perUtility, sorted);
        entries.Clear();
        entries.AddRange(sorted);
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

    /// <summary>Every voter's money, as classes of voters whose money is equal.</summary>
    private sealed class Wallets(EqualSharesInput input, long budgetNumerator)
    {
        private readonly List<BigRational> _money = [BigRational.Create(budgetNumerator, input.Election.VoterCount)];
        private readonly int[] _classOf = new int[input.Election.Weights.Length];

        // The supporters of p as (money, utility, number of voters), one entry per money class and utility.
        public List<(BigRational Money, long Utility, long Weight)> Entries(int p)
        {
            var byClass = new Dictionary<(int Class, long Utility), long>();
            var supporters = input.Supporters[p];
            for (var i = 0; i < supporters.Length; i++)
            {
                var key = (_classOf[supporters[i]], input.Utilities[p][i]);
                byClass[key] = byClass.GetValueOrDefault(key) + input.Weights[p][i];
            }

            return [.. byClass.Select(kv => (_money[kv.Key.Class], kv.Key.Utility, kv.Value))];
        }

        /// <summary>Takes min(money, rho * utility) from every supporter of p; returns the largest payment, published.</summary>
        public decimal Pay(int p, BigRational rho)
        {
            var newClass = new Dictionary<(int Class, long Utility), int>();
            var maxPayment = BigRational.Zero;
            var supporters = input.Supporters[p];
            for (var i = 0; i < supporters.Length; i++)
            {
                var g = supporters[i];
                var u = input.Utilities[p][i];
                var key = (_classOf[g], u);
                if (!newClass.TryGetValue(key, out var target))
                {
                    var m = _money[_classOf[g]];
                    var payment = BigRational.Min(m, rho * u);
                    maxPayment = payment > maxPayment ? payment : maxPayment;
                    target = _money.Count;
                    _money.Add(m - payment);
                    newClass[key] = target;
                }

                _classOf[g] = target;
            }

            return PublishedMoney.Payment(maxPayment / input.Election.Scale);
        }

        /// <summary>Records, for every eligible project the run did not buy, what its supporters have left.</summary>
        public void PublishMoneyLeft(EqualSharesRun run)
        {
            foreach (var p in input.Eligible.Where(p => !run.Selected.Contains(p)))
            {
                run.MoneyLeft[p] = PublishedMoney.MoneyLeft(Total(Entries(p)) / input.Election.Scale);
            }
        }
    }
}
