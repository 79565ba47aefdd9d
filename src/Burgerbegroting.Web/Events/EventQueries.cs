using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Events;
using Burgerbegroting.Web.Editions;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Events;

/// <summary>An event with its edition (rounds, themes, buurten) and its round, as the event's pages need them.</summary>
public sealed record EventWithRound(VotingEvent Event, Edition Edition, Round Round);

public static class EventQueries
{
    public static async Task<EventWithRound?> FindEventAsync(this AppDbContext db, int eventId) =>
        await db.VotingEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == eventId) is { } ev && await db.FindWithAllAsync(ev.EditionId) is { } edition
            ? new EventWithRound(ev, edition, edition.Rounds.Single(r => r.Id == ev.RoundId))
            : null;
}
