using Burgerbegroting.Voting;

namespace Burgerbegroting.Voting.Tests.Rules;

/// <summary>The Method of Equal Shares on a case small enough to check by hand.</summary>
public sealed class EqualSharesTests
{
    // 4 voters with 25 each. A (60) by v1..v3; B (30) by v4 alone; C (20) by v3 and v4.
    private static Election Example() => new ElectionBuilder(100)
        .Project("A", 60).Project("B", 30).Project("C", 20)
        .Voters(2, "A").Voters(1, "A", "C").Voters(1, "B", "C")
        .Build();

    [Fact]
    public void Cost_satisfaction_buys_the_project_with_lowest_price_per_unit_of_cost_first()
    {
        var outcome = RuleCatalog.Get("mes-cost").Run(Example());

        Assert.Equal(["A", "C"], outcome.Selected);
        Assert.Equal(20m, outcome["A"].PaymentPerSupporter);
        Assert.Equal(15m, outcome["C"].PaymentPerSupporter);
    }

    [Fact]
    public void Cardinality_satisfaction_buys_the_cheapest_per_supporter_first()
    {
        var outcome = RuleCatalog.Get("mes-card").Run(Example());

        Assert.Equal("C", outcome.Selected[0]);
    }

    [Fact]
    public void Unaffordable_project_records_what_its_supporters_had_left()
    {
        var b = RuleCatalog.Get("mes-cost").Run(Example())["B"];

        Assert.False(b.Selected);
        Assert.Equal(OutcomeReason.SupportersCouldNotAfford, b.Reason);
        Assert.Equal(10m, b.SupportersMoneyLeft);
    }

    [Fact]
    public void Exact_tie_is_broken_by_the_tie_breaking_order_and_reported()
    {
        var election = new ElectionBuilder(20).Project("x", 10).Project("y", 10).Voters(1, "x").Voters(1, "y").Build();

        var outcome = RuleCatalog.Get("mes-cost").Run(election, TieBreaking.LowerCostThenOrder(["y", "x"]));

        Assert.Equal(["y", "x"], outcome.Selected);
        var tie = Assert.Single(outcome.Ties);
        Assert.Equal((1, "y"), (tie.Step, tie.Chosen));
        Assert.Equal(["x"], tie.TiedWith);
    }

    [Fact]
    public void Add1_raises_voter_money_until_the_outcome_is_exhaustive()
    {
        // With 10 each, nobody can buy D (12) alone; one more unit each makes it affordable.
        var election = new ElectionBuilder(20).Project("D", 12).Project("E", 8).Voters(1, "D").Voters(1, "E").Build();

        var plain = RuleCatalog.Get("mes-cost").Run(election);
        var add1 = RuleCatalog.Get("mes-cost-add1").Run(election);

        Assert.Equal(["E"], plain.Selected);
        Assert.Equal(["D", "E"], add1.Selected.Order(StringComparer.Ordinal));
        Assert.Equal(2, add1.BudgetIncrements);
    }

    [Fact]
    public void Greedy_completion_spends_what_equal_shares_left()
    {
        // From 10 extra units on, A's supporters could also buy E and overspend, so add1 stops at A alone;
        // C's lone supporter never had 40, but greedy completion fits it in the 40 left.
        var election = new ElectionBuilder(100).Project("A", 60).Project("E", 45).Project("C", 40)
            .Voters(3, "A", "E").Voters(1, "C").Build();

        var outcome = RuleCatalog.EqualShares.Run(election);

        Assert.Equal(["A", "C"], outcome.Selected);
        Assert.Equal(9, outcome.BudgetIncrements);
        Assert.Equal(OutcomeReason.SelectedInCompletion, outcome["C"].Reason);
        Assert.Equal(40m, outcome["C"].RemainingBudgetAtTurn);
        Assert.Equal((OutcomeReason.DidNotFit, 40m), (outcome["E"].Reason, outcome["E"].RemainingBudgetAtTurn!.Value));
    }

    [Fact]
    public void Equal_shares_never_exceeds_the_budget() =>
        Properties.Check(RandomElections.Generator, election =>
            RuleCatalog.All.Where(r => r.Name.StartsWith("mes-c", StringComparison.Ordinal))
                .All(r => r.Run(election).TotalCost <= election.Budget));
}
