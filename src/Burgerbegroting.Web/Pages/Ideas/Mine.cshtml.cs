using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Ideas;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Pages.Ideas;

/// <summary>The submitter's own ideas with their status (hidden ones too: they were told why).</summary>
[Authorize]
public class MineModel(AppDbContext db, UserManager<AppUser> users) : PageModel
{
    public IReadOnlyList<Idea> Ideas { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var me = users.GetUserId(User);
        Ideas = await db.Ideas.AsNoTracking().Include(i => i.Theme).Include(i => i.Buurt).Include(i => i.Submitter)
            .Where(i => i.SubmitterId == me).OrderByDescending(i => i.CreatedAt).ToListAsync();
    }
}
