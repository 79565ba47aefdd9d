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
    public static EqualSharesRun? TryRun(EqualSharesInput input, long budgetNumerator, bool amounts = true) =>
        new Engine(input, budgetNumerator).Run(amounts);

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

    private sealed class Engine
    {
        private readonly EqualSharesInput _input;
        private readonly CompiledElection _election;
        private readonly long _budgetNumerator;
        private readonly long _voters;
        private readonly double _start;
        private readonly double _startError;
        private readonly double[] _money;
        private readonly bool[] _touched;
        private readonly double[] _error;
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
            _money = new double[_election.Weights.Length];
            Array.Fill(_money, _start);
            _touched = new bool[_money.Length];
            _error = new double[_money.Length];
            Array.Fill(_error, _startError);
            _staleLo = new double[_election.ProjectCount];
            _totalUtility = new long[_election.ProjectCount];
            _untouchedPayInFull = new long[_election.ProjectCount];
            foreach (var p in input.Eligible)
            {
                var weights = input.Weights[p];
                var utilities = input.Utilities[p];
                for (var i = 0; i < weights.Length; i++)
                {
                    _totalUtility[p] = checked(_totalUtility[p] + (weights[i] * utilities[i]));
                }

                var allPay = Rho.FromFraction(_election.Costs[p], _totalUtility[p]);
                _staleLo[p] = allPay.Lo;

                // A voter still at the starting money pays rho * u in full at rho = cost / total utility exactly when
                // budgetNumerator / voters >= cost * u / total utility, i.e. when u is at most this (whole numbers).
                var most = (Int128)budgetNumerator * _totalUtility[p] / ((Int128)_election.Costs[p] * _voters);
                _untouchedPayInFull[p] = most > long.MaxValue ? long.MaxValue : (long)most;
            }
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
                    touched += weights[i] * _money[g];
                    error += weights[i] * _error[g];
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

        // Whether p is affordable and, if so, its rho. Each pass over the supporters at a trial rho gathers at once
        // what every question needs: the supporters' money (affordable?), whether all surely pay in full at
        // cost / total utility (then rho is exactly that), who is short at the trial rho (the next trial), and the
        // certificate for the trial rho. Those who cannot pay rho * utility pay all they have; rho is raised until
        // the short set stops growing. The first trial is the previous rho of p, a lower bound, since money only
        // goes down (its lower end, so the search comes from below as it would from cost / total utility).
        private Verdict Evaluate(int p, out Rho result)
        {
            result = default;
            var supporters = _input.Supporters[p];
            var utilities = _input.Utilities[p];
            var weights = _input.Weights[p];
            var cost = _election.Costs[p];
            var allPay = Rho.FromFraction(cost, _totalUtility[p]);
            var untouchedPayInFull = _untouchedPayInFull[p];
            var rho = Math.Max(allPay.Mid, _staleLo[p]);
            for (var pass = 0; ; pass++)
            {
                long untouchedWeight = 0;
                long touchedWeight = 0;
                var touchedMoney = 0.0;
                var touchedError = 0.0;
                var allPayInFull = true;
                var shortMoney = 0.0;
                long richUtility = 0;
                var f = 0.0;
                var moneyError = 0.0;
                long surelyRichTight = 0;
                long surelyRichLoose = 0;
                var aboveTight = rho * (1 + TightEta) * (1 + (4 * Unit));
                var aboveLoose = rho * (1 + LooseEta) * (1 + (4 * Unit));
                for (var i = 0; i < supporters.Length; i++)
                {
                    var g = supporters[i];
                    var w = weights[i];
                    var u = utilities[i];
                    var money = _money[g];
                    var error = _error[g];
                    if (_touched[g])
                    {
                        touchedWeight += w;
                        touchedMoney += w * money;
                        touchedError += w * error;
                        allPayInFull &= money - error >= allPay.Hi * u * (1 + (4 * Unit));
                    }
                    else
                    {
                        untouchedWeight += w;
                        allPayInFull &= u <= untouchedPayInFull;
                    }

                    var share = rho * u;
                    if (money < share)
                    {
                        shortMoney += w * money;
                        f += w * money;
                    }
                    else
                    {
                        richUtility += w * u;
                        f += w * share;
                    }

                    moneyError += w * error;
                    var surely = money - error;
                    if (surely >= aboveTight * u)
                    {
                        surelyRichTight += w * u;
                    }

                    if (surely >= aboveLoose * u)
                    {
                        surelyRichLoose += w * u;
                    }
                }

                if (pass == 0)
                {
                    // Do the supporters together have at least the cost?
                    if (touchedWeight == 0)
                    {
                        if ((Int128)untouchedWeight * _budgetNumerator < (Int128)cost * _voters)
                        {
                            return Verdict.Unaffordable;
                        }
                    }
                    else
                    {
                        var sum = (untouchedWeight * _start) + touchedMoney;
                        var sumError = (untouchedWeight * _startError) + (touchedError * (1 + (4 * Unit))) + ((supporters.Length + 3) * Unit * sum);
                        if (!(sum - sumError >= cost))
                        {
                            return sum + sumError < cost ? Verdict.Unaffordable : Verdict.Uncertain;
                        }
                    }

                    // Nobody short of money: rho is exactly cost / total utility.
                    if (allPayInFull)
                    {
                        result = allPay;
                        return Verdict.Priced;
                    }
                }

                if (richUtility == 0)
                {
                    return Verdict.Uncertain;
                }

                var next = Math.Max(rho, (cost - shortMoney) / richUtility);
                if (next != rho)
                {
                    // The short set grew (with the same set the same sums give the same next rho): try again.
                    rho = next;
                    continue;
                }

                // A wider margin helps when many payers sit just above rho; try the tight one first.
                if (Certify(rho, cost, supporters.Length, f, moneyError, surelyRichTight, TightEta) is { } tight)
                {
                    result = tight;
                    return Verdict.Priced;
                }

                if (Certify(rho, cost, supporters.Length, f, moneyError, surelyRichLoose, LooseEta) is { } loose)
                {
                    result = loose;
                    return Verdict.Priced;
                }

                return Verdict.Uncertain;
            }
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
            for (var i = 0; i < supporters.Length; i++)
            {
                var g = supporters[i];
                var payment = Math.Min(_money[g], rho.Mid * utilities[i]);
                maxPayment = Math.Max(maxPayment, payment);

                // min(money, rho * u) is off by at most the larger of the errors in money and in rho * u.
                maxError = Math.Max(maxError, Math.Max(_error[g], (delta + (2 * Unit * rho.Mid)) * utilities[i]));
                _touched[g] = true;
                if (_money[g] + _error[g] <= rho.Lo * utilities[i] * (1 - (4 * Unit)))
                {
                    // Surely short: pays everything, and has exactly nothing left.
                    _money[g] = 0;
                    _error[g] = 0;
                    continue;
                }

                _money[g] = Math.Max(0, _money[g] - payment);

                // The error grows by the error in rho times the utility, plus two roundings.
                _error[g] += (delta * utilities[i]) + (4 * Unit * _start);
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
