using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Web.Email;
using Burgerbegroting.Web.Infrastructure;
using Burgerbegroting.Web.Pages;

namespace Burgerbegroting.Web.Ideas;

/// <summary>Residents and buurtnetwerken submit and edit their ideas (round 3); the submitter gets a confirmation.</summary>
public sealed class IdeaBox(AppDbContext db, Outbox outbox, EmailTemplates templates, Links links, TimeProvider clock)
{
    public async Task<Idea> SubmitAsync(Edition edition, AppUser submitter, IdeaInput input, long cost)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var idea = new Idea
        {
            EditionId = edition.Id,
            SubmitterId = submitter.Id,
            ByNetwork = submitter.Kind == AccountKind.Network,
            Status = IdeaStatus.Submitted,
            CreatedAt = now,
            UpdatedAt = now,
        };
        input.ApplyTo(idea, cost);
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Ideas.Add(idea);
        await db.SaveChangesAsync();
        outbox.Enqueue(templates.IdeaReceived(submitter, idea.Title, links.Page(PageRoutes.IdeaDetails, new { id = idea.Id })));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return idea;
    }

    public async Task UpdateAsync(Idea idea, IdeaInput input, long cost)
    {
        input.ApplyTo(idea, cost);
        idea.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
    }
}
