namespace Burgerbegroting.Voting;

/// <summary>Why a project was or was not chosen; a results page turns this into a sentence.</summary>
public enum OutcomeReason
{
    /// <summary>Chosen by the rule itself (greedy, or a Method of Equal Shares round).</summary>
    Selected,

    /// <summary>Chosen by the greedy completion that follows the Method of Equal Shares.</summary>
    SelectedInCompletion,

    /// <summary>Its turn came when the remaining budget was less than its cost.</summary>
    DidNotFit,

    /// <summary>Method of Equal Shares: its supporters together had less money left than its cost.</summary>
    SupportersCouldNotAfford,

    /// <summary>Fewer votes than the minimum score a project needs (greedy-cost-threshold).</summary>
    BelowThreshold,
}

/// <summary>The result for one project, with everything needed to explain it.</summary>
/// <param name="ProjectId">The project's id.</param>
/// <param name="Selected">Whether it won.</param>
/// <param name="Votes">Number of voters who support it.</param>
/// <param name="Points">Total points, for cumulative ballots; otherwise null.</param>
/// <param name="Cost">Its cost.</param>
/// <param name="Step">1-based position in the order of choosing, when selected.</param>
/// <param name="Reason">Why it won or lost.</param>
/// <param name="RemainingBudgetAtTurn">Budget left when its turn came (greedy rules and completion): what it did or did not fit in.</param>
/// <param name="SupportersMoneyLeft">Method of Equal Shares, not selected: what its supporters had left in total at the end, rounded to cents.</param>
/// <param name="PaymentPerSupporter">Method of Equal Shares, selected: the most any one supporter paid, rounded to cents.</param>
public sealed record ProjectOutcome(
    string ProjectId,
    bool Selected,
    long Votes,
    long? Points,
    decimal Cost,
    int? Step,
    OutcomeReason Reason,
    decimal? RemainingBudgetAtTurn = null,
    decimal? SupportersMoneyLeft = null,
    decimal? PaymentPerSupporter = null);

/// <summary>A tie the tie-breaking order decided: at <paramref name="Step"/>, <paramref name="Chosen"/> went before the others.</summary>
public sealed record TieBreak(int Step, string Chosen, IReadOnlyList<string> TiedWith);

/// <summary>What a rule chose, in the order it chose, with a reason for every project.</summary>
public sealed class Outcome
{
    private readonly Dictionary<string, ProjectOutcome> _byId;

    public Outcome(string rule, decimal budget, IReadOnlyList<string> selected, IReadOnlyList<ProjectOutcome> projects, IReadOnlyList<TieBreak> ties, decimal? voterBudget = null, int? budgetIncrements = null)
    {
        Rule = rule;
        Budget = budget;
        Selected = selected;
        Projects = projects;
        Ties = ties;
        VoterBudget = voterBudget;
        BudgetIncrements = budgetIncrements;
        _byId = projects.ToDictionary(p => p.ProjectId, StringComparer.Ordinal);
        TotalCost = selected.Sum(id => _byId[id].Cost);
    }

    public string Rule { get; }

    public decimal Budget { get; }

    /// <summary>Ids of the winners in the order they were chosen.</summary>
    public IReadOnlyList<string> Selected { get; }

    /// <summary>Every project of the election, winners first in the order chosen, then the others in the order considered.</summary>
    public IReadOnlyList<ProjectOutcome> Projects { get; }

    public IReadOnlyList<TieBreak> Ties { get; }

    public decimal TotalCost { get; }

    public decimal Remaining => Budget - TotalCost;

    /// <summary>Method of Equal Shares: each voter's starting money in the run that gave this outcome, rounded to cents.</summary>
    public decimal? VoterBudget { get; }

    /// <summary>add1 variants: how many times one unit was added to every voter's starting money.</summary>
    public int? BudgetIncrements { get; }

    public ProjectOutcome this[string projectId] => _byId[projectId];
}
