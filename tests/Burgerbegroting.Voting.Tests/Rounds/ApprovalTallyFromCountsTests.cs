using FsCheck;
using FsCheck.Fluent;

namespace Burgerbegroting.Voting.Tests.Rounds;

/// <summary>The app counts approvals in the database; deciding from those counts must equal deciding from the ballots.</summary>
public sealed class ApprovalTallyFromCountsTests
{
    [Fact]
    public void Counts_decide_exactly_like_ballots()
    {
        Prop.ForAll(Arb.From(Gen.ListOf(Gen.SubListOf(new[] { "a", "b", "c", "d", "e" }))), Arb.From(Gen.Choose(0, 6)), (ballots, seats) =>
        {
            string[] candidates = ["a", "b", "c", "d", "e"];
            var fromBallots = ApprovalTally.Count(ballots.Select(b => b.AsEnumerable()), candidates, seats);
            var counts = candidates.Select(c => new ApprovalCount<string>(c, ballots.Count(b => b.Contains(c)))).ToList();
            var fromCounts = ApprovalTally.FromCounts(counts, candidates, seats, ballots.Count);
            return fromBallots.ClearlyIn.SequenceEqual(fromCounts.ClearlyIn)
                && fromBallots.TiedAtCutoff.SequenceEqual(fromCounts.TiedAtCutoff)
                && fromBallots.SeatsForTied == fromCounts.SeatsForTied
                && fromBallots.Counts.SequenceEqual(fromCounts.Counts)
                && fromCounts.BallotCount == ballots.Count;
        }).QuickCheckThrowOnFailure();
    }
}
