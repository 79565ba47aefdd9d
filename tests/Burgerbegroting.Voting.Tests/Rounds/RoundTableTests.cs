namespace Burgerbegroting.Voting.Tests.Rounds;

/// <summary>The round table: four rounds in order, and what each one is.</summary>
public sealed class RoundTableTests
{
    [Fact]
    public void Rounds_are_numbered_one_to_four_in_the_order_of_the_process() =>
        Assert.Equal([1, 2, 3, 4], RoundTable.All.Select(r => r.Number));

    [Fact]
    public void Residents_vote_in_every_round_but_the_ideas_round() =>
        Assert.Equal([RoundKind.ThemeChoice, RoundKind.BudgetSplit, RoundKind.Selection], RoundTable.All.Where(r => r.HasBallot).Select(r => r.Kind));

    [Fact]
    public void Only_the_budget_split_keeps_zero_entries() =>
        Assert.Equal(RoundKind.BudgetSplit, Assert.Single(RoundTable.All, r => r.KeepsZeroEntries).Kind);

    [Fact]
    public void Previous_round_of_the_first_is_none_and_of_the_others_the_one_before()
    {
        Assert.Null(RoundTable.Previous(RoundTable.First));
        Assert.Equal(RoundKind.BudgetSplit, RoundTable.Previous(RoundKind.Ideas)!.Kind);
    }

    [Fact]
    public void A_number_that_is_no_round_is_not_found()
    {
        Assert.Null(RoundTable.Find(9));
        Assert.Equal(RoundKind.Selection, RoundTable.Find(4)!.Kind);
    }
}
