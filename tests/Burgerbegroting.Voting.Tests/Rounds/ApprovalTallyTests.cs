using Burgerbegroting.Voting;

namespace Burgerbegroting.Voting.Tests.Rounds;

/// <summary>Round 1: approvals per theme, top N through, ties at the cut-off left to staff.</summary>
public sealed class ApprovalTallyTests
{
    private static readonly string[] Themes = ["green", "play", "safety", "culture"];

    [Fact]
    public void Top_n_go_through_when_the_cut_off_is_clear()
    {
        var result = ApprovalTally.Count([["green", "play"], ["green"], ["play", "safety"], ["green"]], Themes, seats: 2);

        Assert.False(result.HasTieAtCutoff);
        Assert.Equal(["green", "play"], result.Winners);
        Assert.Equal([3L, 2L, 1L, 0L], result.Counts.Select(c => c.Approvals));
        Assert.Equal(4, result.BallotCount);
    }

    [Fact]
    public void Tie_at_cutoff_is_reported()
    {
        var result = ApprovalTally.Count([["green", "play"], ["green", "safety"], ["culture"]], Themes, seats: 2);

        Assert.True(result.HasTieAtCutoff);
        Assert.Equal(["green"], result.ClearlyIn);
        Assert.Equal(["play", "safety", "culture"], result.TiedAtCutoff);
        Assert.Equal(1, result.SeatsForTied);
        Assert.Throws<InvalidOperationException>(() => result.Winners);
    }

    [Fact]
    public void Tie_above_the_cut_off_is_no_problem()
    {
        var result = ApprovalTally.Count([["green", "play"], ["green", "play"], ["safety"]], Themes, seats: 2);

        Assert.False(result.HasTieAtCutoff);
        Assert.Equal(["green", "play"], result.Winners);
    }

    [Fact]
    public void Fewer_candidates_than_seats_all_go_through()
    {
        var result = ApprovalTally.Count([["green"]], ["green", "play"], seats: 5);

        Assert.Equal(["green", "play"], result.Winners);
    }
}

/// <summary>Round 1 ballots: 1..K distinct candidates.</summary>
public sealed class ApprovalBallotValidationTests
{
    private static readonly string[] Themes = ["green", "play", "safety", "culture"];

    [Fact]
    public void Ballot_of_one_to_k_candidates_is_valid() =>
        Assert.Empty(ApprovalTally.Validate(["green", "play", "safety"], Themes, maxChoices: 3));

    [Theory]
    [InlineData(new string[0], ApprovalBallotError.Empty)]
    [InlineData(new[] { "green", "play", "safety", "culture" }, ApprovalBallotError.TooMany)]
    [InlineData(new[] { "green", "green" }, ApprovalBallotError.Duplicate)]
    [InlineData(new[] { "parking" }, ApprovalBallotError.UnknownCandidate)]
    public void Invalid_ballot_says_what_is_wrong(string[] chosen, ApprovalBallotError expected) =>
        Assert.Equal([expected], ApprovalTally.Validate(chosen, Themes, maxChoices: 3));
}
