using Burgerbegroting.Voting.Paper;

namespace Burgerbegroting.Voting.Tests.Paper;

/// <summary>
/// A sheet is judged by its round's own ballot rules: valid, it casts exactly the lines an online ballot would;
/// invalid, it gets its reason.
/// </summary>
public sealed class PaperSheetsJudgeTests
{
    private static readonly ThemeChoiceOffer Themes = new([1, 2, 3, 4, 5], MaxChoices: 3);
    private static readonly BudgetSplitOffer Split = new([1, 2, 3], TotalBudget: 1_000_000);
    private static readonly SelectionOffer Selection = new(
    [
        new SelectionTheme(1, 10_000, new Dictionary<int, long> { [11] = 6_000, [12] = 5_000 }),
        new SelectionTheme(2, 20_000, new Dictionary<int, long> { [21] = 20_000 }),
    ]);

    private static SheetMarks Ticks(params int[] themes) => Marks([.. themes.Select(t => (t, (int?)null, 1))]);

    private static SheetMarks Percentages(params (int Theme, int Value)[] values) => Marks([.. values.Select(v => (v.Theme, (int?)null, v.Value))]);

    private static SheetMarks Ideas(params (int Theme, int Idea)[] ideas) => Marks([.. ideas.Select(i => (i.Theme, (int?)i.Idea, 1))]);

    private static SheetMarks Marks(params (int Theme, int? Idea, int Value)[] values) =>
        SheetMarks.Of(values.Select(v => new KeyValuePair<MarkField, int>(new MarkField(v.Theme, v.Idea), v.Value)));

    private static void AssertInvalid(SheetVerdict verdict, SheetInvalidReason reason)
    {
        Assert.False(verdict.IsValid);
        Assert.Null(verdict.Ballot);
        Assert.Equal(reason, verdict.Invalid);
    }

    [Fact]
    public void Round_one_one_to_k_ticks_cast_the_same_lines_as_the_online_ballot()
    {
        foreach (var ticks in new[] { new[] { 2 }, [1, 5], [3, 4, 5] })
        {
            var verdict = PaperSheets.Judge(Themes, Ticks(ticks));

            Assert.True(verdict.IsValid);
            Assert.Null(verdict.Invalid);
            Assert.Equal(ThemeBallot.Create(Themes, ticks).Ballot!.Lines.OrderBy(l => l.ThemeId), verdict.Ballot!.Lines.OrderBy(l => l.ThemeId));
        }
    }

    [Fact]
    public void Round_one_more_than_k_ticks_is_too_many_themes()
    {
        AssertInvalid(PaperSheets.Judge(Themes, Ticks(1, 2, 3, 4)), SheetInvalidReason.TooManyThemes);
    }

    [Fact]
    public void Round_one_a_theme_that_is_no_candidate_an_idea_or_a_value_other_than_a_tick_is_not_on_the_form()
    {
        AssertInvalid(PaperSheets.Judge(Themes, Ticks(1, 9)), SheetInvalidReason.NotOnTheForm);
        AssertInvalid(PaperSheets.Judge(Themes, Marks((1, null, 1), (2, 21, 1))), SheetInvalidReason.NotOnTheForm);
        AssertInvalid(PaperSheets.Judge(Themes, Marks((1, null, 2))), SheetInvalidReason.NotOnTheForm);
        AssertInvalid(PaperSheets.Judge(Themes, Marks((1, 11, 1))), SheetInvalidReason.NotOnTheForm);
    }

    [Fact]
    public void Every_round_a_blank_sheet_is_blank_and_an_unreadable_one_unreadable()
    {
        AssertInvalid(PaperSheets.Judge(Themes, Ticks()), SheetInvalidReason.Blank);
        AssertInvalid(PaperSheets.Judge(Split, Percentages((1, 0))), SheetInvalidReason.Blank);
        AssertInvalid(PaperSheets.Judge(Selection, Ideas()), SheetInvalidReason.Blank);
        AssertInvalid(PaperSheets.Judge(Themes, SheetMarks.UnreadableSheet), SheetInvalidReason.Unreadable);
        AssertInvalid(PaperSheets.Judge(Split, SheetMarks.UnreadableSheet), SheetInvalidReason.Unreadable);
        AssertInvalid(PaperSheets.Judge(Selection, SheetMarks.UnreadableSheet), SheetInvalidReason.Unreadable);
    }

    [Fact]
    public void Round_two_adding_up_to_100_casts_every_chosen_theme_an_empty_one_as_zero_percent()
    {
        var verdict = PaperSheets.Judge(Split, Percentages((1, 70), (3, 30)));

        Assert.True(verdict.IsValid);
        var online = BudgetBallot.Create(Split, new Dictionary<int, int> { [1] = 70, [2] = 0, [3] = 30 }).Ballot!;
        Assert.Equal(online.Lines.OrderBy(l => l.ThemeId), verdict.Ballot!.Lines.OrderBy(l => l.ThemeId));
        Assert.Contains(new BallotLine(2, null, 0), verdict.Ballot.Lines);
    }

    [Fact]
    public void Round_two_not_adding_up_to_100_or_a_share_over_100_is_not_hundred()
    {
        AssertInvalid(PaperSheets.Judge(Split, Percentages((1, 50), (2, 30), (3, 10))), SheetInvalidReason.NotHundred);
        AssertInvalid(PaperSheets.Judge(Split, Percentages((1, 50), (2, 30), (3, 30))), SheetInvalidReason.NotHundred);
        AssertInvalid(PaperSheets.Judge(Split, Percentages((1, 150), (2, -50))), SheetInvalidReason.NotHundred);
    }

    [Fact]
    public void Round_two_a_theme_that_was_not_chosen_or_an_idea_is_not_on_the_form()
    {
        AssertInvalid(PaperSheets.Judge(Split, Percentages((1, 50), (4, 50))), SheetInvalidReason.NotOnTheForm);
        AssertInvalid(PaperSheets.Judge(Split, Marks((1, null, 100), (2, 21, 1))), SheetInvalidReason.NotOnTheForm);
    }

    [Fact]
    public void Round_four_ideas_within_each_budget_cast_the_same_lines_as_the_online_ballot()
    {
        var verdict = PaperSheets.Judge(Selection, Ideas((1, 11), (2, 21)));

        Assert.True(verdict.IsValid);
        Assert.Equal(SelectionBallot.Create(Selection, [11, 21]).Ballot!.Lines.OrderBy(l => l.IdeaId), verdict.Ballot!.Lines.OrderBy(l => l.IdeaId));
    }

    [Fact]
    public void Round_four_ideas_over_a_themes_budget_are_over_budget()
    {
        AssertInvalid(PaperSheets.Judge(Selection, Ideas((1, 11), (1, 12))), SheetInvalidReason.OverBudget);
    }

    [Fact]
    public void Round_four_an_idea_under_the_wrong_theme_an_unknown_idea_a_theme_tick_or_another_value_is_not_on_the_form()
    {
        AssertInvalid(PaperSheets.Judge(Selection, Ideas((2, 11))), SheetInvalidReason.NotOnTheForm);
        AssertInvalid(PaperSheets.Judge(Selection, Ideas((1, 99))), SheetInvalidReason.NotOnTheForm);
        AssertInvalid(PaperSheets.Judge(Selection, Marks((1, 11, 1), (2, null, 1))), SheetInvalidReason.NotOnTheForm);
        AssertInvalid(PaperSheets.Judge(Selection, Marks((1, 11, 2))), SheetInvalidReason.NotOnTheForm);
    }

    [Fact]
    public void Round_four_over_budget_and_something_not_on_the_form_is_not_on_the_form()
    {
        AssertInvalid(PaperSheets.Judge(Selection, Ideas((1, 11), (1, 12), (1, 99))), SheetInvalidReason.NotOnTheForm);
    }
}
