using System.ComponentModel.DataAnnotations;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Infrastructure.Startup;
using Burgerbegroting.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Account;

[EnableRateLimiting(Security.SignInLimit)]
public class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user?.RevokedAt is not null)
        {
            return Fail("Login.Revoked");
        }

        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        return result.Succeeded
            ? LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Page(PageRoutes.Home)!)
            : Fail(result.IsLockedOut ? "Login.LockedOut" : "Login.Failed");
    }

    private PageResult Fail(string key)
    {
        ModelState.AddModelError(string.Empty, l[key]);
        return this.PageWithStatus(StatusCodes.Status400BadRequest);
    }

    public sealed class InputModel
    {
        [Display(Name = "Field.Email")]
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        public string Email { get; set; } = "";

        [Display(Name = "Field.Password")]
        [Required(ErrorMessage = "Validation.Required")]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }
}
