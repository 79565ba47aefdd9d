using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Email;
using Burgerbegroting.Web.Infrastructure;
using Burgerbegroting.Web.Pages;
using Microsoft.AspNetCore.Identity;

namespace Burgerbegroting.Web.Accounts;

/// <summary>
/// A new account, or — for an address that already has one — a mail to its owner instead. Both answer alike: the
/// registration page never says whether an address is registered (docs/qualities.md, "Security").
/// </summary>
public sealed class Registrations(AppDbContext db, UserManager<AppUser> users, IEmailSender<AppUser> mail, Outbox outbox, EmailTemplates templates, Links links)
{
    /// <summary>Identity's objections (a weak password) as for a new account, or success either way.</summary>
    public async Task<IdentityResult> RegisterAsync(AppUser user, string password)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await users.FindByEmailAsync(user.Email!) is { } existing
            ? await TellTheOwnerAsync(existing, password)
            : await CreateAsync(user, password);
        if (result.Succeeded)
        {
            await transaction.CommitAsync();
        }

        return result;
    }

    /// <summary>The owner of a taken address gets a mail with the way to sign in or set a new password, after as long as a new account takes.</summary>
    private async Task<IdentityResult> TellTheOwnerAsync(AppUser existing, string password)
    {
        var objections = await PasswordObjectionsAsync(existing, password);
        if (objections.Count > 0)
        {
            return IdentityResult.Failed([.. objections]);
        }

        users.PasswordHasher.HashPassword(existing, password);
        outbox.Enqueue(templates.AccountExists(existing, links.Page(PageRoutes.ForgotPassword)));
        await db.SaveChangesAsync();
        return IdentityResult.Success;
    }

    /// <summary>What the password rules say about the typed password, as a new account would hear it.</summary>
    private async Task<List<IdentityError>> PasswordObjectionsAsync(AppUser user, string password)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        }

        return errors;
    }

    /// <summary>
    /// The account; a resident gets their role now (a buurtnetwerk only when staff approve it, docs/product.md); both
    /// get the confirmation link.
    /// </summary>
    private async Task<IdentityResult> CreateAsync(AppUser user, string password)
    {
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created;
        }

        if (user.Kind == AccountKind.Resident)
        {
            await users.AddToRoleAsync(user, Roles.Resident);
        }

        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        await mail.SendConfirmationLinkAsync(user, user.Email!, links.Page(PageRoutes.ConfirmEmail, new { userId = user.Id, code = AccountTokens.Encode(token) }));
        return created;
    }
}
