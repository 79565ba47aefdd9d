using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Web.Editions;
using Microsoft.AspNetCore.Mvc;

namespace Burgerbegroting.Web.Pages.Results;

/// <summary>
/// Where a results page stands among the editions: the line under its heading that names the edition and links to all
/// its results, and says when it is an earlier edition from the archive or a draft only staff see.
/// </summary>
public sealed record EditionTrail(Edition Edition, bool IsCurrent)
{
    public static async Task<EditionTrail> LoadAsync(AppDbContext db, Edition edition) =>
        new(edition, await db.CurrentIdAsync() == edition.Id);

    /// <summary>The list of the edition's ideas: the current edition's at its plain address, an earlier one's with the edition named.</summary>
    public string? IdeasHref(IUrlHelper url) => IsCurrent
        ? url.Page(PageRoutes.Ideas)
        : url.Page(PageRoutes.Ideas, new { editie = Edition.Slug });
}
