using Burgerbegroting.Voting;

namespace Burgerbegroting.Voting.Tests.Rounds;

/// <summary>Round 4 ballots: admitted, distinct ideas within the theme budget.</summary>
public sealed class KnapsackBallotTests
{
    private static readonly Dictionary<string, long> Costs = new() { ["bench"] = 3_000, ["park"] = 8_000, ["mural"] = 4_500 };

    [Fact]
    public void Selection_within_the_theme_budget_is_valid()
    {
        Assert.Empty(KnapsackBallot.Validate(["bench", "park"], Costs, themeBudget: 11_000));
        Assert.Equal(0, KnapsackBallot.Remaining(["bench", "park"], Costs, 11_000));
    }

    [Fact]
    public void Selection_above_the_theme_budget_is_refused_with_its_total()
    {
        var errors = KnapsackBallot.Validate(["bench", "park", "mural"], Costs, themeBudget: 11_000);

        Assert.Equal(new KnapsackBallotError<string>(KnapsackBallotErrorKind.OverBudget, null, 15_500), Assert.Single(errors));
    }

    [Fact]
    public void Idea_that_is_not_admitted_is_refused() =>
        Assert.Equal(KnapsackBallotErrorKind.NotAdmitted, Assert.Single(KnapsackBallot.Validate(["fountain"], Costs, 11_000)).Kind);

    [Fact]
    public void Idea_selected_twice_is_refused() =>
        Assert.Equal(KnapsackBallotErrorKind.Duplicate, Assert.Single(KnapsackBallot.Validate(["bench", "bench"], Costs, 11_000)).Kind);

    [Fact]
    public void Empty_selection_is_valid() =>
        Assert.Empty(KnapsackBallot.Validate(Array.Empty<string>(), Costs, 11_000));
}
