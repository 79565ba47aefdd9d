using System.Security.Claims;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Audit;
using Burgerbegroting.Web.Infrastructure.Startup;

namespace Burgerbegroting.Web.Audit;

/// <summary>Records a staff action in the caller's unit of work, so the action and its log entry are saved together.</summary>
public sealed class AuditLog(AppDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public AuditEntry Record(string action, string subjectType, string? subjectId, string details)
    {
        var user = http.HttpContext?.User;
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorId = user?.FindFirstValue(ClaimTypes.NameIdentifier),
            ActorName = user?.FindFirstValue(ClaimTypes.Email) ?? user?.Identity?.Name ?? "systeem",
            Action = action,
            SubjectType = subjectType,
            SubjectId = subjectId,
            Details = details.Length > 4000 ? details[..4000] : details,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }
}

/// <summary>The action codes; the audit page shows them translated ("Audit.Action.staff.invited").</summary>
public static class AuditActions
{
    public const string AdminCreated = "admin.created";
    public const string StaffInvited = "staff.invited";
    public const string StaffRevoked = "staff.revoked";
    public const string NetworkApproved = "network.approved";
    public const string NetworkRejected = "network.rejected";
    public const string MailRetried = "mail.retried";
    public const string EditionCreated = "edition.created";
    public const string EditionMadeCurrent = "edition.current";
    public const string EditionChanged = "edition.changed";
    public const string BuurtenChanged = "edition.buurten";
    public const string EligibleChanged = "edition.eligible";
    public const string ThemeAdded = "theme.added";
    public const string ThemeChanged = "theme.changed";
    public const string ThemeRemoved = "theme.removed";
    public const string RoundOpened = "round.opened";
    public const string RoundClosed = "round.closed";
    public const string RoundPublished = "round.published";
    public const string RoundDatesChanged = "round.dates";
    public const string TieResolved = "round.tie-resolved";
    public const string IdeaReviewStarted = "idea.review-started";
    public const string IdeaAdmitted = "idea.admitted";
    public const string IdeaNotAdmitted = "idea.not-admitted";
    public const string IdeaMoved = "idea.moved";
    public const string IdeaHidden = "idea.hidden";
    public const string IdeaReportsDismissed = "idea.reports-dismissed";
    public const string StemcodesIssued = "stemcodes.issued";
    public const string StemcodesExported = "stemcodes.exported";
    public const string StemcodeExportClosed = "stemcodes.export-closed";
    public const string StemcodeRevoked = "stemcode.revoked";
    public const string StemcodeReplaced = "stemcode.replaced";
    public const string EventCreated = "event.created";
    public const string CheckedIn = "event.checked-in";
    public const string SheetDecided = "sheet.decided";
    public const string AccountErased = "account.erased";
    public const string StaffErased = "staff.erased";
    public const string RetentionApplied = "privacy.retention";
}
