using Burgerbegroting.Data;
using Burgerbegroting.Data.Email;
using Burgerbegroting.Web.Audit;
using Burgerbegroting.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Pages.Admin.Email;

/// <summary>The outbox for staff: what is queued, sent and failed, with the last error; failed mails can be retried.</summary>
public class IndexModel(AppDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public OutboxStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];
    public Dictionary<OutboxStatus, int> Counts { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        Counts = await db.OutboxMessages.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count);
        var query = db.OutboxMessages.AsNoTracking().Where(m => Status == null || m.Status == Status);
        var total = Status is null ? Counts.Values.Sum() : Counts.GetValueOrDefault(Status.Value);
        Pager = new Pager(PageNumber, PageSize, total, Url.Page(PageRoutes.AdminEmail) + (Status is null ? "?" : $"?status={Status}&"));
        Messages = await query.OrderByDescending(m => m.CreatedAt).Skip(Pager.Skip).Take(PageSize).ToListAsync();
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var retried = await db.OutboxMessages.Where(m => m.Id == id && m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Queued).SetProperty(m => m.NextAttemptAt, now).SetProperty(m => m.Attempts, 0));
        if (retried == 0)
        {
            return BadRequest();
        }

        audit.Record(AuditActions.MailRetried, "mail", id.ToString(), "");
        await db.SaveChangesAsync();
        return RedirectToPage(new { status = OutboxStatus.Failed });
    }
}
