using System.ComponentModel.DataAnnotations;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Infrastructure;
using Burgerbegroting.Web.Infrastructure.Startup;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Account;

[EnableRateLimiting(Security.SignInLimit)]
public class RegisterModel(
    AppDbContext db,
    UserManager<AppUser> users,
    IEmailSender<AppUser> mail,
    Web.Email.Outbox outbox,
    Web.Email.EmailTemplates templates,
    Links links,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
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

        await using var transaction = await db.Database.BeginTransactionAsync();
        if (await users.FindByEmailAsync(Input.Email.Trim()) is { } existing)
        {
            return await TellTheOwnerAsync(existing, transaction);
        }

        if (await CreateAsync(postcode!) is not { } user)
        {
            return Page();
        }

        await WelcomeAsync(user);
        await transaction.CommitAsync();
        return RedirectToPage(PageRoutes.CheckEmail, new { kind = user.Kind == AccountKind.Network ? "network" : null });
    }

    /// <summary>
    /// An address that already has an account gets the same answer as a new one, after as long: the page never says
    /// whether an address is registered. The owner gets a mail instead, with the way to sign in or set a new password.
    /// </summary>
    private async Task<IActionResult> TellTheOwnerAsync(AppUser existing, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction)
    {
        var objections = await PasswordObjectionsAsync(existing);
        if (objections.Count > 0)
        {
            AccountErrors.AddTo(ModelState, IdentityResult.Failed([.. objections]), nameof(Input));
            return Page();
        }

        users.PasswordHasher.HashPassword(existing, Input.Password);
        outbox.Enqueue(templates.AccountExists(existing, links.Page(PageRoutes.ForgotPassword)));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return RedirectToPage(PageRoutes.CheckEmail, new { kind = Input.Kind == AccountKind.Network ? "network" : null });
    }

    /// <summary>What the password rules say about the typed password, as a new account would hear it.</summary>
    private async Task<List<IdentityError>> PasswordObjectionsAsync(AppUser user)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user, Input.Password)).Errors);
        }

        return errors;
    }

    /// <summary>The account, or null with Identity's objections next to the fields (an address in use, a weak password).</summary>
    private async Task<AppUser?> CreateAsync(string postcode)
    {
        var user = Input.ToUser(postcode, Languages.Normalize(System.Globalization.CultureInfo.CurrentUICulture.Name), clock.GetUtcNow().UtcDateTime);
        var created = await users.CreateAsync(user, Input.Password);
        AccountErrors.AddTo(ModelState, created, nameof(Input));
        return created.Succeeded ? user : null;
    }

    /// <summary>A resident gets their role now (a buurtnetwerk only when staff approve it, docs/product.md); both get the confirmation link.</summary>
    private async Task WelcomeAsync(AppUser user)
    {
        if (user.Kind == AccountKind.Resident)
        {
            await users.AddToRoleAsync(user, Roles.Resident);
        }

        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        await mail.SendConfirmationLinkAsync(user, user.Email!, links.Page(PageRoutes.ConfirmEmail, new { userId = user.Id, code = Accounts.AccountTokens.Encode(token) }));
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
