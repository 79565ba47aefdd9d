using System.Security.Cryptography;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Audit;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Audit;
using Burgerbegroting.Web.Editions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Privacy;

public enum ErasureResult
{
    Erased,
    WrongPassword,

    /// <summary>The last active beheerder: nobody would be left to manage staff.</summary>
    LastAdmin,
}

/// <summary>
/// Deletes an account at its holder's request (AVG art. 17; docs/privacy.md, "Deleting your account"). The person goes:
/// address, name, postcode, birth year, password, roles, mails. What the public record needs stays without them: ideas
/// (shown as submitted by a resident), participations and ballots of closed and published rounds (results never
/// change). A ballot in a round that is still open is withdrawn, as the page says before the holder confirms. A staff
/// member's account is revoked rather than removed, and their name in the audit log and at event desks becomes a
/// pseudonym, so the log still says that one person did these things.
/// </summary>
public sealed class AccountErasure(AppDbContext db, SignInManager<AppUser> signIn, BallotDesk desk, AuditLog audit, TimeProvider clock)
{
    public async Task<ErasureResult> EraseAsync(AppUser user, string password)
    {
        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            return ErasureResult.WrongPassword;
        }

        if (await IsLastAdminAsync(user))
        {
            return ErasureResult.LastAdmin;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        await WithdrawOpenBallotsAsync(user.Id);
        var email = user.Email!;
        var pseudonym = Pseudonym(user);
        await db.OutboxMessages.Where(m => m.To == email).ExecuteDeleteAsync();
        await PseudonymiseStaffTracesAsync(user.Id, email, pseudonym);
        await db.UserRoles.Where(r => r.UserId == user.Id).ExecuteDeleteAsync();
        await db.UserLogins.Where(r => r.UserId == user.Id).ExecuteDeleteAsync();
        await db.UserTokens.Where(r => r.UserId == user.Id).ExecuteDeleteAsync();
        await db.UserClaims.Where(r => r.UserId == user.Id).ExecuteDeleteAsync();
        Forget(user, pseudonym);
        // The audit entry is written by hand: AuditLog names the signed-in person by their address, which is going.
        var entry = audit.Record(user.Kind == AccountKind.Staff ? AuditActions.StaffErased : AuditActions.AccountErased, "user", user.Id, pseudonym);
        entry.ActorName = pseudonym;
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return ErasureResult.Erased;
    }

    /// <summary>
    /// Ballots of the account, and of a stemcode linked to it, in rounds still open: withdrawn, as a revoked code's are,
    /// after claiming the rounds so that a ballot in flight commits before or sees the deletion. The code itself stays
    /// valid for whoever holds the letter; it is only unlinked.
    /// </summary>
    private async Task WithdrawOpenBallotsAsync(string userId)
    {
        var openRounds = await db.Rounds.Where(r => r.Status == RoundStatus.Open).Select(r => r.Id).ToListAsync();
        await db.Rounds.Where(r => openRounds.Contains(r.Id) && r.Status == RoundStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.BallotWrites, r => r.BallotWrites + 1));
        List<string> voterIds = [userId, .. await db.VotingCodes.Where(c => c.AccountId == userId).Select(c => c.VoterId).ToListAsync()];
        foreach (var voterId in voterIds)
        {
            await desk.WithdrawAsync(openRounds, voterId);
        }

        await db.VotingCodes.Where(c => c.AccountId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AccountId, (string?)null).SetProperty(c => c.LinkedAt, (DateTime?)null));
        // The published participation figures counted this person in a buurt and an age group, which are going.
        var rounds = db.Participations.Where(p => voterIds.Contains(p.VoterId)).Select(p => p.RoundId);
        await db.Editions.Where(e => e.Rounds.Any(r => rounds.Contains(r.Id)))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.FiguresVersion, e => e.FiguresVersion + 1));
    }

    /// <summary>
    /// Where staff work is recorded under a person's address (the audit log, event desks, stemcode batches, paper
    /// sheets), the pseudonym takes its place. The audit log is append-only for the app's own writes
    /// (<see cref="AuditEntry.RejectChanges"/>); this is its one sanctioned change, made in SQL past that guard.
    /// </summary>
    private async Task PseudonymiseStaffTracesAsync(string userId, string email, string pseudonym)
    {
        await db.AuditEntries.Where(a => a.ActorId == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ActorName, pseudonym));
        await db.AuditEntries.Where(a => a.ActorName == email).ExecuteUpdateAsync(s => s.SetProperty(a => a.ActorName, pseudonym));
        await db.AuditEntries.Where(a => a.Details.Contains(email))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Details, a => a.Details.Replace(email, pseudonym)));
        await db.EventCheckIns.Where(c => c.By == email).ExecuteUpdateAsync(s => s.SetProperty(c => c.By, pseudonym));
        await db.StemcodeBatches.Where(b => b.CreatedBy == email).ExecuteUpdateAsync(s => s.SetProperty(b => b.CreatedBy, pseudonym));
        await db.PaperSheets.Where(p => p.DecidedBy == email).ExecuteUpdateAsync(s => s.SetProperty(p => p.DecidedBy, pseudonym));
        await db.SheetEntries.Where(e => e.TypistId == userId).ExecuteUpdateAsync(s => s.SetProperty(e => e.TypistName, pseudonym));
    }

    /// <summary>What is left of the account: its id, kind and creation date; no way to sign in, no address to mail.</summary>
    private void Forget(AppUser user, string pseudonym)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        user.UserName = pseudonym;
        user.NormalizedUserName = pseudonym.ToUpperInvariant();
        user.Email = null;
        user.NormalizedEmail = null;
        user.EmailConfirmed = false;
        user.PasswordHash = null;
        user.PhoneNumber = null;
        user.PhoneNumberConfirmed = false;
        user.TwoFactorEnabled = false;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        user.AccessFailedCount = 0;
        user.DisplayName = user.Kind == AccountKind.Staff ? pseudonym : "";
        user.OrganisationName = null;
        user.Postcode = null;
        user.BirthYear = null;
        user.RejectionReason = null;
        user.WantsUpdates = false;
        user.RevokedAt ??= now;
        db.Users.Update(user);
    }

    /// <summary>A name that says nothing about the person: "medewerker-…" for staff (it stands for them in the audit log), else "verwijderd-…".</summary>
    private static string Pseudonym(AppUser user) =>
        (user.Kind == AccountKind.Staff ? "medewerker-" : "verwijderd-") + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    private async Task<bool> IsLastAdminAsync(AppUser user)
    {
        var admins = from ur in db.UserRoles
                     join r in db.Roles on ur.RoleId equals r.Id
                     join u in db.Users on ur.UserId equals u.Id
                     where r.Name == Roles.Admin && u.RevokedAt == null
                     select u.Id;
        return await admins.ContainsAsync(user.Id) && await admins.CountAsync() == 1;
    }
}
