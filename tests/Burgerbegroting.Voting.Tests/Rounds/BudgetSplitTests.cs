using Burgerbegroting.Voting;
using FsCheck;
using FsCheck.Fluent;

namespace Burgerbegroting.Voting.Tests.Rounds;

/// <summary>Round 2 ballots: whole percentages 0..100 per chosen theme, exactly 100 together.</summary>
public sealed class BudgetSplitValidationTests
{
    private static readonly string[] Themes = ["green", "play", "safety"];

    [Fact]
    public void Split_adding_up_to_100_is_valid() =>
        Assert.Empty(BudgetSplit.Validate(new Dictionary<string, int> { ["green"] = 50, ["play"] = 50, ["safety"] = 0 }, Themes));

    [Theory]
    [InlineData(49, 50, 99)]
    [InlineData(51, 50, 101)]
    public void Split_of_99_or_101_is_refused_with_the_sum(int green, int play, int sum)
    {
        var errors = BudgetSplit.Validate(new Dictionary<string, int> { ["green"] = green, ["play"] = play, ["safety"] = 0 }, Themes);

        Assert.Equal(new BudgetSplitError<string>(BudgetSplitErrorKind.SumIsNot100, null, sum), Assert.Single(errors));
    }

    [Fact]
    public void Missing_unknown_and_out_of_range_themes_are_named()
    {
        var errors = BudgetSplit.Validate(new Dictionary<string, int> { ["green"] = 120, ["parking"] = -20 }, Themes);

        Assert.Contains(new BudgetSplitError<string>(BudgetSplitErrorKind.MissingTheme, "play", 0), errors);
        Assert.Contains(new BudgetSplitError<string>(BudgetSplitErrorKind.UnknownTheme, "parking", -20), errors);
        Assert.Contains(new BudgetSplitError<string>(BudgetSplitErrorKind.OutOfRange, "green", 120), errors);
    }
}

/// <summary>Round 2 tally: mean share per theme, budgets by largest remainder.</summary>
public sealed class MeanShareTests
{
    [Fact]
    public void Theme_budget_is_total_times_mean_share()
    {
        var ballots = new[]
        {
            new Dictionary<string, int> { ["green"] = 60, ["play"] = 40 },
            new Dictionary<string, int> { ["green"] = 20, ["play"] = 80 },
        };

        var result = BudgetSplit.Allocate(100_000, ["green", "play"], ballots);

        Assert.Equal([40m, 60m], result.Select(r => r.MeanShare));
        Assert.Equal([40_000L, 60_000L], result.Select(r => r.Budget));
    }

    [Fact]
    public void Budgets_add_up_to_the_total_when_shares_are_thirds()
    {
        var ballots = new[]
        {
            new Dictionary<string, int> { ["a"] = 100, ["b"] = 0, ["c"] = 0 },
            new Dictionary<string, int> { ["a"] = 0, ["b"] = 100, ["c"] = 0 },
            new Dictionary<string, int> { ["a"] = 0, ["b"] = 0, ["c"] = 100 },
        };

        var result = BudgetSplit.Allocate(100, ["a", "b", "c"], ballots);

        // 33⅓ each: the one leftover euro goes to the first theme listed.
        Assert.Equal([34L, 33L, 33L], result.Select(r => r.Budget));
    }

    [Fact]
    public void No_ballots_is_refused() =>
        Assert.Throws<ArgumentException>(() => BudgetSplit.Allocate(100, ["a"], Array.Empty<Dictionary<string, int>>()));
}

/// <summary>Largest remainder: exact sum, within one of the exact share, deterministic.</summary>
public sealed class LargestRemainderTests
{
    private static readonly Gen<(long Total, long[] Weights)> Inputs =
        from total in Gen.Choose(0, 2_000_000_000).Select(t => (long)t)
        from weights in Gen.NonEmptyListOf(Gen.Choose(0, 10_000_000).Select(w => (long)w))
        where weights.Any(w => w > 0)
        select (total, weights.ToArray());

    [Fact]
    public void Equal_remainders_go_to_the_earlier_entry() =>
        Assert.Equal([2L, 2L, 1L], LargestRemainder.Apportion(5, [1, 1, 1]));

    [Fact]
    public void Largest_remainder_wins_the_leftover_unit() =>
        Assert.Equal([1L, 2L], LargestRemainder.Apportion(3, [4, 5]));

    [Fact]
    public void Parts_sum_exactly_to_the_total() =>
        Properties.Check(Inputs, x => LargestRemainder.Apportion(x.Total, x.Weights).Sum() == x.Total, runs: 500);

    [Fact]
    public void Each_part_is_within_one_of_its_exact_share() =>
        Properties.Check(Inputs, x =>
        {
            var parts = LargestRemainder.Apportion(x.Total, x.Weights);
            var sum = x.Weights.Aggregate(Int128.Zero, (s, w) => s + w);
            return parts.Select((p, i) =>
            {
                // |part - total * w / sum| < 1, compared without rounding: |part * sum - total * w| < sum.
                var difference = ((Int128)p * sum) - ((Int128)x.Total * x.Weights[i]);
                return Int128.Abs(difference) < sum;
            }).All(ok => ok);
        }, runs: 500);

    [Fact]
    public void Apportionment_is_deterministic() =>
        Properties.Check(Inputs, x => LargestRemainder.Apportion(x.Total, x.Weights).SequenceEqual(LargestRemainder.Apportion(x.Total, [.. x.Weights])));
}
