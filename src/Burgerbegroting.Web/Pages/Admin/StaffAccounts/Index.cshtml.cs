using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Accounts;
using Burgerbegroting.Web.Infrastructure.Startup;
using Burgerbegroting.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Admin.StaffAccounts;

/// <summary>Beheerders invite and revoke gemeente staff (authorized for the admin policy as a folder).</summary>
public class IndexModel(Accounts.StaffAccounts staff, UserManager<AppUser> users, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<StaffMember> Members { get; private set; } = [];

    public string? CurrentUserId => users.GetUserId(User);

    public IEnumerable<SelectListItem> RoleOptions =>
        [new(l["Role." + Roles.Staff], Roles.Staff), new(l["Role." + Roles.Admin], Roles.Admin)];

    public async Task OnGetAsync() => Members = await staff.ListAsync();

    public async Task<IActionResult> OnPostInviteAsync()
    {
        if (!await InviteAsync())
        {
            Members = await staff.ListAsync();
            return this.PageWithStatus(StatusCodes.Status400BadRequest);
        }

        return this.Done(l["StaffAccounts.Invited", Input.Email.Trim()]);
    }

    /// <summary>Invites when the form is right; false with the errors next to the fields.</summary>
    private async Task<bool> InviteAsync()
    {
        ModelState.Require(Input.Role is Roles.Staff or Roles.Admin, "Input.Role", l["Validation.Choose"]);
        var result = ModelState.IsValid
            ? await staff.InviteAsync(Input.Email.Trim(), Input.Name.Trim(), Input.Role, Languages.Normalize(CultureInfo.CurrentUICulture.Name))
            : (InviteResult?)null;
        if (result is InviteResult.IsNonStaffAccount or InviteResult.AlreadyStaff)
        {
            ModelState.AddModelError("Input.Email", l[result == InviteResult.AlreadyStaff ? "StaffAccounts.AlreadyStaff" : "StaffAccounts.NotStaffAccount"]);
        }

        return ModelState.IsValid;
    }

    public async Task<IActionResult> OnPostRevokeAsync(string id)
    {
        if (id == CurrentUserId || !await staff.RevokeAsync(id))
        {
            return BadRequest();
        }

        return this.Done(l["StaffAccounts.RevokedDone"]);
    }

    public sealed class InputModel
    {
        [Display(Name = "Field.Email")]
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        public string Email { get; set; } = "";

        [Display(Name = "Field.DisplayName")]
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, ErrorMessage = "Validation.MaxLength")]
        public string Name { get; set; } = "";

        [Display(Name = "Field.Role")]
        public string Role { get; set; } = Roles.Staff;
    }
}
