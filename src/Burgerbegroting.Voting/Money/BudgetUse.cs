namespace Burgerbegroting.Voting.Money;

/// <summary>How much of a budget is used: on the round 4 budget bars and for the money a theme has left.</summary>
public readonly record struct BudgetUse(long Used, long Budget)
{
    public bool Over => Used > Budget;

    /// <summary>What is left; negative when over.</summary>
    public long Left => Budget - Used;
}
