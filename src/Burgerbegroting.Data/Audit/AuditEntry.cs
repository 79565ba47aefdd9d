using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Burgerbegroting.Data.Audit;

/// <summary>One staff action, append-only (docs/qualities.md, "Integrity"): who did what to which thing, and when.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? ActorId { get; set; }
    public string ActorName { get; set; } = "";

    /// <summary>A stable code such as "staff.invited"; the audit page translates it.</summary>
    public string Action { get; set; } = "";

    public string SubjectType { get; set; } = "";
    public string? SubjectId { get; set; }

    /// <summary>What a reader needs to understand the action (names, reasons, old → new).</summary>
    public string Details { get; set; } = "";

    /// <summary>The log is append-only: any attempt to change or delete an entry fails the save.</summary>
    public static void RejectChanges(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries<AuditEntry>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("The audit log is append-only; entries cannot be changed or deleted.");
            }
        }
    }
}
