using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Email;
using Burgerbegroting.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Burgerbegroting.Web.Pages;

namespace Burgerbegroting.Web.Editions;

/// <summary>
/// Mails about the process (docs/qualities.md, "Email"): a round opened (to everyone who asked for updates), results published (to
/// participants who asked for updates, and for the selection round to every submitter of an admitted idea). Update mails carry
/// an unsubscribe link. Queued in the same unit of work as the round's change.
/// </summary>
public sealed class PublicationMails(AppDbContext db, Outbox outbox, EmailTemplates templates, Links links, Unsubscribe unsubscribe)
{
    /// <summary>A round opened: everyone who asked for updates hears what they can do now.</summary>
    public async Task EnqueueOpenedAsync(Round round, Edition edition)
    {
        var link = links.Page(RoundPages.Of(round.Kind).ActionPage);
        foreach (var user in await db.Users.Where(u => u.WantsUpdates).ToListAsync())
        {
            outbox.Enqueue(templates.RoundOpened(user, round.Kind, edition.Name, link, UnsubscribeLink(user.Id)));
        }
    }

    public async Task EnqueueAsync(Round round, Edition edition)
    {
        var page = RoundPages.Of(round.Kind);
        var link = links.Page(page.ResultsPage, page.ResultsValues(edition));
        // A participation names an account, or in a stemcodes edition a code, which may be linked to an account.
        var accountIds = db.Participations.Where(p => p.RoundId == round.Id).Select(p => p.VoterId)
            .Concat(from p in db.Participations
                    join c in db.VotingCodes on p.VoterId equals c.VoterId
                    where p.RoundId == round.Id && c.AccountId != null
                    select c.AccountId!);
        var participants = await db.Users.Where(u => u.WantsUpdates && accountIds.Contains(u.Id)).ToListAsync();
        foreach (var user in participants)
        {
            outbox.Enqueue(templates.ResultsPublished(user, round.Kind, edition.Name, link, UnsubscribeLink(user.Id)));
        }

        // Winners are chosen in the selection round only: its submitters hear how their idea did.
        if (round.Kind != RoundKind.Selection)
        {
            return;
        }

        var outcomes = await db.IdeaResults.AsNoTracking().Include(r => r.Idea).ThenInclude(i => i.Submitter)
            .Where(r => r.RoundId == round.Id).ToListAsync();
        foreach (var result in outcomes)
        {
            outbox.Enqueue(templates.IdeaOutcome(result.Idea.Submitter, result.Idea.Title, result.Selected, links.Page(PageRoutes.IdeaDetails, new { id = result.IdeaId })));
        }
    }

    private string UnsubscribeLink(string userId) => links.Page(PageRoutes.Unsubscribe, new { token = unsubscribe.Token(userId) });
}
