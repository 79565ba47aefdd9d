using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Burgerbegroting.Web.Participation;

/// <summary>
/// What is computed from a published round — its participation figures, the edition report — kept in memory under a
/// key that changes whenever the result could (docs/participation.md, "The edition report"): the round's publication
/// and the edition's <see cref="Edition.FiguresVersion"/>, which every write that touches published figures raises.
/// The key is read from rows a page loads anyway, so every app instance sees a change at its next request and a repeat
/// view costs a lookup rather than a count over every ballot. Visitors arriving together at a cold entry wait for one
/// computation instead of each starting their own.
/// </summary>
public sealed class FigureCache(IMemoryCache cache)
{
    /// <summary>Long enough to serve a busy publication day; a stale key (after a change) falls out after this idle time.</summary>
    private static readonly TimeSpan Idle = TimeSpan.FromHours(2);

    public async Task<T> GetOrAddAsync<T>(object key, Func<Task<T>> compute)
    {
        var entry = cache.GetOrCreate(key, e =>
        {
            e.SlidingExpiration = Idle;
            return new Lazy<Task<T>>(compute, LazyThreadSafetyMode.ExecutionAndPublication);
        })!;
        try
        {
            return await entry.Value;
        }
        catch
        {
            // A failed computation (the database away for a moment) is not kept: the next view tries again.
            cache.Remove(key);
            throw;
        }
    }

    /// <summary>The key of something computed from one published round of this edition.</summary>
    public static object RoundKey(string what, Edition edition, Round round) =>
        (what, round.Id, round.PublishedAt, edition.FiguresVersion);

    /// <summary>The key of something computed from every published round of this edition.</summary>
    public static object EditionKey(string what, Edition edition) =>
        (what, edition.Id, edition.FiguresVersion, string.Join(',', edition.Rounds.OrderBy(r => r.Number).Select(r => r.PublishedAt?.Ticks ?? 0)));

    /// <summary>
    /// Marks the edition's published figures as changed; call it after the change is saved (or inside its transaction),
    /// so no one can compute the old figures under the new key.
    /// </summary>
    public static Task ChangedAsync(AppDbContext db, int editionId) =>
        db.Editions.Where(e => e.Id == editionId).ExecuteUpdateAsync(s => s.SetProperty(e => e.FiguresVersion, e => e.FiguresVersion + 1));
}
