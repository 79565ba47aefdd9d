using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Tests.Pabulib;
using FsCheck.Fluent;

namespace Burgerbegroting.Voting.Tests.Rules;

/// <summary>The floating-point engine either publishes exactly what exact arithmetic gives, or declines to decide.</summary>
public sealed class FastEngineTests
{
    [Fact]
    public void Fast_engine_matches_exact_fractions_in_winners_ties_payments_and_money_left_on_small_elections()
    {
        var tally = new Tally();
        Properties.Check(RandomElections.Generator, election => Matches(election, [0, 1, 3], tally), runs: 500);

        Report(tally);
        Assert.True(tally.Ties > 0, "no exact tie was generated");
        Assert.True(tally.Settled > 0, "no amount sat on a cent boundary, so exact settlement was never compared");
    }

    [Fact]
    public void Fast_engine_matches_exact_fractions_in_winners_ties_payments_and_money_left_on_neighbourhood_elections()
    {
        var tally = new Tally();
        var cases = NeighbourhoodElections.Generator.Zip(Gen.Choose(1, 40));
        Properties.Check(cases, x => Matches(x.Item1, [0, x.Item2], tally) && CountNearTies(x.Item1, tally), runs: 60);

        Report(tally);
        Assert.True(tally.Decided >= tally.Runs * 2 / 3, $"the fast engine gave up on {tally.Runs - tally.Decided} of {tally.Runs} runs");
        Assert.True(tally.Ties > 0, "no exact tie was generated");
        Assert.True(tally.NearTies > 0, "no near-tie (twins one euro apart, both bought in a row) was generated");
        Assert.True(tally.Amounts > 1000, $"only {tally.Amounts} payments and amounts left were compared");
    }

    [Fact]
    public void Exact_engine_gives_the_reference_outcome()
    {
        var election = ReferenceData.Load("Poland_Warszawa_2019_Grochow_Kinowa.pb");
        var input = EqualSharesRule.Input(election, Satisfaction.Cost, null);

        var run = ExactEqualShares.Run(input, input.Election.Budget);

        var ids = run.Selected.Select(p => election.Projects[p].Id).Order(StringComparer.Ordinal);
        Assert.Equal(ReferenceData.Expected["Poland_Warszawa_2019_Grochow_Kinowa.pb"]["mes-cost"].Order(StringComparer.Ordinal), ids);
    }

    [Theory]
    [InlineData("Poland_Warszawa_2026.pb")]
    [InlineData("Poland_Wroclaw_2015_150_-_500.pb")]
    public void Big_files_need_no_exact_fallback(string file)
    {
        var input = EqualSharesRule.Input(ReferenceData.Load(file), Satisfaction.Cost, null);

        Assert.NotNull(FastEqualShares.TryRun(input, input.Election.Budget));
    }

    // Every satisfaction the election allows, at its budget and with extra units of starting money (as add1 runs).
    private static bool Matches(Election election, long[] extras, Tally tally)
    {
        var satisfactions = election.VoteType == VoteType.Cumulative ? Enum.GetValues<Satisfaction>() : [Satisfaction.Cost, Satisfaction.Cardinality];
        foreach (var satisfaction in satisfactions)
        {
            var input = EqualSharesRule.Input(election, satisfaction, null);
            foreach (var extra in extras)
            {
                var numerator = input.Election.Budget + (extra * input.Election.VoterCount * input.Election.Scale);
                var exact = ExactEqualShares.Run(input, numerator);
                var fast = FastEqualShares.TryRun(input, numerator);
                tally.Runs++;
                tally.Ties += exact.Ties.Count;
                if (fast is null)
                {
                    tally.GaveUpWithoutTie += exact.Ties.Count == 0 ? 1 : 0;
                    continue;
                }

                EqualSharesRule.Settled(input, numerator, fast);
                tally.Decided++;
                tally.Settled += fast.SettledExactly ? 1 : 0;
                tally.Amounts += exact.MaxPayment.Count + exact.MoneyLeft.Count;
                if (!SameRun(exact, fast))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool SameRun(EqualSharesRun exact, EqualSharesRun fast) =>
        exact.Selected.SequenceEqual(fast.Selected)
        && exact.Ties.Select(Tie).SequenceEqual(fast.Ties.Select(Tie))
        && Same(exact.MaxPayment, fast.MaxPayment)
        && Same(exact.MoneyLeft, fast.MoneyLeft);

    private static string Tie((int Step, int Chosen, int[] Tied) tie) => $"{tie.Step}:{tie.Chosen}:{string.Join(',', tie.Tied)}";

    private static bool Same(Dictionary<int, decimal> exact, Dictionary<int, decimal> fast) =>
        exact.Count == fast.Count && exact.All(kv => fast.TryGetValue(kv.Key, out var value) && value == kv.Value);

    // A near-tie that mattered: twins one euro apart bought one right after the other by exact arithmetic.
    private static bool CountNearTies(Election election, Tally tally)
    {
        foreach (var satisfaction in new[] { Satisfaction.Cost, Satisfaction.Cardinality })
        {
            var input = EqualSharesRule.Input(election, satisfaction, null);
            var selected = ExactEqualShares.Run(input, input.Election.Budget).Selected.Select(p => election.Projects[p].Id).ToList();
            tally.NearTies += NeighbourhoodElections.NearTwins(election)
                .Count(t => Math.Abs(selected.IndexOf(t.First) - selected.IndexOf(t.Second)) == 1 && selected.Contains(t.First));
        }

        return true;
    }

    private static void Report(Tally tally) =>
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{tally.Runs} runs; the fast engine decided {tally.Decided} ({tally.Settled} with amounts settled exactly) and gave up on " +
            $"{tally.Runs - tally.Decided} ({tally.GaveUpWithoutTie} without an exact tie); {tally.Ties} exact ties, {tally.NearTies} near-ties; " +
            $"{tally.Amounts} amounts compared");

    private sealed class Tally
    {
        public int Runs { get; set; }

        public int Decided { get; set; }

        public int Ties { get; set; }

        public int NearTies { get; set; }

        public int Amounts { get; set; }

        public int GaveUpWithoutTie { get; set; }

        public int Settled { get; set; }
    }
}
