namespace Burgerbegroting.Voting.Tests.Rounds;

/// <summary>Which round may open, close and be published, and which button staff get for it.</summary>
public sealed class RoundTransitionsTests
{
    private static RoundState[] Edition(params RoundStatus[] statuses) =>
        [.. RoundTable.All.Select((r, i) => new RoundState(r.Kind, i < statuses.Length ? statuses[i] : RoundStatus.Planned))];

    [Fact]
    public void First_round_opens_when_nothing_is_open_and_it_has_candidates() =>
        Assert.Equal(TransitionError.None, RoundTransitions.CanOpen(RoundKind.ThemeChoice, Edition(), candidateThemes: 3));

    [Fact]
    public void First_round_without_candidate_themes_does_not_open() =>
        Assert.Equal(TransitionError.NoCandidates, RoundTransitions.CanOpen(RoundKind.ThemeChoice, Edition(), candidateThemes: 0));

    [Fact]
    public void Round_opens_only_when_the_previous_one_is_published()
    {
        Assert.Equal(TransitionError.PreviousNotPublished, RoundTransitions.CanOpen(RoundKind.BudgetSplit, Edition(RoundStatus.Closed)));
        Assert.Equal(TransitionError.None, RoundTransitions.CanOpen(RoundKind.BudgetSplit, Edition(RoundStatus.Published)));
    }

    [Fact]
    public void Only_one_round_is_open_at_a_time() =>
        Assert.Equal(TransitionError.AnotherRoundOpen, RoundTransitions.CanOpen(RoundKind.Ideas, Edition(RoundStatus.Published, RoundStatus.Open)));

    [Fact]
    public void A_round_that_is_not_planned_does_not_open_again() =>
        Assert.Equal(TransitionError.WrongStatus, RoundTransitions.CanOpen(RoundKind.ThemeChoice, Edition(RoundStatus.Published), candidateThemes: 3));

    [Fact]
    public void Only_an_open_round_closes()
    {
        Assert.Equal(TransitionError.None, RoundTransitions.CanClose(RoundStatus.Open));
        Assert.Equal(TransitionError.WrongStatus, RoundTransitions.CanClose(RoundStatus.Planned));
    }

    [Fact]
    public void Only_a_closed_round_is_published() =>
        Assert.Equal(TransitionError.WrongStatus, RoundTransitions.CanPublish(RoundKind.Selection, RoundStatus.Open, new PublishFacts(false, 10, 0)));

    [Fact]
    public void Tie_at_the_cut_off_waits_for_staff_before_publishing() =>
        Assert.Equal(TransitionError.TieUnresolved, RoundTransitions.CanPublish(RoundKind.ThemeChoice, RoundStatus.Closed, new PublishFacts(true, 10, 0)));

    [Fact]
    public void Budget_split_without_ballots_is_not_published_but_theme_choice_is()
    {
        Assert.Equal(TransitionError.NoBallots, RoundTransitions.CanPublish(RoundKind.BudgetSplit, RoundStatus.Closed, new PublishFacts(false, 0, 0)));
        Assert.Equal(TransitionError.None, RoundTransitions.CanPublish(RoundKind.ThemeChoice, RoundStatus.Closed, new PublishFacts(false, 0, 0)));
    }

    [Fact]
    public void Unfinished_paper_is_named_before_a_tie_or_no_ballots_since_counting_it_can_change_both()
    {
        Assert.Equal(TransitionError.PaperPending, RoundTransitions.CanPublish(RoundKind.ThemeChoice, RoundStatus.Closed, new PublishFacts(true, 10, 0, PaperPending: 1)));
        Assert.Equal(TransitionError.PaperPending, RoundTransitions.CanPublish(RoundKind.BudgetSplit, RoundStatus.Closed, new PublishFacts(false, 0, 0, PaperPending: 2)));
        Assert.Equal(TransitionError.WrongStatus, RoundTransitions.CanPublish(RoundKind.BudgetSplit, RoundStatus.Open, new PublishFacts(false, 0, 0, PaperPending: 2)));
    }

    [Fact]
    public void Ideas_round_is_published_only_when_every_idea_is_reviewed()
    {
        Assert.Equal(TransitionError.UnreviewedIdeas, RoundTransitions.CanPublish(RoundKind.Ideas, RoundStatus.Closed, new PublishFacts(false, 0, 2)));
        Assert.Equal(TransitionError.None, RoundTransitions.CanPublish(RoundKind.Ideas, RoundStatus.Closed, new PublishFacts(false, 0, 0)));
    }

    [Fact]
    public void Staff_get_open_for_the_next_round_close_for_the_open_one_and_publish_for_a_closed_one()
    {
        var edition = Edition(RoundStatus.Published, RoundStatus.Closed);
        Assert.Null(RoundTransitions.NextStep(RoundKind.ThemeChoice, edition));
        Assert.Equal(RoundStep.Publish, RoundTransitions.NextStep(RoundKind.BudgetSplit, edition));
        Assert.Null(RoundTransitions.NextStep(RoundKind.Ideas, edition));
        Assert.Equal(RoundStep.Open, RoundTransitions.NextStep(RoundKind.Ideas, Edition(RoundStatus.Published, RoundStatus.Published)));
        Assert.Equal(RoundStep.Close, RoundTransitions.NextStep(RoundKind.ThemeChoice, Edition(RoundStatus.Open)));
    }

    [Fact]
    public void Tied_themes_share_the_seats_the_clearly_chosen_leave() =>
        Assert.Equal(2, TieDecision.Seats(themesToSelect: 5, clearlyChosen: 3));

    [Fact]
    public void Tie_decision_fills_exactly_the_open_seats_with_tied_themes()
    {
        int[] tied = [7, 8, 9];
        Assert.True(TieDecision.IsValid(RoundStatus.Closed, tied, 2, [7, 9]));
        Assert.False(TieDecision.IsValid(RoundStatus.Closed, tied, 2, [7]));
        Assert.False(TieDecision.IsValid(RoundStatus.Closed, tied, 2, [7, 1]));
        Assert.False(TieDecision.IsValid(RoundStatus.Published, tied, 2, [7, 9]));
        Assert.False(TieDecision.IsValid(RoundStatus.Closed, [], 0, []));
    }

    [Fact]
    public void Staff_see_results_once_closed_and_everyone_once_published()
    {
        Assert.True(ResultsVisibility.CanSee(RoundStatus.Closed, isStaff: true));
        Assert.False(ResultsVisibility.CanSee(RoundStatus.Closed, isStaff: false));
        Assert.True(ResultsVisibility.CanSee(RoundStatus.Published, isStaff: false));
        Assert.False(ResultsVisibility.CanSee(RoundStatus.Open, isStaff: true));
    }

    [Fact]
    public void Settings_are_locked_once_the_first_round_opened()
    {
        Assert.False(EditionSettings.Locked(RoundStatus.Planned));
        Assert.True(EditionSettings.Locked(RoundStatus.Open));
    }
}
