using Burgerbegroting.Voting;

namespace Burgerbegroting.Voting.Tests.Rules;

/// <summary>Greedy takes projects by votes and skips, not stops at, one that does not fit.</summary>
public sealed class GreedyTests
{
    private static Election ThreeProjects() => new ElectionBuilder(100)
        .Project("A", 60).Project("B", 50).Project("C", 40)
        .Voters(1, "A", "B", "C").Voters(1, "A", "B").Voters(1, "A")
        .Build();

    [Fact]
    public void Project_that_does_not_fit_is_skipped_and_later_ones_still_considered()
    {
        var outcome = RuleCatalog.Greedy.Run(ThreeProjects());

        Assert.Equal(["A", "C"], outcome.Selected);
        Assert.Equal(100m, outcome.TotalCost);
    }

    [Fact]
    public void Loser_records_the_budget_left_when_its_turn_came()
    {
        var b = RuleCatalog.Greedy.Run(ThreeProjects())["B"];

        Assert.False(b.Selected);
        Assert.Equal(OutcomeReason.DidNotFit, b.Reason);
        Assert.Equal(40m, b.RemainingBudgetAtTurn);
        Assert.Equal(2, b.Votes);
    }

    [Fact]
    public void Winner_records_its_step_and_votes()
    {
        var outcome = RuleCatalog.Greedy.Run(ThreeProjects());

        Assert.Equal((1, 3L), (outcome["A"].Step!.Value, outcome["A"].Votes));
        Assert.Equal(2, outcome["C"].Step);
        Assert.Equal(["A", "C", "B"], outcome.Projects.Select(p => p.ProjectId));
    }

    [Fact]
    public void Equal_votes_are_decided_by_the_given_tie_breaking()
    {
        var election = new ElectionBuilder(60).Project("A", 50).Project("B", 30).Voters(2, "A", "B").Build();

        var byId = RuleCatalog.Greedy.Run(election, TieBreaking.ByIdOrdinal);
        var byCost = RuleCatalog.Greedy.Run(election, TieBreaking.LowerCostThenOrder(["A", "B"]));

        Assert.Equal(["A"], byId.Selected);
        Assert.Equal(["B"], byCost.Selected);
        var tie = Assert.Single(byCost.Ties);
        Assert.Equal((1, "B"), (tie.Step, tie.Chosen));
        Assert.Equal(["A"], tie.TiedWith);
    }

    [Fact]
    public void Equal_votes_and_cost_go_to_the_earlier_submission()
    {
        var election = new ElectionBuilder(30).Project("late", 30).Project("early", 30).Voters(2, "late", "early").Build();

        var outcome = RuleCatalog.Greedy.Run(election, TieBreaking.LowerCostThenOrder(["early", "late"]));

        Assert.Equal(["early"], outcome.Selected);
    }

    [Fact]
    public void Id_order_is_ordinal_string_order()
    {
        var election = new ElectionBuilder(10).Project("c2", 10).Project("c10", 10).Voters(1, "c2", "c10").Build();

        Assert.Equal(["c10"], RuleCatalog.Greedy.Run(election).Selected);
    }

    [Fact]
    public void Votes_per_cost_prefers_cheap_popular_projects()
    {
        var election = new ElectionBuilder(60).Project("big", 60).Project("small", 10).Voters(3, "big").Voters(2, "small").Build();

        Assert.Equal(["small"], RuleCatalog.Get("greedy-card").Run(election).Selected);
    }

    [Fact]
    public void Threshold_rule_leaves_out_projects_below_the_minimum_votes()
    {
        var election = new Election(
            100,
            [new Project("A", 10), new Project("B", 10)],
            [new Ballot("1", ["A", "B"]), new Ballot("2", ["A"])],
            meta: [new("min_project_score_threshold", "2")]);

        var outcome = RuleCatalog.Get("greedy-cost-threshold").Run(election);

        Assert.Equal(["A"], outcome.Selected);
        Assert.Equal(OutcomeReason.BelowThreshold, outcome["B"].Reason);
    }

    [Fact]
    public void Greedy_never_exceeds_the_budget() =>
        Properties.Check(RandomElections.Generator, election =>
            RuleCatalog.All.Where(r => r.Name.StartsWith("greedy-c", StringComparison.Ordinal) && r.Name != "greedy-cost-threshold")
                .All(r => r.Run(election).TotalCost <= election.Budget));
}
