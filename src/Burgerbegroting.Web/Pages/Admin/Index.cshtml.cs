using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Email;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Pages.Admin;

public class IndexModel(AppDbContext db) : PageModel
{
    public int PendingNetworks { get; private set; }
    public int QueuedMails { get; private set; }
    public int FailedMails { get; private set; }

    public async Task OnGetAsync()
    {
        PendingNetworks = await db.Users.CountAsync(u => u.Kind == AccountKind.Network && u.Email != null && u.ApprovedAt == null && u.RejectedAt == null);
        QueuedMails = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Queued);
        FailedMails = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Failed);
    }
}
