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

    public static EqualSharesRun? TryRun(EqualSharesInput input, long budgetNumerator) =>
        new Engine(input, budgetNumerator).Run();

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
            foreach (var p in input.Eligible)
            {
                var supporters = input.Supporters[p];
                for (var i = 0; i < supporters.Length; i++)
                {
                    _totalUtility[p] = checked(_totalUtility[p] + (_election.Weights[supporters[i]] * input.Utilities[p][i]));
                }

                _staleLo[p] = Rho.FromFraction(_election.Costs[p], _totalUtility[p]).Lo;
            }
        }

        public EqualSharesRun? Run()
        {
            var run = new EqualSharesRun();
            run.Selected.AddRange(_input.FreeProjects);
            var active = new List<int>(_input.Eligible);
            var tied = new List<int>();
            while (active.Count > 0)
            {
                // An earlier rho is a lower bound (money only goes down): look at the most promising first and
                // stop once a bound alone is worse than the best found.
                active.Sort((a, b) => _staleLo[a].CompareTo(_staleLo[b]));
                Rho? best = null;
                tied.Clear();
                for (var index = 0; index < active.Count; index++)
                {
                    var p = active[index];
                    var affordable = Affordable(p);
                    if (affordable is null)
                    {
                        return null;
                    }

                    if (affordable == false)
                    {
                        active.RemoveAt(index--);
                        continue;
                    }

                    if (best is { } bound && _staleLo[p] > bound.Hi)
                    {
                        break;
                    }

                    if (ComputeRho(p) is not { } rho)
                    {
                        return null;
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
                run.MaxPayment[chosen] = Pay(chosen, chosenRho) ?? Uncertain();
            }

            foreach (var p in _input.Eligible.Where(p => !run.Selected.Contains(p)))
            {
                run.MoneyLeft[p] = MoneyLeft(p) ?? Uncertain();
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
            foreach (var g in _input.Supporters[p])
            {
                if (_touched[g])
                {
                    touched += _election.Weights[g] * _money[g];
                    error += _election.Weights[g] * _error[g];
                }
                else
                {
                    untouchedWeight += _election.Weights[g];
                }
            }

            var exact = BigRational.Create((BigInteger)untouchedWeight * _budgetNumerator, _voters);
            var (lo, hi) = Around(touched, (error * (1 + (4 * Unit))) + ((_input.Supporters[p].Length + 3) * Unit * touched));
            return Publish(PublishedMoney.MoneyLeft, exact + lo, exact + hi, _election.Scale);
        }

        // Do the supporters together have at least the cost? null when too close to call.
        private bool? Affordable(int p)
        {
            var supporters = _input.Supporters[p];
            long untouchedWeight = 0;
            long touchedWeight = 0;
            var touchedMoney = 0.0;
            var touchedError = 0.0;
            foreach (var g in supporters)
            {
                var w = _election.Weights[g];
                if (_touched[g])
                {
                    touchedWeight += w;
                    touchedMoney += w * _money[g];
                    touchedError += w * _error[g];
                }
                else
                {
                    untouchedWeight += w;
                }
            }

            var cost = _election.Costs[p];
            if (touchedWeight == 0)
            {
                return (Int128)untouchedWeight * _budgetNumerator >= (Int128)cost * _voters;
            }

            var sum = (untouchedWeight * _start) + touchedMoney;
            var error = (untouchedWeight * _startError) + (touchedError * (1 + (4 * Unit))) + ((supporters.Length + 3) * Unit * sum);
            return sum - error >= cost ? true : sum + error < cost ? false : null;
        }

        private Rho? ComputeRho(int p)
        {
            var supporters = _input.Supporters[p];
            var utilities = _input.Utilities[p];
            var cost = _election.Costs[p];
            var totalUtility = _totalUtility[p];

            // Nobody short of money: rho is exactly cost / total utility.
            var allPay = Rho.FromFraction(cost, totalUtility);
            var surelyAllPay = true;
            for (var i = 0; i < supporters.Length && surelyAllPay; i++)
            {
                var g = supporters[i];
                surelyAllPay = _touched[g]
                    ? _money[g] - _error[g] >= allPay.Hi * utilities[i] * (1 + (4 * Unit))
                    : (Int128)_budgetNumerator * totalUtility >= (Int128)cost * utilities[i] * _voters;
            }

            if (surelyAllPay)
            {
                return allPay;
            }

            // Those who cannot pay rho * utility pay all they have; raise rho until the poor set stops growing.
            var rho = allPay.Mid;
            var poorCount = -1;
            while (true)
            {
                double remaining = cost;
                long richUtility = 0;
                var poor = 0;
                for (var i = 0; i < supporters.Length; i++)
                {
                    var g = supporters[i];
                    if (_money[g] < rho * utilities[i])
                    {
                        remaining -= _election.Weights[g] * _money[g];
                        poor++;
                    }
                    else
                    {
                        richUtility += _election.Weights[g] * utilities[i];
                    }
                }

                if (richUtility == 0)
                {
                    return null;
                }

                rho = Math.Max(rho, remaining / richUtility);
                if (poor == poorCount)
                {
                    break;
                }

                poorCount = poor;
            }

            // A wider margin helps when many payers sit just above rho; try the tight one first.
            return Certify(p, rho, 1e-6) ?? Certify(p, rho, 1e-3);
        }

        // Proves |rho - true rho| <= delta. With F(x) = sum of min(money, x * utility), the true rho solves F = cost.
        // R bounds |F(rho) - cost| from the computed F and the money errors; voters surely still paying in full at
        // rho * (1 + eta) make F rise at least as fast as their utility U, so the true rho is within R / U.
        private Rho? Certify(int p, double rho, double eta)
        {
            var supporters = _input.Supporters[p];
            var utilities = _input.Utilities[p];
            var cost = _election.Costs[p];
            var f = 0.0;
            var moneyError = 0.0;
            long surelyRichUtility = 0;
            var above = rho * (1 + eta) * (1 + (4 * Unit));
            for (var i = 0; i < supporters.Length; i++)
            {
                var g = supporters[i];
                var w = _election.Weights[g];
                var error = _error[g];
                f += w * Math.Min(_money[g], rho * utilities[i]);
                moneyError += w * error;
                if (_money[g] - error >= above * utilities[i])
                {
                    surelyRichUtility += w * utilities[i];
                }
            }

            var r = Math.Abs(f - cost) + (moneyError * (1 + (4 * Unit))) + ((supporters.Length + 4) * Unit * (f + cost));
            if (!(r < eta * rho * surelyRichUtility * (1 - 1e-9)))
            {
                return null;
            }

            var delta = (r / surelyRichUtility * (1 + 1e-9)) + (4 * Unit * rho);
            return new Rho(false, 0, 0, rho - delta, rho + delta, rho);
        }

        // Takes every supporter's share of p; returns the largest payment, published, or null when too close to a
        // cent to call. An exact rho means everyone pays rho * utility, so the largest payment is exact too.
        private decimal? Pay(int p, Rho rho)
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
