using Burgerbegroting.Data;
using Burgerbegroting.Data.Email;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Audit;
using Burgerbegroting.Web.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Burgerbegroting.Web.Privacy;

/// <summary>
/// One edition's personal data that outlive their use (docs/privacy.md, "How long"): when the period ends, and how many
/// of each kind are still there. <see cref="DueAt"/> is null while a round of the edition is not yet published.
/// </summary>
public sealed record RetentionPlan(int EditionId, string Edition, DateTime? LastPublishedAt, DateTime? DueAt, int Attendees, int Addressees, int MailBodies)
{
    public bool Pending => Attendees + Addressees + MailBodies > 0;
}

/// <summary>
/// Removes or pseudonymises what an edition no longer needs once <see cref="PrivacyOptions.RetentionMonths"/> have passed
/// since its last round was published: names on the events' attendance lists (postcodes become the buurt's, so the
/// published figures by buurt stay as they are), the addressees' names and addresses of its stemcodes (buurt and birth
/// year stay, for the same figures), and the bodies of mails sent before that publication (their links, greetings and
/// unsubscribe links). The app keeps no IP addresses in any table: the per-address limits live in memory only.
/// Safe to run on several instances at once: every step is an idempotent update.
/// </summary>
public sealed class Retention(AppDbContext db, AuditLog audit, IOptions<PrivacyOptions> options, TimeProvider clock)
{
    public async Task<List<RetentionPlan>> PlansAsync()
    {
        var editions = await db.Editions.AsNoTracking().Include(e => e.Rounds).OrderBy(e => e.Id).ToListAsync();
        var plans = new List<RetentionPlan>();
        foreach (var edition in editions)
        {
            var done = edition.Rounds.Count > 0 && edition.Rounds.All(r => r.Status == RoundStatus.Published);
            var last = done ? edition.Rounds.Max(r => r.PublishedAt) : null;
            plans.Add(new RetentionPlan(edition.Id, edition.Name, last, last?.AddMonths(options.Value.RetentionMonths),
                await Attendees(edition.Id).CountAsync(),
                await Addressees(edition.Id).CountAsync(),
                last is null ? 0 : await MailBodies(last.Value).CountAsync()));
        }

        return plans;
    }

    /// <summary>Applies every retention period that has ended; returns the editions it changed something for.</summary>
    public async Task<int> ApplyDueAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = 0;
        foreach (var plan in (await PlansAsync()).Where(p => p.DueAt <= now && p.Pending))
        {
            await ApplyAsync(plan);
            changed++;
        }

        return changed;
    }

    private async Task ApplyAsync(RetentionPlan plan)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var edition = await db.Editions.Include(e => e.Buurten).SingleAsync(e => e.Id == plan.EditionId);
        var buurtOf = ParticipationQueries.BuurtFinder(edition);
        var postcodes = await Attendees(edition.Id).Where(c => c.AttendeePostcode != null).Select(c => c.AttendeePostcode!).Distinct().ToListAsync();
        // Everyone of one buurt gets the same postcode (the lowest of that buurt on the lists): it still says which
        // buurt they came from, as the published figures do, and no longer which street.
        var byBuurt = postcodes.GroupBy(p => buurtOf(p)).ToDictionary(g => g.Key ?? "", g => g.Min(StringComparer.Ordinal));
        foreach (var postcode in postcodes)
        {
            var buurt = buurtOf(postcode);
            var kept = buurt is null ? null : byBuurt[buurt];
            await Attendees(edition.Id).Where(c => c.AttendeePostcode == postcode)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.AttendeeName, (string?)null).SetProperty(c => c.AttendeePostcode, kept));
        }

        await Attendees(edition.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.AttendeeName, (string?)null));
        await Addressees(edition.Id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Name, (string?)null).SetProperty(c => c.Postcode, (string?)null).SetProperty(c => c.HouseNumber, (string?)null));
        await MailBodies(plan.LastPublishedAt!.Value).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.TextBody, "").SetProperty(m => m.HtmlBody, (string?)null).SetProperty(m => m.UnsubscribeUrl, (string?)null));
        audit.Record(AuditActions.RetentionApplied, "edition", edition.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{edition.Name}: {plan.Attendees} / {plan.Addressees} / {plan.MailBodies}");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    /// <summary>Check-ins of the edition's events that still name a person (an accounts edition's attendance list).</summary>
    private IQueryable<Data.Events.EventCheckIn> Attendees(int editionId) =>
        db.EventCheckIns.Where(c => c.AttendeeName != null && db.VotingEvents.Any(e => e.Id == c.EventId && e.EditionId == editionId));

    private IQueryable<Data.Stemcodes.VotingCode> Addressees(int editionId) =>
        db.VotingCodes.Where(c => c.EditionId == editionId && (c.Name != null || c.Postcode != null || c.HouseNumber != null));

    /// <summary>Mails handled (sent or given up) before the edition's last publication that still have a body.</summary>
    private IQueryable<OutboxMessage> MailBodies(DateTime before) =>
        db.OutboxMessages.Where(m => m.Status != OutboxStatus.Queued && m.CreatedAt <= before && m.TextBody != "");
}
