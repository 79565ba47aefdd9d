using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Web.Editions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Pages.Admin.Ideas;

/// <summary>The review queue per theme: what waits first, then what was decided.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<IGrouping<Theme, Idea>> ByTheme { get; private set; } = [];
    public int Open { get; private set; }
    public int OpenReports { get; private set; }

    /// <summary>The edition whose ideas these are (the current one), named on the page.</summary>
    public Edition? Edition { get; private set; }

    public async Task OnGetAsync()
    {
        var edition = Edition = await db.CurrentAsync();
        var ideas = edition is null ? [] : await db.Ideas.AsNoTracking().Include(i => i.Theme).Include(i => i.Buurt)
            .Where(i => i.EditionId == edition.Id).OrderBy(i => i.Status).ThenBy(i => i.CreatedAt).ToListAsync();
        // Grouped by id: without tracking, each idea carries its own copy of its theme.
        ByTheme = ideas.GroupBy(i => i.ThemeId).Select(g => g.GroupBy(i => g.First().Theme).Single()).OrderBy(g => g.Key.Position).ToList();
        Open = ideas.Count(i => i.Status is IdeaStatus.Submitted or IdeaStatus.InReview && !i.Hidden);
        OpenReports = await db.IdeaReports.CountAsync(r => r.HandledAt == null);
    }
}
