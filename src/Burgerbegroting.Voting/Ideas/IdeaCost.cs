namespace Burgerbegroting.Voting;

/// <summary>What is wrong with an idea's cost (the submitter's estimate, or staff's final cost on admission).</summary>
public enum IdeaCostError
{
    None,

    /// <summary>An idea costs something: zero is no cost estimate.</summary>
    NotPositive,

    /// <summary>More than its theme's budget: it could never be chosen (docs/rules.md, round 3).</summary>
    OverBudget,
}

/// <summary>An idea's cost: what counts in round 4, and what may be asked or admitted.</summary>
public static class IdeaCost
{
    /// <summary>Staff's final cost once admitted, else the submitter's estimate.</summary>
    public static long Effective(long estimated, long? final) => final ?? estimated;

    /// <summary>0 &lt; cost ≤ the theme's budget; a theme without a budget yet sets no upper limit.</summary>
    public static IdeaCostError Check(long euros, long? themeBudget) =>
        euros <= 0 ? IdeaCostError.NotPositive
        : themeBudget is { } budget && euros > budget ? IdeaCostError.OverBudget
        : IdeaCostError.None;
}
