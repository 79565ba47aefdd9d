namespace Burgerbegroting.Voting;

/// <summary>The outcome rules by name, with the semantics of tests/pabulib/README.md.</summary>
public static class RuleCatalog
{
    public static IReadOnlyList<IOutcomeRule> All { get; } =
    [
        new GreedyRule("greedy-cost", GreedyScore.Votes),
        new GreedyRule("greedy-card", GreedyScore.VotesPerCost),
        new GreedyRule("greedy-points", GreedyScore.Points),
        new GreedyRule("greedy-cost-threshold", GreedyScore.Votes, useScoreThreshold: true),
        new EqualSharesRule("mes-cost", Satisfaction.Cost),
        new EqualSharesRule("mes-card", Satisfaction.Cardinality),
        new EqualSharesRule("mes-points", Satisfaction.Points),
        new Add1EqualSharesRule("mes-cost-add1", Satisfaction.Cost, Add1Stop.Exhaustive, greedyCompletion: false),
        new Add1EqualSharesRule("mes-card-add1", Satisfaction.Cardinality, Add1Stop.Exhaustive, greedyCompletion: false),
        new Add1EqualSharesRule("mes-cost-add1-until-infeasible", Satisfaction.Cost, Add1Stop.Infeasible, greedyCompletion: false),
        new Add1EqualSharesRule("mes-cost-add1-greedy", Satisfaction.Cost, Add1Stop.Exhaustive, greedyCompletion: true),
    ];

    /// <summary>The app's default round 4 rule: greedy by votes.</summary>
    public static IOutcomeRule Greedy => Get("greedy-cost");

    /// <summary>The app's proportional round 4 rule: equal shares with cost satisfaction, completed by greedy.</summary>
    public static IOutcomeRule EqualShares => Get("mes-cost-add1-greedy");

    public static IEnumerable<string> Names => All.Select(r => r.Name);

    public static bool TryGet(string name, out IOutcomeRule rule)
    {
        rule = All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal))!;
        return rule is not null;
    }

    public static IOutcomeRule Get(string name) =>
        TryGet(name, out var rule) ? rule : throw new ArgumentException($"Unknown rule '{name}'. Known rules: {string.Join(", ", Names)}.", nameof(name));
}
