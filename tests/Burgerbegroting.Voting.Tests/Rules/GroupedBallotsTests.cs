using Burgerbegroting.Voting;

namespace Burgerbegroting.Voting.Tests.Rules;

/// <summary>
/// Ballots handed over already grouped (<see cref="BallotGroups"/>), or only as approval counts, decide as the same
/// ballots one by one do: what the app's close of round 4 relies on when it streams 100,000 ballots.
/// </summary>
public sealed class GroupedBallotsTests
{
    private static readonly IOutcomeRule[] Rules =
    [
        RuleCatalog.Greedy, RuleCatalog.EqualShares, RuleCatalog.Get("greedy-card"), RuleCatalog.Get("mes-cost"), RuleCatalog.Get("mes-card"),
    ];

    [Fact]
    public void Grouped_ballots_give_every_rule_the_outcome_of_the_ballots_one_by_one() =>
        Properties.Check(RandomElections.Generator, election =>
        {
            var grouped = new Election(election.Budget, election.Projects, Groups(election));
            return Rules.All(rule => Describe(rule.Run(grouped)) == Describe(rule.Run(election)));
        });

    [Fact]
    public void Approval_counts_give_greedy_the_outcome_of_the_ballots() =>
        Properties.Check(RandomElections.Generator, election =>
        {
            var counts = Election.FromApprovalCounts(election.Budget, election.Projects, Counts(election));
            return RuleCatalog.All.OfType<GreedyRule>().Where(r => r.Name != "greedy-cost-threshold")
                .All(rule => rule.CountsSuffice && Describe(rule.Run(counts)) == Describe(rule.Run(election)));
        });

    [Fact]
    public void Identical_ballots_in_any_order_are_one_group_weighted_by_their_voters()
    {
        var groups = new BallotGroups(4);
        groups.Add([2, 0]);
        groups.Add([1]);
        groups.Add([0, 2]);
        groups.Add([2, 0], voters: 5);

        Assert.Equal(2, groups.Count);
        Assert.Equal(8, groups.Voters);
        Assert.Equal([0, 2], groups.Projects(0));
        Assert.Equal(7, groups.VotersOf(0));
        Assert.Equal([1], groups.Projects(1));
    }

    [Fact]
    public void A_ballot_naming_an_unknown_or_repeated_project_is_refused()
    {
        var groups = new BallotGroups(3);

        Assert.Throws<ArgumentOutOfRangeException>(() => groups.Add([3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => groups.Add([-1]));
        Assert.Throws<ArgumentException>(() => groups.Add([1, 1]));
        Assert.Equal(0, groups.Voters);
    }

    [Fact]
    public void Grouped_election_writes_out_one_ballot_per_voter_when_asked()
    {
        var projects = new[] { new Project("a", 10), new Project("b", 20) };
        var groups = new BallotGroups(2);
        groups.Add([1, 0], voters: 2);
        groups.Add([1]);

        var ballots = new Election(30, projects, groups).Ballots;

        Assert.Equal(["1", "2", "3"], ballots.Select(b => b.VoterId));
        Assert.Equal([["a", "b"], ["a", "b"], ["b"]], ballots.Select(b => b.ProjectIds));
    }

    [Fact]
    public void Equal_shares_refuses_an_election_of_counts_alone()
    {
        var counts = Election.FromApprovalCounts(30, [new Project("a", 10), new Project("b", 20)], [3, 1]);

        Assert.False(RuleCatalog.EqualShares.CountsSuffice);
        Assert.Throws<InvalidOperationException>(() => RuleCatalog.EqualShares.Run(counts));
        Assert.Throws<InvalidOperationException>(() => counts.Ballots);
        Assert.Equal(["a", "b"], RuleCatalog.Greedy.Run(counts).Selected);
    }

    private static BallotGroups Groups(Election election)
    {
        var groups = new BallotGroups(election.Projects.Count);
        var index = election.Projects.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        foreach (var ballot in election.Ballots)
        {
            groups.Add([.. ballot.ProjectIds.Select(id => index[id])]);
        }

        return groups;
    }

    private static long[] Counts(Election election) =>
        [.. election.Projects.Select(p => (long)election.Ballots.Count(b => b.ProjectIds.Contains(p.Id)))];

    private static string Describe(Outcome outcome) =>
        string.Join("; ", outcome.Projects.Select(p => p.ToString()))
        + " | ties " + string.Join("; ", outcome.Ties.Select(t => $"{t.Step} {t.Chosen} over {string.Join(",", t.TiedWith)}"))
        + $" | {outcome.VoterBudget} {outcome.BudgetIncrements}";
}
