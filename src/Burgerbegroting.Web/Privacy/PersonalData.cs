using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Email;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Paper;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Privacy;

/// <summary>
/// Everything the app holds about one account (AVG art. 15 and 20; docs/privacy.md), as one document for the page and
/// the JSON download. Whether the person voted in each round, never how: a ballot carries no voter (docs/secrecy.md).
/// </summary>
public sealed record PersonalDataExport(
    AccountData Account,
    IReadOnlyList<IdeaData> Ideas,
    IReadOnlyList<ReportData> Reports,
    IReadOnlyList<MailData> Mails,
    IReadOnlyList<RoundData> Rounds,
    IReadOnlyList<StemcodeData> Stemcodes,
    StaffData? Staff);

public sealed record AccountData(
    string Email, string DisplayName, string? OrganisationName, string? Postcode, int? BirthYear, AccountKind Kind,
    IReadOnlyList<string> Roles, string PreferredCulture, bool EmailConfirmed, bool WantsUpdates, DateTime CreatedAt,
    DateTime? ApprovedAt, DateTime? RejectedAt, string? RejectionReason, DateTime? RevokedAt);

public sealed record IdeaData(
    int Id, string Edition, string Title, string Summary, string Description, long EstimatedCost, long? FinalCost,
    IdeaStatus Status, bool Hidden, string? ReviewNote, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record ReportData(int IdeaId, string IdeaTitle, string Reason, DateTime CreatedAt, DateTime? HandledAt);

public sealed record MailData(DateTime CreatedAt, DateTime? SentAt, string Subject, string Kind, OutboxStatus Status);

/// <summary>A voting round that has opened, and whether this person (or the stemcode linked to the account) took part in it.</summary>
public sealed record RoundData(string Edition, int Round, bool Voted, BallotChannel? Channel, DateTime? FirstVotedAt, DateTime? LastVotedAt);

public sealed record StemcodeData(string Edition, DateTime? LinkedAt);

/// <summary>A staff member's own actions: the audit entries that name them, and their work at event desks.</summary>
public sealed record StaffData(IReadOnlyList<AuditData> Actions, int CheckIns, int SheetsTyped);

public sealed record AuditData(DateTime At, string Action, string SubjectType, string? SubjectId);

public static class PersonalData
{
    public static async Task<PersonalDataExport> LoadAsync(AppDbContext db, AppUser user)
    {
        var roles = await db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync();
        var account = new AccountData(user.Email ?? "", user.DisplayName, user.OrganisationName, user.Postcode, user.BirthYear, user.Kind, roles,
            user.PreferredCulture, user.EmailConfirmed, user.WantsUpdates, user.CreatedAt, user.ApprovedAt, user.RejectedAt, user.RejectionReason, user.RevokedAt);
        var editions = await db.Editions.AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.Name);
        var ideas = await db.Ideas.AsNoTracking().Where(i => i.SubmitterId == user.Id).OrderBy(i => i.CreatedAt).ToListAsync();
        var reports = await db.IdeaReports.AsNoTracking().Where(r => r.ReporterId == user.Id).OrderBy(r => r.CreatedAt)
            .Select(r => new ReportData(r.IdeaId, r.Idea.Title, r.Reason, r.CreatedAt, r.HandledAt)).ToListAsync();
        var mails = user.Email is null ? [] : await db.OutboxMessages.AsNoTracking().Where(m => m.To == user.Email).OrderBy(m => m.CreatedAt)
            .Select(m => new MailData(m.CreatedAt, m.SentAt, m.Subject, m.Kind, m.Status)).ToListAsync();
        var codes = await db.VotingCodes.AsNoTracking().Where(c => c.AccountId == user.Id).Select(c => new { c.EditionId, c.VoterId, c.LinkedAt }).ToListAsync();
        return new PersonalDataExport(
            account,
            [.. ideas.Select(i => new IdeaData(i.Id, editions.GetValueOrDefault(i.EditionId, ""), i.Title, i.Summary, i.Description, i.EstimatedCost,
                i.FinalCost, i.Status, i.Hidden, i.ReviewNote, i.CreatedAt, i.UpdatedAt))],
            reports,
            mails,
            await RoundsAsync(db, editions, [user.Id, .. codes.Select(c => c.VoterId)]),
            [.. codes.Select(c => new StemcodeData(editions.GetValueOrDefault(c.EditionId, ""), c.LinkedAt))],
            user.Kind == AccountKind.Staff ? await StaffAsync(db, user) : null);
    }

    /// <summary>Every voting round that has opened, with this person's participation in it (by the account, or by its linked stemcode).</summary>
    private static async Task<List<RoundData>> RoundsAsync(AppDbContext db, Dictionary<int, string> editions, List<string> voterIds)
    {
        var rounds = await db.Rounds.AsNoTracking().Where(r => r.OpenedAt != null).OrderBy(r => r.EditionId).ThenBy(r => r.Number)
            .Select(r => new { r.Id, r.EditionId, r.Number }).ToListAsync();
        var taken = await db.Participations.AsNoTracking().Where(p => voterIds.Contains(p.VoterId)).ToListAsync();
        return [.. rounds.Where(r => RoundTable.Of((RoundKind)r.Number).HasBallot).Select(r => taken.FirstOrDefault(p => p.RoundId == r.Id) is { } p
            ? new RoundData(editions.GetValueOrDefault(r.EditionId, ""), r.Number, true, p.Channel, p.FirstVotedAt, p.LastVotedAt)
            : new RoundData(editions.GetValueOrDefault(r.EditionId, ""), r.Number, false, null, null, null))];
    }

    private static async Task<StaffData> StaffAsync(AppDbContext db, AppUser user)
    {
        var actions = await db.AuditEntries.AsNoTracking().Where(a => a.ActorId == user.Id).OrderBy(a => a.At)
            .Select(a => new AuditData(a.At, a.Action, a.SubjectType, a.SubjectId)).ToListAsync();
        var checkIns = user.Email is null ? 0 : await db.EventCheckIns.CountAsync(c => c.By == user.Email);
        var typed = await db.SheetEntries.CountAsync(e => e.TypistId == user.Id);
        return new StaffData(actions, checkIns, typed);
    }
}
