using System.Buffers;
using System.Numerics;

namespace Burgerbegroting.Voting;

/// <summary>
/// The Method of Equal Shares in floating point, with a proven error bound on every number it compares.
/// A decision is taken only when the bound shows it is the one exact arithmetic would take; otherwise the run
/// gives up (returns null) and the caller falls back to <see cref="ExactEqualShares"/>. So floating point makes
/// it fast but never decides a winner. Values that are exact by construction (every supporter still has the
/// starting money, or nobody is short) are compared as integers, so true ties are found, not guessed. The amounts
/// it publishes are rounded only when the error bound shows exact arithmetic rounds them the same way; otherwise the
/// run says so (<see cref="EqualSharesRun.AmountsUncertain"/>) and the amounts are settled exactly if it is published.
/// </summary>
internal static class FastEqualShares
{
    // Unit roundoff of a double.
    private const double Unit = 1.0 / (1L << 53);

    // The margins above rho at which voters must surely still pay in full for a certificate (see Certify).
    private const double TightEta = 1e-6;
    private const double LooseEta = 1e-3;

    /// <summary>
    /// One run, or null when floating point cannot decide. Without <paramref name="amounts"/> only the winners, their
    /// order and the ties are computed (what an add1 rule needs to try a run), not the amounts explanations publish.
    /// </summary>
    public static EqualSharesRun? TryRun(EqualSharesInput input, long budgetNumerator, bool amounts = true)
    {
        var engine = new Engine(input, budgetNumerator);
        try
        {
            return engine.Run(amounts);
        }
        finally
        {
            engine.Release();
        }
    }

    // Rounds an amount known only to lie in [lo, hi]; null when the ends round differently.
    private static decimal? Publish(Func<BigRational, decimal> round, BigRational lo, BigRational hi, long scale)
    {
        var low = round(lo / scale);
        return low == round(hi / scale) ? low : null;
    }

    // Exact ends of an interval that surely holds every number within error of value (value itself being rounded).
    private static (BigRational Lo, BigRational Hi) Around(double value, double error)
    {
        var margin = (error * (1 + (4 * Unit))) + (4 * Unit * Math.Abs(value));
        return (BigRational.FromDouble(value - margin), BigRational.FromDouble(value + margin));
    }

    /// <summary>rho, either exactly Numerator/Denominator or known to lie in [Lo, Hi].</summary>
    private readonly record struct Rho(bool Exact, long Numerator, Int128 Denominator, double Lo, double Hi, double Mid)
    {
        public static Rho FromFraction(long numerator, Int128 denominator)
        {
            var value = (double)numerator / (double)denominator;
            return new(true, numerator, denominator, value * (1 - (8 * Unit)), value * (1 + (8 * Unit)), value);
        }

        // -1, 0 or 1, or null when the bounds cannot tell.
        public int? CompareTo(Rho other)
        {
            if (Exact && other.Exact)
            {
                return ((Int128)Numerator * other.Denominator).CompareTo((Int128)other.Numerator * Denominator);
            }

            return Hi < other.Lo ? -1 : Lo > other.Hi ? 1 : null;
        }
    }

    private enum Verdict
    {
        /// <summary>Floating point cannot decide; the run must be redone in exact fractions.</summary>
        Uncertain,

        /// <summary>The supporters together have less than the cost (and money only goes down).</summary>
        Unaffordable,

        /// <summary>Affordable, with rho certified.</summary>
        Priced,
    }

    /// <summary>
    /// What one pass over a project's supporters at a trial rho found: F(rho) as computed, the sum of the money errors,
    /// the utility of those who pay in full, how many are short, the utility of those surely paying in full at
    /// rho * (1 + eta) for both margins, the money of those short, and the least (money - error) / utility of those
    /// paying in full, and the money of all.
    /// </summary>
    private readonly record struct Trial(
        double F, double MoneyError, long RichUtility, int ShortCount, long SurelyRichTight, long SurelyRichLoose, double ShortMoney, double LeastSureRatio, double Money);

    /// <summary>A group's money and the bound on its error, read together.</summary>
    private struct Wallet
    {
        public double Money;
        public double Error;
    }

    private sealed class Engine
    {
        private readonly EqualSharesInput _input;
        private readonly CompiledElection _election;
        private readonly long _budgetNumerator;
        private readonly long _voters;
        private readonly double _start;
        private readonly double _startError;
        private readonly Wallet[] _wallets;
        private readonly bool[] _touched;

        // Per project: whether some supporter may have paid for a project already (it shares voters with one bought).
        private readonly bool[] _reached;
        private readonly double[] _staleLo;
        private readonly long[] _totalUtility;
        private readonly long[] _untouchedPayInFull;
        private bool _uncertain;

        public Engine(EqualSharesInput input, long budgetNumerator)
        {
            _input = input;
            _election = input.Election;
            _budgetNumerator = budgetNumerator;
            _voters = _election.VoterCount;
            _start = (double)budgetNumerator / _voters;
            _startError = _start * 2 * Unit;

            // The add1 rules make hundreds of runs: the per-group arrays are borrowed, not allocated each time.
            var groups = _election.Weights.Length;
            _wallets = ArrayPool<Wallet>.Shared.Rent(groups);
            _wallets.AsSpan(0, groups).Fill(new Wallet { Money = _start, Error = _startError });
            _touched = ArrayPool<bool>.Shared.Rent(groups);
            _touched.AsSpan(0, groups).Clear();
            _staleLo = new double[_election.ProjectCount];
            _reached = new bool[_election.ProjectCount];
            _totalUtility = input.TotalUtility;
            _untouchedPayInFull = new long[_election.ProjectCount];
            foreach (var p in input.Eligible)
            {
                var allPay = Rho.FromFraction(_election.Costs[p], _totalUtility[p]);
                _staleLo[p] = allPay.Lo;

                // A voter still at the starting money pays rho * u in full at rho = cost / total utility exactly when
                // budgetNumerator / voters >= cost * u / total utility, i.e. when u is at most this (whole numbers).
                var most = (Int128)budgetNumerator * _totalUtility[p] / ((Int128)_election.Costs[p] * _voters);
                _untouchedPayInFull[p] = most > long.MaxValue ? long.MaxValue : (long)most;
            }
        }

        public void Release()
        {
            ArrayPool<Wallet>.Shared.Return(_wallets);
            ArrayPool<bool>.Shared.Return(_touched);
        }

        public EqualSharesRun? Run(bool amounts)
        {
            var run = new EqualSharesRun { HasAmounts = amounts };
            run.Selected.AddRange(_input.FreeProjects);
            var active = new List<int>(_input.Eligible);
            var tied = new List<int>();
            while (active.Count > 0)
            {
                // An earlier rho is a lower bound (money only goes down): look at the most promising first and
                // stop once a bound alone is worse than the best found. A project past that point cannot be chosen
                // in this step whether or not it is still affordable, so it is not looked at.
                active.Sort((a, b) => _staleLo[a].CompareTo(_staleLo[b]));
                Rho? best = null;
                tied.Clear();
                for (var index = 0; index < active.Count; index++)
                {
                    var p = active[index];
                    if (best is { } bound && _staleLo[p] > bound.Hi)
                    {
                        break;
                    }

                    var verdict = Evaluate(p, out var rho);
                    if (verdict == Verdict.Uncertain)
                    {
                        return null;
                    }

                    if (verdict == Verdict.Unaffordable)
                    {
                        active.RemoveAt(index--);
                        continue;
                    }

                    _staleLo[p] = rho.Lo;
                    var comparison = best is { } current ? rho.CompareTo(current) : -1;
                    if (comparison is null)
                    {
                        return null;
                    }

                    if (comparison < 0)
                    {
                        best = rho;
                        tied.Clear();
                    }

                    if (comparison <= 0)
                    {
                        tied.Add(p);
                    }
                }

                if (best is not { } chosenRho)
                {
                    break;
                }

                var chosen = tied.MinBy(p => _input.Ranks[p]);
                if (tied.Count > 1)
                {
                    run.Ties.Add((run.Selected.Count + 1, chosen, [.. tied.Where(p => p != chosen)]));
                }

                run.Selected.Add(chosen);
                active.Remove(chosen);
                foreach (var q in _election.Neighbours[chosen])
                {
                    _reached[q] = true;
                }

                var payment = Pay(chosen, chosenRho, amounts);
                if (amounts)
                {
                    run.MaxPayment[chosen] = payment ?? Uncertain();
                }
            }

            if (amounts)
            {
                foreach (var p in _input.Eligible.Where(p => !run.Selected.Contains(p)))
                {
                    run.MoneyLeft[p] = MoneyLeft(p) ?? Uncertain();
                }
            }

            run.AmountsUncertain = _uncertain;
            return run;
        }

        private decimal Uncertain()
        {
            _uncertain = true;
            return 0;
        }

        // What the supporters of p have left, published; null when too close to a cent to call. The voters still
        // at their starting money are counted exactly.
        private decimal? MoneyLeft(int p)
        {
            long untouchedWeight = 0;
            var touched = 0.0;
            var error = 0.0;
            var supporters = _input.Supporters[p];
            var weights = _input.Weights[p];
            for (var i = 0; i < supporters.Length; i++)
            {
                var g = supporters[i];
                if (_touched[g])
                {
                    touched += weights[i] * _wallets[g].Money;
                    error += weights[i] * _wallets[g].Error;
                }
                else
                {
                    untouchedWeight += weights[i];
                }
            }

            var exact = BigRational.Create((BigInteger)untouchedWeight * _budgetNumerator, _voters);
            var (lo, hi) = Around(touched, (error * (1 + (4 * Unit))) + ((supporters.Length + 3) * Unit * touched));
            return Publish(PublishedMoney.MoneyLeft, exact + lo, exact + hi, _election.Scale);
        }

        // Whether p is affordable and, if so, its rho. Those who cannot pay rho * utility pay all they have; with the
        // short set fixed, F(x) = short money + x * rich utility, so the next trial solves F = cost for that set (a
        // Newton step); rho only rises, so the short set only grows, and once a trial leaves it as it was, the trial is
        // the solution and its pass has what the certificate needs. The first trial is the lower end of the previous
        // rho of p: money only goes down, so it is a lower bound.
        private Verdict Evaluate(int p, out Rho result)
        {
            result = default;
            var cost = _election.Costs[p];
            var allPay = Rho.FromFraction(cost, _totalUtility[p]);
            var n = _input.Supporters[p].Length;

            // After the first payment by a supporter, rho is above cost / total utility for good; then whether
            // the supporters can afford p is read from the first trial's pass (or, when too close to call, from a look
            // that counts the voters still at the starting money exactly).
            var lookedFirst = _staleLo[p] <= allPay.Hi;
            if (lookedFirst)
            {
                var (affordable, allPayInFull) = _reached[p] ? FirstLook(p, allPay) : Untouched(p);
                if (affordable is not true)
                {
                    return affordable is null ? Verdict.Uncertain : Verdict.Unaffordable;
                }

                if (allPayInFull)
                {
                    result = allPay;
                    return Verdict.Priced;
                }
            }

            var rho = Math.Max(allPay.Mid, _staleLo[p]);
            var trial = Try(p, rho);
            if (!lookedFirst)
            {
                var sum = trial.Money;
                var error = (trial.MoneyError * (1 + ((n + 4) * Unit))) + ((n + 3) * Unit * sum);
                if (!(sum - error >= cost))
                {
                    var affordable = sum + error < cost ? false : FirstLook(p, allPay).Affordable;
                    if (affordable is not true)
                    {
                        return affordable is null ? Verdict.Uncertain : Verdict.Unaffordable;
                    }
                }
            }
            while (true)
            {
                if (trial.RichUtility == 0)
                {
                    return Verdict.Uncertain;
                }

                var next = Math.Max(rho, (cost - trial.ShortMoney) / trial.RichUtility);
                if (next == rho)
                {
                    break;
                }

                if (Foreseen(next, cost, n, trial) is { } foreseen)
                {
                    result = foreseen;
                    return Verdict.Priced;
                }

                var shortCount = trial.ShortCount;
                rho = next;
                trial = Try(p, rho);
                if (trial.ShortCount == shortCount)
                {
                    break;
                }
            }

            // A wider margin helps when many payers sit just above rho; try the tight one first.
            if ((Certify(rho, cost, n, trial.F, trial.MoneyError, trial.SurelyRichTight, TightEta)
                ?? Certify(rho, cost, n, trial.F, trial.MoneyError, trial.SurelyRichLoose, LooseEta)) is not { } certified)
            {
                return Verdict.Uncertain;
            }

            result = certified;
            return Verdict.Priced;
        }

        // The certificate for the next trial rho without another pass, when the pass at the last trial shows the short
        // set cannot change up to it: every voter paying in full there surely still pays in full at next * (1 + eta).
        // Then F(next) = short money + next * rich utility, computed here with at most the rounding error Certify
        // allows for a pass (one rounding per short voter's term and in their sum, two for the rich part, one for the
        // sum), and the voters surely paying in full are exactly the rich ones.
        private static Rho? Foreseen(double next, long cost, int n, Trial trial)
        {
            var f = trial.ShortMoney + (next * trial.RichUtility);
            foreach (var eta in (ReadOnlySpan<double>)[TightEta, LooseEta])
            {
                var above = next * (1 + eta) * (1 + (4 * Unit));
                if (trial.LeastSureRatio >= above * (1 + (4 * Unit))
                    && Certify(next, cost, n, f, trial.MoneyError, trial.RichUtility, eta) is { } certified)
                {
                    return certified;
                }
            }

            return null;
        }

        // FirstLook for a project none of whose supporters has paid anything yet: in whole numbers, without a pass.
        private (bool? Affordable, bool AllPayInFull) Untouched(int p)
        {
            var affordable = (Int128)_input.SupporterWeight[p] * _budgetNumerator >= (Int128)_election.Costs[p] * _voters;
            return (affordable, affordable && _input.MostUtility[p] <= _untouchedPayInFull[p]);
        }

        // Do the supporters together have at least the cost (null: too close to call)? And do all surely pay in full
        // at rho = cost / total utility (then that is rho, exactly)? Voters still at the starting money count exactly.
        private (bool? Affordable, bool AllPayInFull) FirstLook(int p, Rho allPay)
        {
            var supporters = _input.Supporters[p];
            var weights = _input.Weights[p];
            var utilities = _input.Utilities[p];
            var wallets = _wallets;
            var touched = _touched;
            var untouchedPayInFull = _untouchedPayInFull[p];
            long untouchedWeight = 0;
            long touchedWeight = 0;
            var touchedMoney = 0.0;
            var touchedError = 0.0;

            // After the first payment by a supporter, rho is above cost / total utility for good.
            var allPayInFull = _staleLo[p] <= allPay.Hi;
            for (var i = 0; i < supporters.Length; i++)
            {
                var g = supporters[i];
                var w = weights[i];
                if (touched[g])
                {
                    var wallet = wallets[g];
                    touchedWeight += w;
                    touchedMoney += w * wallet.Money;
                    touchedError += w * wallet.Error;
                    allPayInFull = allPayInFull && wallet.Money - wallet.Error >= allPay.Hi * utilities[i] * (1 + (4 * Unit));
                }
                else
                {
                    untouchedWeight += w;
                    allPayInFull = allPayInFull && utilities[i] <= untouchedPayInFull;
                }
            }

            var cost = _election.Costs[p];
            if (touchedWeight == 0)
            {
                return ((Int128)untouchedWeight * _budgetNumerator >= (Int128)cost * _voters, allPayInFull);
            }

            var sum = (untouchedWeight * _start) + touchedMoney;
            var error = (untouchedWeight * _startError) + (touchedError * (1 + (4 * Unit))) + ((supporters.Length + 3) * Unit * sum);
            return (sum - error >= cost ? true : sum + error < cost ? false : null, allPayInFull);
        }

        // One pass over the supporters of p at a trial rho. The selections are written as arithmetic, not branches:
        // which supporters are short or surely rich is data, not a pattern a processor can predict. Money and shares
        // are never negative or NaN, so the processor's own minimum is the exact one.
        private Trial Try(int p, double rho)
        {
            var entries = _input.Entries[p];
            var wallets = _wallets;
            var aboveTight = rho * (1 + TightEta) * (1 + (4 * Unit));
            var aboveLoose = rho * (1 + LooseEta) * (1 + (4 * Unit));
            var f = 0.0;
            var moneyError = 0.0;
            long richUtility = 0;
            var shortCount = 0;
            long surelyRichTight = 0;
            long surelyRichLoose = 0;
            var shortMoney = 0.0;
            var money = 0.0;
            var leastSureRatio = double.MaxValue;
            foreach (ref readonly var entry in entries.AsSpan())
            {
                var wallet = wallets[entry.Group];
                var u = entry.Utility;
                var share = rho * u;
                var isShort = wallet.Money < share ? 1 : 0;
                var shortOne = (double)isShort;
                f += entry.Weight * double.MinNative(wallet.Money, share);
                shortMoney += entry.Weight * wallet.Money * shortOne;
                money += entry.Weight * wallet.Money;
                moneyError += entry.Weight * wallet.Error;
                richUtility += entry.WeightedUtility & (isShort - 1L);
                shortCount += isShort;
                var surely = wallet.Money - wallet.Error;
                surelyRichTight += entry.WeightedUtility & -(surely >= aboveTight * u ? 1L : 0L);
                surelyRichLoose += entry.WeightedUtility & -(surely >= aboveLoose * u ? 1L : 0L);

                // The least (money - error) / utility over those paying in full (short ones count as the largest
                // double; both products below are exact, as one factor is 0 or 1).
                var ratio = (surely / u * (1 - shortOne)) + (double.MaxValue * shortOne);
                leastSureRatio = double.MinNative(leastSureRatio, ratio);
            }

            return new Trial(f, moneyError, richUtility, shortCount, surelyRichTight, surelyRichLoose, shortMoney, leastSureRatio, money);
        }

        // Proves |rho - true rho| <= delta. With F(x) = sum of min(money, x * utility), the true rho solves F = cost;
        // f is the computed F(rho) over n supporters, moneyError the sum of their money errors. R bounds |F(rho) - cost|;
        // voters surely still paying in full at rho * (1 + eta) make F rise at least as fast as their utility U, so
        // the true rho is within R / U.
        private static Rho? Certify(double rho, long cost, int n, double f, double moneyError, long surelyRichUtility, double eta)
        {
            var r = Math.Abs(f - cost) + (moneyError * (1 + (4 * Unit))) + ((n + 4) * Unit * (f + cost));
            if (!(r < eta * rho * surelyRichUtility * (1 - 1e-9)))
            {
                return null;
            }

            var delta = (r / surelyRichUtility * (1 + 1e-9)) + (4 * Unit * rho);
            return new Rho(false, 0, 0, rho - delta, rho + delta, rho);
        }

        // Takes every supporter's share of p; returns the largest payment, published, or null when too close to a
        // cent to call (or not computed: null, without amounts). An exact rho means everyone pays rho * utility, so
        // the largest payment is exact too.
        private decimal? Pay(int p, Rho rho, bool amounts)
        {
            var supporters = _input.Supporters[p];
            var utilities = _input.Utilities[p];
            var delta = rho.Hi - rho.Mid;
            var maxPayment = 0.0;
            var maxError = 0.0;
            var wallets = _wallets;
            for (var i = 0; i < supporters.Length; i++)
            {
                var g = supporters[i];
                ref var money = ref wallets[g].Money;
                ref var error = ref wallets[g].Error;
                var payment = Math.Min(money, rho.Mid * utilities[i]);
                maxPayment = Math.Max(maxPayment, payment);

                // min(money, rho * u) is off by at most the larger of the errors in money and in rho * u.
                maxError = Math.Max(maxError, Math.Max(error, (delta + (2 * Unit * rho.Mid)) * utilities[i]));
                _touched[g] = true;
                if (money + error <= rho.Lo * utilities[i] * (1 - (4 * Unit)))
                {
                    // Surely short: pays everything, and has exactly nothing left.
                    money = 0;
                    error = 0;
                    continue;
                }

                money = Math.Max(0, money - payment);

                // The error grows by the error in rho times the utility, plus two roundings.
                error += (delta * utilities[i]) + (4 * Unit * _start);
            }

            if (!amounts)
            {
                return null;
            }

            if (rho.Exact)
            {
                var exact = BigRational.Create((BigInteger)rho.Numerator * utilities.Max(), rho.Denominator);
                return Publish(PublishedMoney.Payment, exact, exact, _election.Scale);
            }

            var (lo, hi) = Around(maxPayment, maxError);
            return Publish(PublishedMoney.Payment, lo, hi, _election.Scale);
        }
    }
}
