namespace Burgerbegroting.Voting.Tests.Ideas;

/// <summary>An idea's cost: the final cost counts once admitted; an estimate or final cost is above 0 and within the theme's budget.</summary>
public sealed class IdeaCostTests
{
    [Fact]
    public void Final_cost_counts_once_staff_set_it_else_the_estimate()
    {
        Assert.Equal(2_000, IdeaCost.Effective(estimated: 1_500, final: 2_000));
        Assert.Equal(1_500, IdeaCost.Effective(estimated: 1_500, final: null));
    }

    [Fact]
    public void Cost_within_the_theme_budget_is_admissible_up_to_the_budget_itself()
    {
        Assert.Equal(IdeaCostError.None, IdeaCost.Check(300_000, themeBudget: 300_000));
        Assert.Equal(IdeaCostError.OverBudget, IdeaCost.Check(300_001, themeBudget: 300_000));
    }

    [Fact]
    public void Zero_cost_is_refused() =>
        Assert.Equal(IdeaCostError.NotPositive, IdeaCost.Check(0, themeBudget: 300_000));

    [Fact]
    public void Theme_without_a_budget_yet_sets_no_upper_limit() =>
        Assert.Equal(IdeaCostError.None, IdeaCost.Check(9_000_000, themeBudget: null));
}
