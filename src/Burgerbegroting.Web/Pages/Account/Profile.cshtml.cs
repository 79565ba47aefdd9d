using System.ComponentModel.DataAnnotations;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Voting.Eligibility;
using Burgerbegroting.Web.Accounts;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Account;

public class ProfileModel(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IEmailSender<AppUser> mail,
    Links links,
    VotingOutlook outlook,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public AppUser CurrentUser { get; private set; } = null!;

    /// <summary>Why the current edition will not take this resident's vote, or null.</summary>
    public string? CannotVote { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is null)
        {
            return Challenge();
        }

        Input = new InputModel
        {
            DisplayName = CurrentUser.DisplayName,
            OrganisationName = CurrentUser.OrganisationName,
            Postcode = CurrentUser.Postcode is null ? "" : DutchPostcode.Format(CurrentUser.Postcode),
            BirthYear = CurrentUser.BirthYear?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            WantsUpdates = CurrentUser.WantsUpdates,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return Challenge();
        }

        var (postcode, year) = AccountDetails.Check(user.Kind, Input.Postcode, Input.BirthYear, Input.OrganisationName, ModelState, l, clock.GetUtcNow().Year);
        if (!ModelState.IsValid)
        {
            return this.PageWithStatus(StatusCodes.Status400BadRequest);
        }

        Apply(user, postcode, year);
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        return this.Done(l["Profile.Saved"]);
    }

    /// <summary>Each kind of account keeps what does not apply to it: staff their postcode, non-residents their birth year.</summary>
    private void Apply(AppUser user, string? postcode, int? year)
    {
        user.DisplayName = Input.DisplayName.Trim();
        user.WantsUpdates = Input.WantsUpdates;
        user.Postcode = user.Kind == AccountKind.Staff ? user.Postcode : postcode;
        user.BirthYear = user.Kind == AccountKind.Resident ? year : user.BirthYear;
        user.OrganisationName = user.Kind == AccountKind.Network ? Input.OrganisationName!.Trim() : user.OrganisationName;
    }

    public async Task<IActionResult> OnPostResendConfirmationAsync()
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return Challenge();
        }

        if (!user.EmailConfirmed)
        {
            var token = await users.GenerateEmailConfirmationTokenAsync(user);
            await mail.SendConfirmationLinkAsync(user, user.Email!, links.Page(PageRoutes.ConfirmEmail, new { userId = user.Id, code = AccountTokens.Encode(token) }));
            TempData["Status"] = l["Profile.ConfirmationSent", user.Email!].Value;
        }

        return RedirectToPage();
    }

    private async Task<AppUser?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is not null)
        {
            CurrentUser = user;
            CannotVote = await outlook.CannotVoteAsync(user);
        }

        return user;
    }

    public sealed class InputModel
    {
        [Display(Name = "Field.OrganisationName")]
        [StringLength(150, ErrorMessage = "Validation.MaxLength")]
        public string? OrganisationName { get; set; }

        [Display(Name = "Field.DisplayName")]
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, ErrorMessage = "Validation.MaxLength")]
        public string DisplayName { get; set; } = "";

        [Display(Name = "Field.Postcode")]
        public string? Postcode { get; set; }

        [Display(Name = "Field.BirthYear")]
        public string? BirthYear { get; set; }

        public bool WantsUpdates { get; set; }
    }
}
