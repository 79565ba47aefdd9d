using System.Globalization;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Events;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Events;

/// <summary>Paper of one round at one event that is not finished yet: sheets entered once, sheets in dispute.</summary>
public sealed record PendingPaper(int RoundId, int EventId, string EventName, int Waiting, int Disputed);

/// <summary>
/// How far the typing-in of paper sheets is (docs/events.md, "Double entry"): sheet numbers by status, never what a
/// sheet says, so a second typist learns nothing of the first entry.
/// </summary>
public static class PaperProgress
{
    /// <summary>The event's sheet numbers per status, each list in ascending order.</summary>
    public static async Task<IReadOnlyDictionary<SheetStatus, IReadOnlyList<int>>> NumbersAsync(AppDbContext db, int eventId)
    {
        var sheets = await db.PaperSheets.Where(s => s.EventId == eventId).Select(s => new { s.Status, s.Number }).ToListAsync();
        return sheets.GroupBy(s => s.Status)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<int>)[.. g.Select(s => s.Number).Order()]);
    }

    /// <summary>Per round and event, the sheets that hold up publishing the round; events without any are left out.</summary>
    public static async Task<IReadOnlyList<PendingPaper>> PendingAsync(AppDbContext db, IReadOnlyCollection<int> roundIds)
    {
        var rows = await (from s in db.PaperSheets
                          join e in db.VotingEvents on s.EventId equals e.Id
                          where roundIds.Contains(s.RoundId) && (s.Status == SheetStatus.Waiting || s.Status == SheetStatus.Disputed)
                          group s by new { s.RoundId, s.EventId, e.Name, e.Date } into g
                          select new
                          {
                              g.Key.RoundId,
                              g.Key.EventId,
                              g.Key.Name,
                              g.Key.Date,
                              Waiting = g.Count(s => s.Status == SheetStatus.Waiting),
                              Disputed = g.Count(s => s.Status == SheetStatus.Disputed),
                          }).ToListAsync();
        return [.. rows.OrderBy(r => r.Date).ThenBy(r => r.Name, StringComparer.CurrentCulture)
            .Select(r => new PendingPaper(r.RoundId, r.EventId, r.Name, r.Waiting, r.Disputed))];
    }

    /// <summary>Sheet numbers in short: "3–7, 12, 15–16".</summary>
    public static string Ranges(IReadOnlyList<int> sorted)
    {
        var parts = new List<string>();
        for (var i = 0; i < sorted.Count;)
        {
            var end = i;
            while (end + 1 < sorted.Count && sorted[end + 1] == sorted[end] + 1)
            {
                end++;
            }

            parts.Add(end == i ? Text(sorted[i]) : $"{Text(sorted[i])}–{Text(sorted[end])}");
            i = end + 1;
        }

        return string.Join(", ", parts);
    }

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);
}
