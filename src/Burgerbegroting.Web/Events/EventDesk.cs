using System.Globalization;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Events;
using Burgerbegroting.Data.Stemcodes;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Eligibility;
using Burgerbegroting.Web.Audit;
using Burgerbegroting.Web.Editions;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Events;

public enum CheckInOutcome
{
    /// <summary>Checked in: hand out a paper sheet; the code no longer votes online in this round.</summary>
    CheckedIn,

    /// <summary>The code has an online ballot in this round already: that ballot stands and no sheet is handed out.</summary>
    VotedOnline,

    /// <summary>The code checked in before in this round (here or at another event).</summary>
    AlreadyCheckedIn,

    /// <summary>The event's round is not open.</summary>
    RoundNotOpen,
}

/// <summary>The outcome of a check-in, with the event where the code checked in before, if it did.</summary>
public sealed record CheckIn(CheckInOutcome Outcome, string? EarlierEvent = null);

/// <summary>
/// The desk at an event (docs/events.md, "The desk"). A resident with a stemcode checks in and gets a paper sheet;
/// from then on the code votes on paper in this round, not online. The rule when the code already voted online is
/// always the same: the online ballot stands, and no paper sheet is handed out. In an accounts edition the desk keeps
/// an attendance list by name and postcode.
/// </summary>
public sealed class EventDesk(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<CheckIn> CheckInAsync(VotingEvent ev, VotingCode code, string staff)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        // Claim the round as a ballot does: an online ballot of this code in flight commits before the check-in (and is
        // seen below) or waits for it (and is then refused by the ballot desk).
        if (await BallotDesk.ClaimOpenRoundAsync(db, ev.RoundId) == 0)
        {
            return new(CheckInOutcome.RoundNotOpen);
        }

        if (await BallotDesk.ParticipatedAsync(db, ev.RoundId, code.VoterId))
        {
            return new(CheckInOutcome.VotedOnline);
        }

        var earlier = await (from c in db.EventCheckIns
                             join e in db.VotingEvents on c.EventId equals e.Id
                             where c.RoundId == ev.RoundId && c.VotingCodeId == code.Id
                             select e.Name).FirstOrDefaultAsync();
        if (earlier is not null)
        {
            return new(CheckInOutcome.AlreadyCheckedIn, earlier);
        }

        db.EventCheckIns.Add(new EventCheckIn { EventId = ev.Id, RoundId = ev.RoundId, VotingCodeId = code.Id, At = clock.GetUtcNow().UtcDateTime, By = staff });
        audit.Record(AuditActions.CheckedIn, nameof(VotingEvent), ev.Id.ToString(CultureInfo.InvariantCulture), $"{ev.Name}: code nr. {code.Id}");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return new(CheckInOutcome.CheckedIn);
    }

    /// <summary>An accounts edition: the resident's name and postcode on the event's attendance list.</summary>
    public async Task<CheckIn> RegisterAttendeeAsync(VotingEvent ev, string name, string postcode, string staff)
    {
        if (!await db.Rounds.AnyAsync(r => r.Id == ev.RoundId && r.Status == RoundStatus.Open))
        {
            return new(CheckInOutcome.RoundNotOpen);
        }

        var normalized = DutchPostcode.Normalize(postcode) ?? throw new ArgumentException("Not a postcode.", nameof(postcode));
        var trimmed = name.Trim();
        var earlier = await (from c in db.EventCheckIns
                             join e in db.VotingEvents on c.EventId equals e.Id
                             where c.RoundId == ev.RoundId && c.AttendeePostcode == normalized && c.AttendeeName == trimmed
                             select e.Name).FirstOrDefaultAsync();
        if (earlier is not null)
        {
            return new(CheckInOutcome.AlreadyCheckedIn, earlier);
        }

        db.EventCheckIns.Add(new EventCheckIn { EventId = ev.Id, RoundId = ev.RoundId, AttendeeName = trimmed, AttendeePostcode = normalized, At = clock.GetUtcNow().UtcDateTime, By = staff });
        await db.SaveChangesAsync();
        return new(CheckInOutcome.CheckedIn);
    }
}
