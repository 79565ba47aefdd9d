using Burgerbegroting.Data;
using Burgerbegroting.Data.Audit;
using Burgerbegroting.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Pages.Admin.Audit;

public class IndexModel(AppDbContext db) : PageModel
{
    private const int PageSize = 100;

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        Pager = new Pager(PageNumber, PageSize, await db.AuditEntries.CountAsync(), Url.Page(PageRoutes.AdminAudit) + "?");
        Entries = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Id).Skip(Pager.Skip).Take(PageSize).ToListAsync();
    }
}
