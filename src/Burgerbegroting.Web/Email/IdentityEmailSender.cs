using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Burgerbegroting.Web.Email;

/// <summary>Identity's mails go through the outbox like every other mail; saved in the caller's transaction.</summary>
public sealed class IdentityEmailSender(Outbox outbox, EmailTemplates templates, AppDbContext db) : IEmailSender<AppUser>
{
    public Task SendConfirmationLinkAsync(AppUser user, string email, string confirmationLink) =>
        SaveAsync(templates.ConfirmEmail(user, confirmationLink));

    public Task SendPasswordResetLinkAsync(AppUser user, string email, string resetLink) =>
        SaveAsync(templates.PasswordReset(user, resetLink));

    public Task SendPasswordResetCodeAsync(AppUser user, string email, string resetCode) =>
        throw new NotSupportedException("Password resets use a link, not a code.");

    private async Task SaveAsync(EmailMessage mail)
    {
        outbox.Enqueue(mail);
        await db.SaveChangesAsync();
    }
}
