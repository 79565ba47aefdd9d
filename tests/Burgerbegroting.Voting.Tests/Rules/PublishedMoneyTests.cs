using Burgerbegroting.Voting;

namespace Burgerbegroting.Voting.Tests.Rules;

/// <summary>
/// Equal-shares amounts are published in cents rounded the way their sentence needs, and both engines publish the
/// same cents even where an amount sits on or next to a cent boundary.
/// </summary>
public sealed class PublishedMoneyTests
{
    [Theory]
    [InlineData(5005, 1000, "5.01")]
    [InlineData(5001, 1000, "5.01")]
    [InlineData(50049999, 10000000, "5.01")]
    [InlineData(5, 1, "5.00")]
    [InlineData(501, 100, "5.01")]
    [InlineData(1, 3, "0.34")]
    [InlineData(0, 1, "0.00")]
    public void Payment_is_rounded_up_to_the_cent_so_paid_at_most_stays_true(long numerator, long denominator, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), PublishedMoney.Payment(BigRational.Create(numerator, denominator)));

    [Theory]
    [InlineData(9995, 1000, "9.99")]
    [InlineData(9999, 1000, "9.99")]
    [InlineData(99949999, 10000000, "9.99")]
    [InlineData(10, 1, "10.00")]
    [InlineData(999, 100, "9.99")]
    [InlineData(2, 3, "0.66")]
    [InlineData(0, 1, "0.00")]
    public void Money_left_is_rounded_down_to_the_cent_so_too_little_stays_true(long numerator, long denominator, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), PublishedMoney.MoneyLeft(BigRational.Create(numerator, denominator)));

    [Fact]
    public void Voter_budget_is_rounded_down_so_the_shares_shown_never_exceed_the_budget()
    {
        var outcome = RuleCatalog.Get("mes-cost-add1").Run(new ElectionBuilder(2000).Project("a", 2000).Voters(3, "a").Build());

        Assert.Equal(666.66m, outcome.VoterBudget);
    }

    // 200 voters with 15 each. All support A (1,001), so each pays exactly 5.005; voter 1 also supports C (10) and
    // keeps 9.995, less than C costs.
    private static Election HalfCents()
    {
        var builder = new ElectionBuilder(3000).Project("A", 1001).Project("C", 10).Voters(1, "A", "C");
        return builder.Voters(199, "A").Build();
    }

    [Fact]
    public void A_payment_of_half_a_cent_is_published_rounded_up_by_both_engines()
    {
        var (exact, fast) = BothEngines(HalfCents());

        Assert.Equal(5.01m, exact.MaxPayment[0]);
        Assert.Equal(5.01m, fast.MaxPayment[0]);
        Assert.Equal(5.01m, RuleCatalog.Get("mes-cost").Run(HalfCents())["A"].PaymentPerSupporter);
    }

    [Fact]
    public void Money_left_of_half_a_cent_is_published_rounded_down_by_both_engines_so_it_stays_below_the_cost()
    {
        var (exact, fast) = BothEngines(HalfCents());

        Assert.Equal(9.99m, exact.MoneyLeft[1]);
        Assert.Equal(9.99m, fast.MoneyLeft[1]);
        Assert.False(fast.SettledExactly, "the fast engine rounds 9.995 itself");
    }

    [Fact]
    public void Money_left_exactly_on_a_cent_is_settled_in_exact_fractions_before_it_is_published()
    {
        // 4 voters with 25 each. A (60) by v1..v3; B (30) by v4 alone; C (20) by v3 and v4: v3 pays its last 5 for C,
        // v4 the other 15 and keeps exactly 10, which floating point cannot tell from 9.99999...
        var election = new ElectionBuilder(100).Project("A", 60).Project("B", 30).Project("C", 20)
            .Voters(2, "A").Voters(1, "A", "C").Voters(1, "B", "C").Build();
        var input = EqualSharesRule.Input(election, Satisfaction.Cost, null);

        var fast = FastEqualShares.TryRun(input, input.Election.Budget);
        Assert.NotNull(fast);
        Assert.True(fast.AmountsUncertain);
        EqualSharesRule.Settled(input, input.Election.Budget, fast);

        var exact = ExactEqualShares.Run(input, input.Election.Budget);
        Assert.Equal(10m, exact.MoneyLeft[1]);
        Assert.Equal(10m, fast.MoneyLeft[1]);
        Assert.Equal(exact.MaxPayment, fast.MaxPayment);
        Assert.Equal(10m, RuleCatalog.Get("mes-cost").Run(election)["B"].SupportersMoneyLeft);
    }

    private static (EqualSharesRun Exact, EqualSharesRun Fast) BothEngines(Election election)
    {
        var input = EqualSharesRule.Input(election, Satisfaction.Cost, null);
        var fast = FastEqualShares.TryRun(input, input.Election.Budget);
        Assert.NotNull(fast);
        return (ExactEqualShares.Run(input, input.Election.Budget), EqualSharesRule.Settled(input, input.Election.Budget, fast));
    }
}
