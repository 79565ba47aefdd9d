using System.ComponentModel.DataAnnotations;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Accounts;
using Burgerbegroting.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Account;

/// <summary>Both "forgot password" and the set-password link of a staff invitation land here.</summary>
public class ResetPasswordModel(UserManager<AppUser> users, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Invite { get; set; }

    public bool LinkValid => !string.IsNullOrEmpty(UserId) && AccountTokens.Decode(Code) is not null;

    public IActionResult OnGet() => LinkValid ? Page() : this.PageWithStatus(StatusCodes.Status400BadRequest);

    public async Task<IActionResult> OnPostAsync()
    {
        var user = LinkValid ? await users.FindByIdAsync(UserId!) : null;
        ModelState.Require(user is not null, string.Empty, l["Reset.BadLink"]);
        if (!ModelState.IsValid)
        {
            return this.PageWithStatus(StatusCodes.Status400BadRequest);
        }

        var result = await users.ResetPasswordAsync(user!, AccountTokens.Decode(Code)!, Input.Password);
        if (!result.Succeeded)
        {
            AccountErrors.AddTo(ModelState, result, nameof(Input));
            return this.PageWithStatus(StatusCodes.Status400BadRequest);
        }

        await ConfirmAndUnlockAsync(user!);
        return this.Done(l["Reset.Done"], pageName: PageRoutes.Login);
    }

    /// <summary>The link came by mail, so the address is proven; a reset also lifts a lockout.</summary>
    private async Task ConfirmAndUnlockAsync(AppUser user)
    {
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    }

    public sealed class InputModel
    {
        [Display(Name = "Field.NewPassword")]
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        public string Password { get; set; } = "";

        [Display(Name = "Field.ConfirmPassword")]
        [Required(ErrorMessage = "Validation.Required")]
        [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
        public string ConfirmPassword { get; set; } = "";
    }
}
