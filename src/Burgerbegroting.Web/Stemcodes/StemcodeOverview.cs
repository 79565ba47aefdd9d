using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Stemcodes;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Stemcodes;

/// <summary>One buurt's codes: issued (revoked ones included), revoked, linked to an account, and codes that voted per round id.</summary>
public sealed record BuurtCodes(string Buurt, int Issued, int Revoked, int Linked, IReadOnlyDictionary<int, int> VotedByRound);

/// <summary>Wrong codes typed: this hour, the last 24 hours, since the start.</summary>
public sealed record CodeFailures(int ThisHour, int LastDay, int Total);

/// <summary>What staff see of an edition's codes (docs/stemcodes.md, "Overview"); counts only, never a code.</summary>
public sealed record StemcodeOverview(IReadOnlyList<BuurtCodes> PerBuurt, CodeFailures Failures, IReadOnlyList<StemcodeBatch> Batches)
{
    public int Issued => PerBuurt.Sum(b => b.Issued);
    public int Revoked => PerBuurt.Sum(b => b.Revoked);
    public int Linked => PerBuurt.Sum(b => b.Linked);
    public int Voted(int roundId) => PerBuurt.Sum(b => b.VotedByRound.GetValueOrDefault(roundId));

    public static async Task<StemcodeOverview> LoadAsync(AppDbContext db, Edition edition, TimeProvider clock)
    {
        var codes = db.VotingCodes.Where(c => c.EditionId == edition.Id);
        var perBuurt = await codes.GroupBy(c => c.Buurt)
            .Select(g => new { Buurt = g.Key, Issued = g.Count(), Revoked = g.Count(c => c.RevokedAt != null), Linked = g.Count(c => c.AccountId != null) })
            .ToListAsync();
        var roundIds = edition.Rounds.Where(r => r.Definition.HasBallot).Select(r => r.Id).ToList();
        var voted = await (from p in db.Participations
                           join c in codes on p.VoterId equals c.VoterId
                           where roundIds.Contains(p.RoundId)
                           group p by new { p.RoundId, c.Buurt } into g
                           select new { g.Key.RoundId, g.Key.Buurt, Count = g.Count() }).ToListAsync();
        var buurten = perBuurt.Select(b => new BuurtCodes(b.Buurt, b.Issued, b.Revoked, b.Linked,
            voted.Where(v => v.Buurt == b.Buurt).ToDictionary(v => v.RoundId, v => v.Count))).OrderBy(b => b.Buurt, StringComparer.CurrentCulture).ToList();
        var batches = await db.StemcodeBatches.AsNoTracking().Where(b => b.EditionId == edition.Id).OrderByDescending(b => b.Id).ToListAsync();
        return new(buurten, await FailuresAsync(db, clock), batches);
    }

    private static async Task<CodeFailures> FailuresAsync(AppDbContext db, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        var rows = await db.StemcodeFailures.AsNoTracking().ToListAsync();
        return new(rows.Where(r => r.Hour == hour).Sum(r => r.Count), rows.Where(r => r.Hour > hour.AddHours(-24)).Sum(r => r.Count), rows.Sum(r => r.Count));
    }
}
