using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Editions;

public enum CastResult
{
    Saved,
    Replaced,
    RoundNotOpen,
}

/// <summary>
/// Stores ballots (SPEC §3, §6): one per participant per round, replaced on resubmission, accepted only while the
/// round is open, with a receipt mail that says the vote counts but not what it was.
/// </summary>
public sealed class BallotBox(AppDbContext db, Outbox outbox, EmailTemplates templates, TimeProvider clock)
{
    /// <summary>Rounds 1 and 2: theme id → value (1 for a chosen theme, or a percentage). Validate before casting.</summary>
    public Task<CastResult> CastAsync(Round round, AppUser voter, IReadOnlyDictionary<int, int> themes, string editionName) =>
        CastAsync(round, voter, [.. themes.Select(t => new BallotEntry { ThemeId = t.Key, Value = t.Value })], editionName);

    /// <summary>Round 4: the approved ideas (id and theme). Validate before casting.</summary>
    public Task<CastResult> CastIdeasAsync(Round round, AppUser voter, IEnumerable<(int IdeaId, int ThemeId)> ideas, string editionName) =>
        CastAsync(round, voter, [.. ideas.Select(i => new BallotEntry { ThemeId = i.ThemeId, IdeaId = i.IdeaId, Value = 1 })], editionName);

    private async Task<CastResult> CastAsync(Round round, AppUser voter, IReadOnlyList<BallotEntry> entries, string editionName)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryCastAsync(round, voter, entries, editionName);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Two first ballots of one voter at the same moment: the unique index let one in; replace it.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<CastResult> TryCastAsync(Round round, AppUser voter, IReadOnlyList<BallotEntry> entries, string editionName)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (await ClaimOpenRoundAsync(db, round.Id) == 0)
        {
            return CastResult.RoundNotOpen;
        }

        var ballot = await BallotOf(db, round.Id, voter.Id).SingleOrDefaultAsync();
        var replaced = ballot is not null;
        if (ballot is null)
        {
            ballot = new Ballot { RoundId = round.Id, VoterId = voter.Id, SubmittedAt = now };
            db.Ballots.Add(ballot);
        }
        else
        {
            db.BallotEntries.RemoveRange(ballot.Entries);
            ballot.Entries.Clear();
        }

        ballot.UpdatedAt = now;
        ballot.Entries.AddRange(entries.Where(e => e.Value != 0 || round.Number == 2).Select(e => new BallotEntry { ThemeId = e.ThemeId, IdeaId = e.IdeaId, Value = e.Value }));
        outbox.Enqueue(templates.BallotReceipt(voter, round.Number, editionName, replaced));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return replaced ? CastResult.Replaced : CastResult.Saved;
    }

    /// <summary>
    /// A ballot's first statement: claim the open round by a conditional update of its row. A close (a conditional
    /// update of the same row) waits for the ballot's transaction, and once the close is committed this update
    /// matches nothing: the ballot is refused. An update re-reads the latest committed row under a lock, also where
    /// plain reads see a snapshot (PostgreSQL, SQL Server with READ_COMMITTED_SNAPSHOT); a SELECT of the status
    /// would not be safe there.
    /// </summary>
    internal static Task<int> ClaimOpenRoundAsync(AppDbContext db, int roundId) =>
        db.Rounds.Where(r => r.Id == roundId && r.Status == RoundStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.BallotWrites, r => r.BallotWrites + 1));

    /// <summary>The voter's ballot in a round with its entries; at most one (a unique index).</summary>
    internal static IQueryable<Ballot> BallotOf(AppDbContext db, int roundId, string voterId) =>
        db.Ballots.Include(b => b.Entries).Where(b => b.RoundId == roundId && b.VoterId == voterId);

    /// <summary>Rounds 1 and 2: the voter's current ballot as theme id → value, or null.</summary>
    public async Task<Dictionary<int, int>?> FindAsync(int roundId, string voterId)
    {
        var ballot = await BallotOf(db, roundId, voterId).AsNoTracking().SingleOrDefaultAsync();
        return ballot?.Entries.Where(e => e.IdeaId == null).ToDictionary(e => e.ThemeId, e => e.Value);
    }

    /// <summary>Round 4: the ideas on the voter's ballot, or null if they have not voted.</summary>
    public async Task<HashSet<int>?> FindIdeasAsync(int roundId, string voterId)
    {
        var ballot = await BallotOf(db, roundId, voterId).AsNoTracking().SingleOrDefaultAsync();
        return ballot?.Entries.Where(e => e.IdeaId != null).Select(e => e.IdeaId!.Value).ToHashSet();
    }
}
