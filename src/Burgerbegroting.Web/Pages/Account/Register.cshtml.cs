using System.ComponentModel.DataAnnotations;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Accounts;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Infrastructure.Startup;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Account;

[EnableRateLimiting(Security.SignInLimit)]
public class RegisterModel(Registrations registrations, VotingOutlook outlook, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var postcode = Input.Validate(ModelState, l, clock.GetUtcNow().Year);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = Input.ToUser(postcode!, Languages.Normalize(System.Globalization.CultureInfo.CurrentUICulture.Name), clock.GetUtcNow().UtcDateTime);
        var result = await registrations.RegisterAsync(user, Input.Password);
        AccountErrors.AddTo(ModelState, result, nameof(Input));
        if (!result.Succeeded)
        {
            return Page();
        }

        // Said at once, not first at the ballot: the account is made, but the current edition will not take its vote.
        TempData["CannotVote"] = await outlook.CannotVoteAsync(user);
        return RedirectToPage(PageRoutes.CheckEmail, new { kind = user.Kind == AccountKind.Network ? "network" : null });
    }

    public sealed class InputModel
    {
        public AccountKind Kind { get; set; } = AccountKind.Resident;

        [Display(Name = "Field.OrganisationName")]
        [StringLength(150, ErrorMessage = "Validation.MaxLength")]
        public string? OrganisationName { get; set; }

        [Display(Name = "Field.DisplayName")]
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, ErrorMessage = "Validation.MaxLength")]
        public string DisplayName { get; set; } = "";

        [Display(Name = "Field.Email")]
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(256, ErrorMessage = "Validation.MaxLength")]
        public string Email { get; set; } = "";

        [Display(Name = "Field.Postcode")]
        [Required(ErrorMessage = "Validation.Required")]
        public string Postcode { get; set; } = "";

        [Display(Name = "Field.BirthYear")]
        public string? BirthYear { get; set; }

        [Display(Name = "Field.Password")]
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        public string Password { get; set; } = "";

        [Display(Name = "Field.ConfirmPassword")]
        [Required(ErrorMessage = "Validation.Required")]
        [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
        public string ConfirmPassword { get; set; } = "";

        public bool WantsUpdates { get; set; }

        internal int? ParsedBirthYear { get; private set; }

        /// <summary>The checks attributes can't express; returns the normalised postcode.</summary>
        internal string? Validate(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, IStringLocalizer l, int thisYear)
        {
            var kind = Kind == AccountKind.Network ? AccountKind.Network : AccountKind.Resident;
            (var postcode, ParsedBirthYear) = AccountDetails.Check(kind, Postcode, BirthYear, OrganisationName, state, l, thisYear);
            return postcode;
        }

        internal AppUser ToUser(string postcode, string culture, DateTime now) => new()
        {
            UserName = Email.Trim(),
            Email = Email.Trim(),
            DisplayName = DisplayName.Trim(),
            Kind = Kind == AccountKind.Network ? AccountKind.Network : AccountKind.Resident,
            OrganisationName = Kind == AccountKind.Network ? OrganisationName?.Trim() : null,
            Postcode = postcode,
            BirthYear = Kind == AccountKind.Resident ? ParsedBirthYear : null,
            PreferredCulture = culture,
            WantsUpdates = WantsUpdates,
            CreatedAt = now,
        };
    }
}
