using System.ComponentModel.DataAnnotations;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Accounts;
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

    public IActionResult OnGet()
    {
        if (!LinkValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = LinkValid ? await users.FindByIdAsync(UserId!) : null;
        if (!ModelState.IsValid || user is null)
        {
            if (user is null)
            {
                ModelState.AddModelError(string.Empty, l["Reset.BadLink"]);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, AccountTokens.Decode(Code)!, Input.Password);
        if (!result.Succeeded)
        {
            AccountErrors.AddTo(ModelState, result, nameof(Input));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // The link came by mail, so the address is proven; a reset also lifts a lockout.
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        TempData["Status"] = l["Reset.Done"].Value;
        return Redirect("/account/inloggen");
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
