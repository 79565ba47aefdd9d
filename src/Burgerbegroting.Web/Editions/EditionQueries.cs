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

    /// <summary>The id of the edition residents see (see <see cref="CurrentAsync"/>), without loading it.</summary>
    public static Task<int?> CurrentIdAsync(this AppDbContext db) =>
        db.Editions.Where(e => e.CurrentSince != null)
            .OrderByDescending(e => e.CurrentSince).ThenByDescending(e => e.Id)
            .Select(e => (int?)e.Id).FirstOrDefaultAsync();

    /// <summary>
    /// An edition by its public address (<see cref="Edition.Slug"/>): every edition that has been current stays public,
    /// as a record; a draft only for staff.
    /// </summary>
    public static Task<Edition?> BySlugAsync(this AppDbContext db, string slug, bool staff) =>
        db.Editions.AsNoTracking()
            .Where(e => e.Slug == slug && (staff || e.CurrentSince != null))
            .Include(e => e.Rounds.OrderBy(r => r.Number))
            .Include(e => e.Themes.OrderBy(t => t.Position))
            .Include(e => e.Buurten.OrderBy(b => b.Name))
            .AsSplitQuery()
            .FirstOrDefaultAsync();

    /// <summary>This round of the edition at that address, with its edition, or null.</summary>
    public static async Task<(Edition Edition, Round Round)?> RoundBySlugAsync(this AppDbContext db, string slug, RoundKind kind, bool staff) =>
        await db.BySlugAsync(slug, staff) is { } edition ? (edition, edition.Round(kind)) : null;

    /// <summary>The round of the edition at that address once its results are published (open data has no provisional preview), or null.</summary>
    public static async Task<(Edition Edition, Round Round)?> PublishedRoundAsync(this AppDbContext db, string slug, RoundKind kind) =>
        await db.RoundBySlugAsync(slug, kind, staff: false) is { } found && ResultsVisibility.IsPublic(found.Round.Status) ? found : null;

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
