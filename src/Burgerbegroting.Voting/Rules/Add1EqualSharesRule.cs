namespace Burgerbegroting.Voting;

/// <summary>When the add1 variants stop adding one unit to every voter's starting money.</summary>
public enum Add1Stop
{
    /// <summary>At the first exhaustive outcome (nothing more fits), else the last one within the budget (pabutools).</summary>
    Exhaustive,

    /// <summary>Only when the outcome no longer fits the budget: the last one that did.</summary>
    Infeasible,
}

/// <summary>
/// The Method of Equal Shares run with starting money budget / voters, then + 1, + 2, ... while the real budget
/// stays the limit; optionally completed by greedy-cost over what is left.
/// </summary>
public sealed class Add1EqualSharesRule(string name, Satisfaction satisfaction, Add1Stop stop, bool greedyCompletion) : IOutcomeRule
{
    public string Name { get; } = name;

    public Satisfaction Satisfaction { get; } = satisfaction;

    public Add1Stop Stop { get; } = stop;

    public bool GreedyCompletion { get; } = greedyCompletion;

    public string Description =>
        $"Method of Equal Shares, {Satisfaction.ToString().ToLowerInvariant()} satisfaction, starting money raised by 1 " +
        (Stop == Add1Stop.Exhaustive ? "until the outcome is exhaustive" : "until the outcome no longer fits") +
        (GreedyCompletion ? ", then greedy by supporters over what is left" : "");

    public Outcome Run(Election election, IComparer<Project>? tieBreaking = null)
    {
        ArgumentNullException.ThrowIfNull(election);
        var input = EqualSharesRule.Input(election, Satisfaction, tieBreaking);
        var compiled = input.Election;
        var (run, numerator, increments) = Iterate(input);
        if (!run.HasAmounts)
        {
            // The runs were tried for their winners alone; the one published is run again with its amounts.
            run = EqualSharesRule.RunOnce(input, numerator);
        }

        var builder = EqualSharesRule.Describe(input, Name, run, numerator);
        var ties = EqualSharesRule.Ties(input, run);
        if (GreedyCompletion)
        {
            var rest = Enumerable.Range(0, compiled.ProjectCount).Where(p => !run.Selected.Contains(p));
            var ranks = input.Ranks;
            var turns = GreedyRule.Turns(compiled, GreedyScore.Votes, ranks, rest, compiled.Budget - run.TotalCost(compiled));
            builder.AddGreedyTurns(turns, OutcomeReason.SelectedInCompletion, run.MoneyLeft);
            ties.AddRange(GreedyRule.TieBreaks(compiled, GreedyScore.Votes, turns, builder));
        }
        else
        {
            EqualSharesRule.AddUnaffordable(input, run, builder);
        }

        return builder.Build(ties, EqualSharesRule.VoterBudget(input, numerator), increments);
    }

    private (EqualSharesRun Run, long Numerator, int Increments) Iterate(EqualSharesInput input)
    {
        var election = input.Election;
        // One unit of money for every voter, in scaled money: the numerator of budget / voters grows by voters * scale.
        var step = checked(election.VoterCount * election.Scale);
        var previous = (Run: new EqualSharesRun { HasAmounts = true }, Numerator: election.Budget, Increments: 0);
        previous.Run.Selected.AddRange(input.FreeProjects);

        // The runs for successive increments are independent, so a few are computed side by side; they are
        // still examined strictly in order, so the answer is the one the sequential definition gives.
        var batch = election.VoterCount == 0 ? 1 : Environment.ProcessorCount;
        for (var first = 0; ; first += batch)
        {
            var runs = new EqualSharesRun[batch];
            Parallel.For(0, batch, j => runs[j] = EqualSharesRule.RunOnce(input, checked(election.Budget + ((first + j) * step)), amounts: false));
            for (var j = 0; j < batch; j++)
            {
                var run = runs[j];
                if (run.TotalCost(election) > election.Budget)
                {
                    return previous;
                }

                var current = (run, checked(election.Budget + ((first + j) * step)), first + j);
                var everything = run.Selected.Count == input.Eligible.Length + input.FreeProjects.Length;
                if (everything || election.VoterCount == 0 || (Stop == Add1Stop.Exhaustive && IsExhaustive(input, run)))
                {
                    return current;
                }

                previous = current;
            }
        }
    }

    // pabutools asks only about the projects the run could buy: supported, and not free.
    private static bool IsExhaustive(EqualSharesInput input, EqualSharesRun run)
    {
        var left = input.Election.Budget - run.TotalCost(input.Election);
        return !input.Eligible.Any(p => !run.Selected.Contains(p) && input.Election.Costs[p] <= left);
    }
}
