using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Audit;
using Burgerbegroting.Web.Email;
using Burgerbegroting.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Burgerbegroting.Web.Pages;

namespace Burgerbegroting.Web.Accounts;

public enum InviteResult
{
    Invited,
    AlreadyStaff,
    IsNonStaffAccount,
}

/// <summary>Inviting and revoking gemeente staff. An invite mails a set-password link; no password ever travels.</summary>
public sealed class StaffAccounts(
    AppDbContext db,
    UserManager<AppUser> users,
    Outbox outbox,
    EmailTemplates templates,
    AuditLog audit,
    Links links,
    TimeProvider clock)
{
    public async Task<InviteResult> InviteAsync(string email, string name, string role, string culture, string auditAction = AuditActions.StaffInvited)
    {
        if (role is not (Roles.Staff or Roles.Admin))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "Only staff roles can be invited.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = await users.FindByEmailAsync(email);
        if (user is not null && user.Kind != AccountKind.Staff)
        {
            return InviteResult.IsNonStaffAccount;
        }

        if (user is not null && user.RevokedAt is null && await users.IsInRoleAsync(user, role))
        {
            return InviteResult.AlreadyStaff;
        }

        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, DisplayName = name, Kind = AccountKind.Staff, PreferredCulture = culture, CreatedAt = Now };
            Check(await users.CreateAsync(user));
        }

        user.RevokedAt = null;
        Check(await users.UpdateAsync(user));
        foreach (var other in new[] { Roles.Staff, Roles.Admin }.Where(r => r != role))
        {
            if (await users.IsInRoleAsync(user, other))
            {
                Check(await users.RemoveFromRoleAsync(user, other));
            }
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            Check(await users.AddToRoleAsync(user, role));
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = links.Page(PageRoutes.ResetPassword, new { userId = user.Id, code = AccountTokens.Encode(token), invite = true });
        outbox.Enqueue(templates.StaffInvite(user, link, role));
        audit.Record(auditAction, "user", user.Id, $"{email} ({role})");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return InviteResult.Invited;
    }

    public async Task<bool> RevokeAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.Kind != AccountKind.Staff || user.RevokedAt is not null)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        user.RevokedAt = Now;
        Check(await users.UpdateAsync(user));
        Check(await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user)));
        // A new security stamp signs the person out everywhere at the next validation.
        Check(await users.UpdateSecurityStampAsync(user));
        audit.Record(AuditActions.StaffRevoked, "user", user.Id, user.Email ?? "");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return true;
    }

    public Task<List<StaffMember>> ListAsync() =>
        (from u in db.Users
         where u.Kind == AccountKind.Staff
         orderby u.Email
         select new StaffMember(
             u.Id, u.Email!, u.DisplayName, u.EmailConfirmed, u.RevokedAt,
             db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).FirstOrDefault()))
        .ToListAsync();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

public sealed record StaffMember(string Id, string Email, string Name, bool Active, DateTime? RevokedAt, string? Role);
