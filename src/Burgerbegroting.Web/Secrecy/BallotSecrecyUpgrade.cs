using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Secrecy;
using Microsoft.EntityFrameworkCore;
using Ballot = Burgerbegroting.Data.Editions.Ballot;

namespace Burgerbegroting.Web.Secrecy;

/// <summary>
/// Finishes the migration <c>BallotSecrecy</c> for ballots stored before it (docs/secrecy.md, "Upgrading"): the migration
/// moved who voted to the participations and left each ballot a marker "legacy:VOTER", which a database cannot hash
/// with a key it does not have. Here every such ballot is written anew — random ids, a receipt code, and as its
/// pseudonym the keyed hash of the voter while its round still has a key (so the voter can still change it), or a
/// random one in a published round (its link is gone). Runs after the migrations, before any request; does nothing
/// once no marker is left.
/// </summary>
public sealed class BallotSecrecyUpgrade(AppDbContext db, BallotKeys keys)
{
    public const string Marker = "legacy:";

    /// <summary>How many ballots were rewritten.</summary>
    public async Task<int> RunAsync()
    {
        var rounds = await db.Ballots.Where(b => b.Pseudonym.StartsWith(Marker)).Select(b => b.RoundId).Distinct().ToListAsync();
        var done = 0;
        foreach (var roundId in rounds)
        {
            var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == roundId);
            var key = round.Status == RoundStatus.Published ? null : await keys.KeyAsync(round);
            await using var transaction = await db.Database.BeginTransactionAsync();
            var legacy = await db.Ballots.Include(b => b.Entries).Where(b => b.RoundId == roundId && b.Pseudonym.StartsWith(Marker)).ToListAsync();
            foreach (var old in legacy)
            {
                var voter = old.Pseudonym[Marker.Length..];
                db.Ballots.Add(Rewritten(old, key is null ? Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) : BallotPseudonym.Of(key, voter)));
                db.Ballots.Remove(old);
            }

            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            db.ChangeTracker.Clear();
            done += legacy.Count;
        }

        return done;
    }

    private static Ballot Rewritten(Ballot old, string pseudonym)
    {
        var ballot = new Ballot { Id = Ballot.NewId(), RoundId = old.RoundId, Pseudonym = pseudonym, ReceiptCode = ReceiptCode.New() };
        ballot.Entries.AddRange(old.Entries.Select(e => new BallotEntry { BallotId = ballot.Id, ThemeId = e.ThemeId, IdeaId = e.IdeaId, Value = e.Value }));
        return ballot;
    }
}
