using System.ComponentModel.DataAnnotations;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Infrastructure;
using Burgerbegroting.Web.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Account;

/// <summary>Deleting one's own account (AVG art. 17): what goes and what stays is on the page; the password confirms it.</summary>
public class DeleteModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountErasure erasure, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public AccountKind Kind { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Kind = user.Kind;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Kind = user.Kind;
        var result = ModelState.Require(Input.Understood, "Input.Understood", l["DeleteAccount.MustConfirm"]) && ModelState.IsValid
            ? await erasure.EraseAsync(user, Input.Password)
            : (ErasureResult?)null;
        if (result != ErasureResult.Erased)
        {
            return Refused(result);
        }

        await signIn.SignOutAsync();
        return this.Done(l["DeleteAccount.Done"], pageName: PageRoutes.Home);
    }

    /// <summary>Bad input or a wrong password (400), or the last beheerder (409): the page again with its message.</summary>
    private PageResult Refused(ErasureResult? result)
    {
        if (result is { } refusal)
        {
            ModelState.AddModelError(refusal == ErasureResult.WrongPassword ? "Input.Password" : string.Empty, l["DeleteAccount." + refusal]);
        }

        return this.PageWithStatus(result == ErasureResult.LastAdmin ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
    }

    public sealed class InputModel
    {
        [Display(Name = "Field.Password")]
        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        public bool Understood { get; set; }
    }
}
