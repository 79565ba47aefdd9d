using System.Globalization;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Web.Audit;
using Burgerbegroting.Web.Email;
using Burgerbegroting.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Burgerbegroting.Web.Pages;

namespace Burgerbegroting.Web.Ideas;

/// <summary>
/// The feasibility review (haalbaarheidstoets): staff admit an idea with a final cost or refuse it with a reason;
/// they can also move it to the right theme or hide it. Every step is audited and mailed to the submitter.
/// </summary>
public sealed class IdeaReviews(AppDbContext db, Outbox outbox, EmailTemplates templates, AuditLog audit, Links links, TimeProvider clock)
{
    public Task<Idea?> FindAsync(int id) =>
        db.Ideas.Include(i => i.Theme).Include(i => i.Buurt).Include(i => i.Submitter).SingleOrDefaultAsync(i => i.Id == id);

    public async Task StartAsync(Idea idea)
    {
        if (idea.Status == IdeaStatus.Submitted)
        {
            idea.Status = IdeaStatus.InReview;
            audit.Record(AuditActions.IdeaReviewStarted, "idea", Id(idea), idea.Title);
            await db.SaveChangesAsync();
        }
    }

    public async Task AdmitAsync(Idea idea, long finalCost, string? note)
    {
        idea.Status = IdeaStatus.Admitted;
        idea.FinalCost = finalCost;
        idea.ReviewReason = null;
        idea.ReviewNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        idea.ReviewedAt = Now;
        outbox.Enqueue(templates.IdeaAdmitted(idea.Submitter, idea.Title, finalCost, idea.ReviewNote, Link(idea)));
        audit.Record(AuditActions.IdeaAdmitted, "idea", Id(idea), $"{idea.Title}: € {finalCost} (geschat € {idea.EstimatedCost})");
        await db.SaveChangesAsync();
        await FiguresChangedAsync(idea);
    }

    public async Task RefuseAsync(Idea idea, string reason, string note)
    {
        idea.Status = IdeaStatus.NotAdmitted;
        idea.FinalCost = null;
        idea.ReviewReason = reason;
        idea.ReviewNote = note.Trim();
        idea.ReviewedAt = Now;
        outbox.Enqueue(templates.IdeaNotAdmitted(idea.Submitter, idea.Title, reason, idea.ReviewNote, Link(idea)));
        audit.Record(AuditActions.IdeaNotAdmitted, "idea", Id(idea), $"{idea.Title}: {reason}: {idea.ReviewNote}");
        await db.SaveChangesAsync();
        await FiguresChangedAsync(idea);
    }

    public async Task MoveAsync(Idea idea, int themeId, string themeName, string note)
    {
        var from = idea.Theme.Name;
        idea.ThemeId = themeId;
        outbox.Enqueue(templates.IdeaMoved(idea.Submitter, idea.Title, from, themeName, note.Trim(), Link(idea)));
        audit.Record(AuditActions.IdeaMoved, "idea", Id(idea), $"{idea.Title}: {from} → {themeName}: {note.Trim()}");
        await db.SaveChangesAsync();
        await FiguresChangedAsync(idea);
    }

    public async Task HideAsync(Idea idea, string reason)
    {
        idea.Hidden = true;
        idea.HiddenReason = reason.Trim();
        var reports = await db.IdeaReports.Where(r => r.IdeaId == idea.Id && r.HandledAt == null).ToListAsync();
        reports.ForEach(r => r.HandledAt = Now);
        outbox.Enqueue(templates.IdeaHidden(idea.Submitter, idea.Title, idea.HiddenReason));
        audit.Record(AuditActions.IdeaHidden, "idea", Id(idea), $"{idea.Title}: {idea.HiddenReason}");
        await db.SaveChangesAsync();
        await FiguresChangedAsync(idea);
    }

    /// <summary>The ideas round's figures count ideas by theme and review; once published they are kept, so say they changed.</summary>
    private Task FiguresChangedAsync(Idea idea) => Participation.FigureCache.ChangedAsync(db, idea.EditionId);

    public async Task DismissReportsAsync(Idea idea)
    {
        var reports = await db.IdeaReports.Where(r => r.IdeaId == idea.Id && r.HandledAt == null).ToListAsync();
        reports.ForEach(r => r.HandledAt = Now);
        audit.Record(AuditActions.IdeaReportsDismissed, "idea", Id(idea), $"{idea.Title}: {reports.Count}");
        await db.SaveChangesAsync();
    }

    private string Link(Idea idea) => links.Page(PageRoutes.IdeaDetails, new { id = idea.Id });

    private static string Id(Idea idea) => idea.Id.ToString(CultureInfo.InvariantCulture);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
