using System.ComponentModel.DataAnnotations;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Infrastructure.Startup;
using Burgerbegroting.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Burgerbegroting.Web.Accounts;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;
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

        var (user, result) = await CheckPasswordAsync();
        // Only who knows the password learns that the access was revoked.
        if (!result.Succeeded || user!.RevokedAt is not null)
        {
            return Fail(result.Succeeded ? "Login.Revoked" : "Login.Failed");
        }

        await signIn.SignInAsync(user, Input.RememberMe);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Page(PageRoutes.Home)!);
    }

    /// <summary>
    /// An unknown address, a wrong password and a locked account get the same answer in the same time: every path
    /// checks one password hash, so neither the text nor the timing says whether an account exists.
    /// </summary>
    private async Task<(AppUser? User, SignInResult Result)> CheckPasswordAsync()
    {
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        var result = user is null ? SignInResult.Failed : await signIn.CheckPasswordSignInAsync(user, Input.Password, lockoutOnFailure: true);
        if (user is null || result.IsLockedOut)
        {
            PasswordTiming.Spend(users.PasswordHasher, Input.Password);
        }

        return (user, result);
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
