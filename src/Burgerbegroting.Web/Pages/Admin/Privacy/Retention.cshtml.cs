using Burgerbegroting.Data;
using Burgerbegroting.Web.Audit;
using Burgerbegroting.Web.Privacy;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Burgerbegroting.Web.Pages.Admin.Privacy;

/// <summary>What the retention job will remove from each edition, and when (docs/privacy.md, "How long").</summary>
public class RetentionModel(AppDbContext db, Retention retention, IOptions<PrivacyOptions> options, TimeProvider clock) : PageModel
{
    public List<RetentionPlan> Plans { get; private set; } = [];

    /// <summary>When the job last removed something per edition (from the audit log), by edition id.</summary>
    public Dictionary<string, DateTime> Applied { get; private set; } = [];

    public int Months => options.Value.RetentionMonths;

    public DateTime Now { get; private set; }

    public async Task OnGetAsync()
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Plans = await retention.PlansAsync();
        Applied = (await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditActions.RetentionApplied && a.SubjectId != null)
                .Select(a => new { a.SubjectId, a.At }).ToListAsync())
            .GroupBy(a => a.SubjectId!).ToDictionary(g => g.Key, g => g.Max(a => a.At));
    }
}
