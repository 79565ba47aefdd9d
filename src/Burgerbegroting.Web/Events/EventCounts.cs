using Burgerbegroting.Data;
using Burgerbegroting.Data.Events;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Events;

/// <summary>What happened at one event so far: residents checked in at its desk, and its paper sheets by status.</summary>
public sealed record EventCounts(int CheckIns, int Waiting, int Disputed, int Counted, int Invalid)
{
    public static readonly EventCounts None = new(0, 0, 0, 0, 0);

    /// <summary>The counts of these events, by event id (an event without any is left out: <see cref="None"/>).</summary>
    public static async Task<IReadOnlyDictionary<int, EventCounts>> LoadAsync(AppDbContext db, IReadOnlyCollection<int> eventIds)
    {
        var checkIns = await db.EventCheckIns.Where(c => eventIds.Contains(c.EventId)).GroupBy(c => c.EventId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var sheets = await db.PaperSheets.Where(s => eventIds.Contains(s.EventId)).GroupBy(s => new { s.EventId, s.Status })
            .Select(g => new { g.Key.EventId, g.Key.Status, Count = g.Count() }).ToListAsync();
        int Sheets(int id, SheetStatus status) => sheets.Where(s => s.EventId == id && s.Status == status).Sum(s => s.Count);
        return eventIds.ToDictionary(id => id, id => new EventCounts(checkIns.GetValueOrDefault(id),
            Sheets(id, SheetStatus.Waiting), Sheets(id, SheetStatus.Disputed), Sheets(id, SheetStatus.Counted), Sheets(id, SheetStatus.Invalid)));
    }
}
