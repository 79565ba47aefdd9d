using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Web.Email;
using Burgerbegroting.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Editions;

/// <summary>
/// Mails that go out when a round's results are published (SPEC §4): to participants who asked for updates (with
/// an unsubscribe link) and, for round 4, to every submitter of an admitted idea. Queued in the publishing transaction.
/// </summary>
public sealed class PublicationMails(AppDbContext db, Outbox outbox, EmailTemplates templates, Links links, Unsubscribe unsubscribe)
{
    public async Task EnqueueAsync(Round round, Edition edition)
    {
        var link = round.Number switch
        {
            1 or 2 => links.Page("/Uitslag/Round", new { number = round.Number }),
            4 => links.Page("/Uitslag/Selection"),
            _ => links.Page("/Ideeen/Index"),
        };
        var participants = await (from b in db.Ballots
                                  join u in db.Users on b.VoterId equals u.Id
                                  where b.RoundId == round.Id && u.WantsUpdates
                                  select u).ToListAsync();
        foreach (var user in participants)
        {
            outbox.Enqueue(templates.ResultsPublished(user, round.Number, edition.Name, link, links.Page("/Email/Unsubscribe", new { token = unsubscribe.Token(user.Id) })));
        }

        if (round.Number != 4)
        {
            return;
        }

        var outcomes = await db.IdeaResults.AsNoTracking().Include(r => r.Idea).ThenInclude(i => i.Submitter)
            .Where(r => r.RoundId == round.Id).ToListAsync();
        foreach (var result in outcomes)
        {
            outbox.Enqueue(templates.IdeaOutcome(result.Idea.Submitter, result.Idea.Title, result.Selected, links.Page("/Ideeen/Details", new { id = result.IdeaId })));
        }
    }
}
