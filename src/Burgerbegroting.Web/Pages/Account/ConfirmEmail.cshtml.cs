using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Burgerbegroting.Web.Pages.Account;

public class ConfirmEmailModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? userId, string? code)
    {
        var token = AccountTokens.Decode(code);
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || token is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Confirmed = user.EmailConfirmed || (await users.ConfirmEmailAsync(user, token)).Succeeded;
        if (!Confirmed)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else if (signIn.IsSignedIn(User) && users.GetUserId(User) == user.Id)
        {
            await signIn.RefreshSignInAsync(user);
        }

        return Page();
    }
}
