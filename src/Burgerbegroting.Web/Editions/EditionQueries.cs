using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Editions;

/// <summary>Loading editions the way pages need them.</summary>
public static class EditionQueries
{
    /// <summary>
    /// The edition residents see: the one staff made current last (an edition is one year's burgerbegroting). A new
    /// edition is a draft until then and changes nothing for residents, however new it is.
    /// </summary>
    public static Task<Edition?> CurrentAsync(this AppDbContext db) =>
        db.Editions.AsNoTracking()
            .Where(e => e.CurrentSince != null)
            .Include(e => e.Rounds.OrderBy(r => r.Number))
            .Include(e => e.Themes.OrderBy(t => t.Position))
            .Include(e => e.Buurten.OrderBy(b => b.Name))
            .AsSplitQuery()
            .OrderByDescending(e => e.CurrentSince).ThenByDescending(e => e.Id)
            .FirstOrDefaultAsync();

    public static Task<Edition?> FindWithAllAsync(this AppDbContext db, int id) =>
        db.Editions
            .Include(e => e.Rounds.OrderBy(r => r.Number))
            .Include(e => e.Themes.OrderBy(t => t.Position))
            .Include(e => e.Buurten.OrderBy(b => b.Name))
            .AsSplitQuery()
            .SingleOrDefaultAsync(e => e.Id == id);

    /// <summary>This round of the current edition, with its edition, or null if there is no edition yet.</summary>
    public static async Task<(Edition Edition, Round Round)?> CurrentRoundAsync(this AppDbContext db, RoundKind kind)
    {
        var edition = await db.CurrentAsync();
        return edition is null ? null : (edition, edition.Round(kind));
    }
}
