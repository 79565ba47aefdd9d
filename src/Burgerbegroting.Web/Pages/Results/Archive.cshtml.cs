using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Editions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Pages.Results;

/// <summary>Every edition that has been public, newest first, each with its results: the public record of all years. Drafts are not listed.</summary>
public class ArchiveModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<Edition> Editions { get; private set; } = [];
    public int? CurrentId { get; private set; }

    public async Task OnGetAsync()
    {
        Editions = await db.Editions.AsNoTracking().Where(e => e.CurrentSince != null).Include(e => e.Rounds)
            .OrderByDescending(e => e.CurrentSince).ThenByDescending(e => e.Id).ToListAsync();
        CurrentId = await db.CurrentIdAsync();
    }

    public static int Published(Edition edition) => edition.Rounds.Count(r => ResultsVisibility.IsPublic(r.Status));
}
