namespace Burgerbegroting.Voting;

/// <summary>Collects a reason for every project of the election, in the order the rule settled them.</summary>
internal sealed class OutcomeBuilder(CompiledElection election, string rule)
{
    private readonly List<ProjectOutcome> _projects = [];
    private readonly Dictionary<int, int> _steps = [];

    public int StepOf(int project) => _steps[project];

    public bool Has(int project) => _projects.Exists(o => o.ProjectId == election.Election.Projects[project].Id);

    public void Add(int project, OutcomeReason reason, long? remainingAtTurn = null, decimal? moneyLeft = null, decimal? payment = null)
    {
        var selected = reason is OutcomeReason.Selected or OutcomeReason.SelectedInCompletion;
        int? step = null;
        if (selected)
        {
            step = _steps.Count + 1;
            _steps[project] = step.Value;
        }

        var p = election.Election.Projects[project];
        _projects.Add(new ProjectOutcome(
            p.Id,
            selected,
            election.Votes[project],
            election.Election.VoteType == VoteType.Cumulative ? election.TotalPoints[project] : null,
            p.Cost,
            step,
            reason,
            remainingAtTurn is { } r ? election.ToMoney(r) : null,
            moneyLeft,
            payment));
    }

    public void AddGreedyTurns(IEnumerable<GreedyRule.GreedyTurn> turns, OutcomeReason whenFits, IReadOnlyDictionary<int, decimal>? moneyLeft = null)
    {
        foreach (var turn in turns)
        {
            Add(
                turn.Project,
                turn.Fits ? whenFits : OutcomeReason.DidNotFit,
                turn.RemainingAtTurn,
                moneyLeft is not null && moneyLeft.TryGetValue(turn.Project, out var left) ? left : null);
        }
    }

    public Outcome Build(IReadOnlyList<TieBreak> ties, decimal? voterBudget = null, int? increments = null)
    {
        var winners = _projects.Where(p => p.Selected).OrderBy(p => p.Step).ToList();
        var ordered = winners.Concat(_projects.Where(p => !p.Selected)).ToList();
        return new Outcome(rule, election.Election.Budget, [.. winners.Select(p => p.ProjectId)], ordered, ties, voterBudget, increments);
    }
}
