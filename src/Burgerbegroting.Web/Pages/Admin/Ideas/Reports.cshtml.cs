using Burgerbegroting.Data;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Web.Ideas;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Admin.Ideas;

/// <summary>Ideas reported as inappropriate; staff hide them (on the review page) or dismiss the reports.</summary>
public class ReportsModel(AppDbContext db, IdeaReviews reviews, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<IdeaReport> Reports { get; private set; } = [];

    public async Task OnGetAsync() =>
        Reports = await db.IdeaReports.AsNoTracking().Include(r => r.Idea).Where(r => r.HandledAt == null).OrderBy(r => r.CreatedAt).ToListAsync();

    public async Task<IActionResult> OnPostDismissAsync(int ideaId)
    {
        var idea = await reviews.FindAsync(ideaId);
        if (idea is null)
        {
            return NotFound();
        }

        await reviews.DismissReportsAsync(idea);
        TempData["Status"] = l["Reports.Dismissed"].Value;
        return RedirectToPage();
    }
}
