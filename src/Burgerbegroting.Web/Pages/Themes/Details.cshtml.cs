using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Pages.Themes;

public class DetailsModel(AppDbContext db) : PageModel
{
    public Theme Theme { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var theme = await db.Themes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id);
        if (theme is null)
        {
            return NotFound();
        }

        Theme = theme;
        return Page();
    }
}
