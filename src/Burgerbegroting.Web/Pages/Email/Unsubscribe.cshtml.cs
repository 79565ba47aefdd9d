using Burgerbegroting.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Pages.Email;

/// <summary>
/// The unsubscribe link of update mails: confirm with one button, no sign-in needed (the link is signed). Mail clients
/// POST to the same address for one-click unsubscribe (RFC 8058) without a form of ours, so there is no antiforgery
/// token; the signed token is what makes the request safe: it names one account, and only its mails carry it.
/// Razor Pages take filters per page, not per handler, and the only handler here is that POST.
/// </summary>
[IgnoreAntiforgeryToken]
public class UnsubscribeModel(AppDbContext db, Burgerbegroting.Web.Email.Unsubscribe unsubscribe) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool Valid => unsubscribe.UserId(Token) is not null;
    public bool Done { get; private set; }

    public IActionResult OnGet()
    {
        if (!Valid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var userId = unsubscribe.UserId(Token);
        if (userId is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.WantsUpdates, false));
        Done = true;
        return Page();
    }
}
