using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Stemcodes;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Stemcodes;
using Burgerbegroting.Web.Audit;
using Burgerbegroting.Web.Editions;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Stemcodes;

/// <summary>Who a code is for: an addressee of the register extract, or only a buurt (anonymous codes).</summary>
public sealed record CodeHolder(string Buurt, string? Postcode = null, string? HouseNumber = null, string? Name = null, int? BirthYear = null);

/// <summary>
/// Issues and revokes stemcodes (docs/stemcodes.md, "Issuing"). A batch stores each code's keyed hash and the
/// batch's protected seed; the plain codes are made again from the seed for the export and nowhere stored.
/// </summary>
public sealed class StemcodeIssuer(AppDbContext db, StemcodeVault vault, BallotDesk desk, AuditLog audit, TimeProvider clock)
{
    private const int Chunk = 2000;

    public async Task<StemcodeBatch> IssueAsync(Edition edition, StemcodeBatchKind kind, IReadOnlyList<CodeHolder> holders, string staff)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            try
            {
                var batch = await AddBatchAsync(edition, kind, holders, staff);
                await transaction.CommitAsync();
                return batch;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // A code of the new seed equals one issued before (about 10^-8 for 150,000 codes): start over with another seed.
                await transaction.RollbackAsync();
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// Revokes a code (a lost or stolen letter): it no longer votes or stays linked, and its ballots in open rounds are
    /// withdrawn, since someone else may have cast them. With <paramref name="replace"/> the addressee gets a new code
    /// in a batch of its own, to print at once. Not revoked: no such active code in the edition.
    /// </summary>
    public async Task<(bool Revoked, StemcodeBatch? Replacement)> RevokeAsync(Edition edition, long codeId, bool replace, string staff)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        // Claim the open rounds first, as a ballot does: a ballot of this code in flight commits before the revocation
        // or sees it (BallotDesk checks the code after its own claim).
        var openRounds = await db.Rounds.Where(r => r.EditionId == edition.Id && r.Status == RoundStatus.Open).Select(r => r.Id).ToListAsync();
        await db.Rounds.Where(r => openRounds.Contains(r.Id) && r.Status == RoundStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.BallotWrites, r => r.BallotWrites + 1));
        var code = await db.VotingCodes.SingleOrDefaultAsync(c => c.Id == codeId && c.EditionId == edition.Id && c.RevokedAt == null);
        if (code is null)
        {
            return (false, null);
        }

        code.RevokedAt = clock.GetUtcNow().UtcDateTime;
        code.AccountId = null;
        code.LinkedAt = null;
        var withdrawn = await desk.WithdrawAsync(openRounds, code.VoterId);
        StemcodeBatch? batch = null;
        if (replace)
        {
            batch = await AddBatchAsync(edition, StemcodeBatchKind.Replacement, [new(code.Buurt, code.Postcode, code.HouseNumber, code.Name, code.BirthYear)], staff);
            code.ReplacedById = await db.VotingCodes.Where(c => c.BatchId == batch.Id).Select(c => c.Id).SingleAsync();
        }

        audit.Record(replace ? AuditActions.StemcodeReplaced : AuditActions.StemcodeRevoked, nameof(VotingCode), code.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{Describe(code)}; {withdrawn} stembiljet(ten) in open rondes ingetrokken" + (batch is null ? "" : $"; nieuwe code in reeks {batch.Id}"));
        await db.SaveChangesAsync();
        await Participation.FigureCache.ChangedAsync(db, edition.Id);
        await transaction.CommitAsync();
        return (true, batch);
    }

    /// <summary>Destroys the batch's seed: its codes can never be shown again (docs/stemcodes.md, "Issuing").</summary>
    public async Task<bool> CloseExportAsync(StemcodeBatch batch)
    {
        if (!batch.CanExport)
        {
            return false;
        }

        batch.ProtectedSeed = null;
        batch.ExportClosedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(AuditActions.StemcodeExportClosed, nameof(StemcodeBatch), batch.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{batch.Count} codes");
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>The plain codes of a batch whose export is open, in the order they were made, without the revoked ones.</summary>
    public async IAsyncEnumerable<(VotingCode Code, string Plain)> PlainCodesAsync(StemcodeBatch batch, string? buurt = null)
    {
        var seed = vault.Unprotect(batch.ProtectedSeed ?? throw new InvalidOperationException("The export of this batch is closed."));
        var codes = db.VotingCodes.AsNoTracking().Where(c => c.BatchId == batch.Id && c.RevokedAt == null && (buurt == null || c.Buurt == buurt))
            .OrderBy(c => c.Index).AsAsyncEnumerable();
        await foreach (var code in codes)
        {
            yield return (code, StemcodeGenerator.Code(seed, code.Index));
        }
    }

    private async Task<StemcodeBatch> AddBatchAsync(Edition edition, StemcodeBatchKind kind, IReadOnlyList<CodeHolder> holders, string staff)
    {
        var seed = StemcodeGenerator.NewSeed();
        var batch = new StemcodeBatch
        {
            EditionId = edition.Id, Kind = kind, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = staff,
            Count = holders.Count, ProtectedSeed = vault.Protect(seed),
        };
        db.StemcodeBatches.Add(batch);
        await db.SaveChangesAsync();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var chunk in holders.Chunk(Chunk))
        {
            foreach (var holder in chunk)
            {
                string plain;
                do
                {
                    plain = StemcodeGenerator.Code(seed, index++);
                }
                while (!seen.Add(plain));

                db.VotingCodes.Add(new VotingCode
                {
                    EditionId = edition.Id, BatchId = batch.Id, Index = index - 1, Hash = vault.Hash(plain), VoterId = Guid.NewGuid().ToString(),
                    Buurt = holder.Buurt, Postcode = holder.Postcode, HouseNumber = holder.HouseNumber, Name = holder.Name, BirthYear = holder.BirthYear,
                });
            }

            await db.SaveChangesAsync();
            DetachCodes(batch.Id);
        }

        audit.Record(AuditActions.StemcodesIssued, nameof(StemcodeBatch), batch.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{kind}: {holders.Count} codes");
        await db.SaveChangesAsync();
        // More codes in a buurt: more residents who could vote, so the turnout of published rounds changes.
        await Participation.FigureCache.ChangedAsync(db, edition.Id);
        return batch;
    }

    /// <summary>
    /// The batch's saved codes leave the change tracker, so 150,000 of them do not slow every later save down. Only
    /// these: a code revoked for this replacement stays tracked, so its link to the new code is saved.
    /// </summary>
    private void DetachCodes(int batchId)
    {
        foreach (var entry in db.ChangeTracker.Entries<VotingCode>().Where(e => e.Entity.BatchId == batchId).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    private static string Describe(VotingCode code) =>
        code.Postcode is null ? $"anonieme code, {code.Buurt}" : $"{code.Postcode} {code.HouseNumber}, {code.Buurt}";
}
