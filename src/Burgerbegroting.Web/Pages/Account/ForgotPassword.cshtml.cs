using System.ComponentModel.DataAnnotations;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Accounts;
using Burgerbegroting.Web.Infrastructure;
using Burgerbegroting.Web.Infrastructure.Startup;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Burgerbegroting.Web.Pages.Account;

[EnableRateLimiting(Security.SignInLimit)]
public class ForgotPasswordModel(UserManager<AppUser> users, IEmailSender<AppUser> mail, Links links) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The same answer whether or not the address has an account, so the form reveals nothing.
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is not null && user.RevokedAt is null)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            await mail.SendPasswordResetLinkAsync(user, user.Email!, links.Page(PageRoutes.ResetPassword, new { userId = user.Id, code = AccountTokens.Encode(token) }));
        }

        Sent = true;
        return Page();
    }

    public sealed class InputModel
    {
        [Display(Name = "Field.Email")]
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        public string Email { get; set; } = "";
    }
}
