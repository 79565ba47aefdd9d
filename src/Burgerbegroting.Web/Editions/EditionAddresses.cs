using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Web.Pages;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Editions;

/// <summary>
/// Every edition keeps its results under its own address (/2026/uitslag/4, docs/product.md "Editions"), so a result once
/// published stays where it was when next year's edition becomes current. The addresses without an edition, which
/// earlier versions used and people have bookmarked and printed, lead to the current edition's.
/// </summary>
public static class EditionAddresses
{
    public static WebApplication MapEditionAddresses(this WebApplication app)
    {
        app.MapGet(PageRoutes.UnscopedResults, RedirectToCurrentAsync).AllowAnonymous();
        return app;
    }

    /// <summary>/uitslag/4?x → /2026/uitslag/4?x while 2026 is the current edition (a temporary redirect: the current edition changes).</summary>
    private static async Task<IResult> RedirectToCurrentAsync(HttpContext context, AppDbContext db) =>
        await db.Editions.Where(e => e.CurrentSince != null).OrderByDescending(e => e.CurrentSince).ThenByDescending(e => e.Id)
            .Select(e => e.Slug).FirstOrDefaultAsync() is { } slug
            ? Results.Redirect((new PathString("/" + slug) + context.Request.Path).ToUriComponent() + context.Request.QueryString.ToUriComponent())
            : Results.NotFound();

    /// <summary>The wanted address if no other edition has it, else the same with "-2", "-3", … (for a suggested address).</summary>
    public static async Task<string> FreeSlugAsync(this AppDbContext db, string wanted, int? editionId = null)
    {
        var taken = await db.Editions.Where(e => e.Id != editionId && (e.Slug == wanted || e.Slug.StartsWith(wanted + "-")))
            .Select(e => e.Slug).ToListAsync();
        var slug = wanted;
        for (var n = 2; taken.Contains(slug, StringComparer.Ordinal); n++)
        {
            slug = $"{wanted}-{n}";
        }

        return slug;
    }

    /// <summary>Whether another edition already has this address.</summary>
    public static Task<bool> SlugTakenAsync(this AppDbContext db, string slug, int? editionId = null) =>
        db.Editions.AnyAsync(e => e.Slug == slug && e.Id != editionId);
}
