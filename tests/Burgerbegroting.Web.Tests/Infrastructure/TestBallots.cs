using System.Security.Cryptography;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Paper;
using Burgerbegroting.Web.Editions;
using Ballot = Burgerbegroting.Data.Editions.Ballot;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Burgerbegroting.Voting.Secrecy;

namespace Burgerbegroting.Web.Tests.Infrastructure;

/// <summary>
/// Ballots written straight to the database for tests about what comes after them (figures, results): stored as the
/// ballot desk stores them — a ballot under a pseudonym made with a key of the test's own, and a participation.
/// </summary>
public static class TestBallots
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(BallotPseudonym.KeyBytes);

    public static Ballot Add(AppDbContext db, int roundId, string voterId, BallotChannel channel, IEnumerable<BallotEntry> entries)
    {
        var ballot = new Ballot { Id = Ballot.NewId(), RoundId = roundId, Pseudonym = BallotPseudonym.Of(Key, voterId), ReceiptCode = ReceiptCode.New() };
        ballot.Entries.AddRange(entries.Select(e => { e.BallotId = ballot.Id; return e; }));
        db.Ballots.Add(ballot);
        var now = DateTime.UtcNow;
        db.Participations.Add(new ParticipationRecord { RoundId = roundId, VoterId = voterId, Channel = channel, FirstVotedAt = now, LastVotedAt = now });
        return ballot;
    }

    /// <summary>The voter's ballot in the round with this number as the ballot desk finds it (by its pseudonym), or null.</summary>
    public static async Task<IReadOnlyList<BallotLine>?> StoredBallotAsync(this AppFactory app, int roundNumber, string voterId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Number == roundNumber);
        return await scope.ServiceProvider.GetRequiredService<BallotDesk>().CurrentAsync(round, voterId);
    }
}
