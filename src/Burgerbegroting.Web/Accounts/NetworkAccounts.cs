using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Audit;
using Burgerbegroting.Web.Email;
using Burgerbegroting.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Burgerbegroting.Web.Pages;

namespace Burgerbegroting.Web.Accounts;

/// <summary>Staff approve or turn down a buurtnetwerk's application; the network is told by mail either way.</summary>
public sealed class NetworkAccounts(
    AppDbContext db,
    UserManager<AppUser> users,
    Outbox outbox,
    EmailTemplates templates,
    AuditLog audit,
    Links links,
    TimeProvider clock)
{
    public Task<List<AppUser>> ListAsync() =>
        // A deleted network's account is no longer anyone's to approve (docs/privacy.md).
        db.Users.Where(u => u.Kind == AccountKind.Network && u.Email != null)
            .OrderBy(u => u.ApprovedAt != null).ThenBy(u => u.RejectedAt != null).ThenBy(u => u.CreatedAt)
            .ToListAsync();

    public async Task<bool> ApproveAsync(string userId)
    {
        var user = await FindPendingOrRejectedAsync(userId);
        if (user is null || user.ApprovedAt is not null)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        user.ApprovedAt = clock.GetUtcNow().UtcDateTime;
        user.RejectedAt = null;
        user.RejectionReason = null;
        await users.UpdateAsync(user);
        await users.AddToRoleAsync(user, Roles.Network); // the network's next request picks up its new role (SessionCheck)
        outbox.Enqueue(templates.NetworkApproved(user, links.Page(PageRoutes.Profile)));
        audit.Record(AuditActions.NetworkApproved, "user", user.Id, user.OrganisationName ?? user.Email ?? "");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return true;
    }

    public async Task<bool> RejectAsync(string userId, string reason)
    {
        var user = await FindPendingOrRejectedAsync(userId);
        if (user is null || user.ApprovedAt is not null || user.RejectedAt is not null)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        user.RejectedAt = clock.GetUtcNow().UtcDateTime;
        user.RejectionReason = reason;
        await users.UpdateAsync(user);
        outbox.Enqueue(templates.NetworkRejected(user, reason));
        audit.Record(AuditActions.NetworkRejected, "user", user.Id, $"{user.OrganisationName}: {reason}");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return true;
    }

    private async Task<AppUser?> FindPendingOrRejectedAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        return user is { Kind: AccountKind.Network, Erased: false } ? user : null;
    }
}
