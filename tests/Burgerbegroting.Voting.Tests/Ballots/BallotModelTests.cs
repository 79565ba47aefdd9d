namespace Burgerbegroting.Voting.Tests.Ballots;

/// <summary>The ballot of each round, checked against what the round offers, and the lines every channel stores.</summary>
public sealed class BallotModelTests
{
    private static readonly ThemeChoiceOffer Themes = new([1, 2, 3, 4], MaxChoices: 2);
    private static readonly BudgetSplitOffer Split = new([1, 2, 3], TotalBudget: 1_000_000);
    private static readonly SelectionOffer Selection = new(
    [
        new SelectionTheme(1, 10_000, new Dictionary<int, long> { [11] = 6_000, [12] = 5_000 }),
        new SelectionTheme(2, 20_000, new Dictionary<int, long> { [21] = 20_000 }),
    ]);

    [Fact]
    public void Theme_ballot_of_one_to_k_candidates_stores_each_with_value_one()
    {
        var check = ThemeBallot.Create(Themes, [3, 1]);

        Assert.True(check.IsValid);
        Assert.Equal(RoundKind.ThemeChoice, check.Ballot!.Round);
        Assert.Equal([new BallotLine(3, null, 1), new BallotLine(1, null, 1)], check.Ballot.Lines);
    }

    [Fact]
    public void Theme_ballot_with_too_many_or_unknown_themes_gives_its_errors_and_no_ballot()
    {
        var check = ThemeBallot.Create(Themes, [1, 2, 9]);

        Assert.Null(check.Ballot);
        Assert.Equal([ApprovalBallotError.TooMany, ApprovalBallotError.UnknownCandidate], check.Errors);
    }

    [Fact]
    public void Budget_ballot_keeps_a_theme_given_zero_percent()
    {
        var check = BudgetBallot.Create(Split, new Dictionary<int, int> { [1] = 60, [2] = 40, [3] = 0 });

        Assert.Equal([new BallotLine(1, null, 60), new BallotLine(2, null, 40), new BallotLine(3, null, 0)], check.Ballot!.Lines);
    }

    [Fact]
    public void Budget_ballot_that_does_not_add_up_to_100_says_what_it_adds_up_to()
    {
        var check = BudgetBallot.Create(Split, new Dictionary<int, int> { [1] = 60, [2] = 30, [3] = 0 });

        var error = Assert.Single(check.Errors);
        Assert.Equal((BudgetSplitErrorKind.SumIsNot100, 90), (error.Kind, error.Value));
    }

    [Fact]
    public void Budget_offer_shows_a_share_in_whole_euros_rounded_down() =>
        Assert.Equal(329_999, new BudgetSplitOffer([1], 999_999).Euros(33));

    [Fact]
    public void Selection_ballot_stores_each_idea_with_its_theme()
    {
        var check = SelectionBallot.Create(Selection, [11, 21]);

        Assert.Equal([new BallotLine(1, 11, 1), new BallotLine(2, 21, 1)], check.Ballot!.Lines);
    }

    [Fact]
    public void Selection_with_an_idea_twice_is_refused_for_its_theme() =>
        Assert.Equal([new SelectionBallotError(1, KnapsackBallotErrorKind.Duplicate)], SelectionBallot.Create(Selection, [11, 11]).Errors);

    [Fact]
    public void Selection_over_a_theme_budget_is_refused_for_that_theme_with_its_total()
    {
        var check = SelectionBallot.Create(Selection, [11, 12, 21]);

        Assert.Equal([new SelectionBallotError(1, KnapsackBallotErrorKind.OverBudget, 11_000)], check.Errors);
    }

    [Fact]
    public void Selection_of_an_idea_admitted_in_no_theme_is_refused_for_the_whole_ballot() =>
        Assert.Equal([new SelectionBallotError(null, KnapsackBallotErrorKind.NotAdmitted)], SelectionBallot.Create(Selection, [99]).Errors);

    [Fact]
    public void Empty_selection_is_refused_for_the_whole_ballot_as_an_empty_ballot_is_in_rounds_one_and_two()
    {
        var check = SelectionBallot.Create(Selection, []);

        Assert.Null(check.Ballot);
        Assert.Equal([new SelectionBallotError(null, KnapsackBallotErrorKind.Empty)], check.Errors);
        Assert.Contains(ApprovalBallotError.Empty, ThemeBallot.Create(Themes, []).Errors);
    }

    [Fact]
    public void A_selection_in_one_theme_only_is_valid() =>
        Assert.Equal([new BallotLine(2, 21, 1)], SelectionBallot.Create(Selection, [21]).Ballot!.Lines);

    [Fact]
    public void Theme_use_counts_each_chosen_idea_of_that_theme_once()
    {
        var use = Selection.Theme(1).Use([11, 11, 12, 21]);

        Assert.Equal((11_000L, 10_000L, true, -1_000L), (use.Used, use.Budget, use.Over, use.Left));
    }
}
