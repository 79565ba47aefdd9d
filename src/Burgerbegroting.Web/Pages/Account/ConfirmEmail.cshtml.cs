using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Accounts;
using Burgerbegroting.Web.Infrastructure;
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
            return this.PageWithStatus(StatusCodes.Status400BadRequest);
        }

        Confirmed = user.EmailConfirmed || (await users.ConfirmEmailAsync(user, token)).Succeeded;
        if (!Confirmed)
        {
            return this.PageWithStatus(StatusCodes.Status400BadRequest);
        }

        await RefreshIfSignedInAsync(user);
        return Page();
    }

    /// <summary>Someone confirming while signed in gets the confirmed claim at once, without signing in again.</summary>
    private async Task RefreshIfSignedInAsync(AppUser user)
    {
        if (signIn.IsSignedIn(User) && users.GetUserId(User) == user.Id)
        {
            await signIn.RefreshSignInAsync(user);
        }
    }
}
