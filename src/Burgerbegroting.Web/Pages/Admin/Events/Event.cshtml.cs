using System.ComponentModel.DataAnnotations;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Events;
using Burgerbegroting.Voting.Eligibility;
using Burgerbegroting.Web.Events;
using Burgerbegroting.Web.Infrastructure;
using Burgerbegroting.Web.Infrastructure.Startup;
using Burgerbegroting.Web.Stemcodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Admin.Events;

/// <summary>
/// An event's desk (docs/events.md, "The desk"): in a stemcodes edition staff check a resident in by the code on the
/// letter, typed or scanned, and hand out a paper sheet only when the page says so; in an accounts edition they keep
/// the attendance list. With the counts of the event and the way to its sheets, its tablet and the paper forms.
/// </summary>
public class EventModel(AppDbContext db, EventDesk desk, StemcodeRedeemer redeemer, StemcodeGuard guard, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class AttendeeInput
    {
        [Display(Name = "Field.AttendeeName")]
        public string? Name { get; set; }

        [Display(Name = "Field.Postcode")]
        public string? Postcode { get; set; }
    }

    [BindProperty]
    [Display(Name = "Field.Stemcode")]
    public string? Code { get; set; }

    [BindProperty]
    public AttendeeInput Attendee { get; set; } = new();

    public VotingEvent Event { get; private set; } = null!;
    public Edition Edition { get; private set; } = null!;
    public Round Round { get; private set; } = null!;
    public EventCounts Counts { get; private set; } = EventCounts.None;

    /// <summary>An accounts edition: the event's attendance list, newest first.</summary>
    public IReadOnlyList<EventCheckIn> Attendees { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int eventId) => await LoadAsync(eventId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCheckInAsync(int eventId)
    {
        if (await RefuseAsync(eventId, byCode: true) is { } refused)
        {
            return refused;
        }

        var redeemed = await redeemer.RedeemAsync(Edition, Code, HttpContext.Connection.RemoteIpAddress);
        if (redeemed.Outcome != RedeemOutcome.Accepted)
        {
            return CodeRefused(redeemed.Outcome);
        }

        var checkIn = await desk.CheckInAsync(Event, redeemed.Code!, User.Identity?.Name ?? "");
        return checkIn.Outcome == CheckInOutcome.CheckedIn ? this.Done(l["Desk.CheckedIn"], new { eventId }) : NotCheckedIn(nameof(Code), checkIn);
    }

    public async Task<IActionResult> OnPostAttendeeAsync(int eventId)
    {
        if (await RefuseAsync(eventId, byCode: false) is { } refused)
        {
            return refused;
        }

        var name = Attendee.Name?.Trim() ?? "";
        ModelState.Require(name.Length is > 0 and <= 200, NameKey, l[name.Length == 0 ? "Validation.Required" : "Validation.MaxLength", l["Field.AttendeeName"], 200]);
        ModelState.Require(DutchPostcode.Normalize(Attendee.Postcode) is not null, $"{nameof(Attendee)}.{nameof(AttendeeInput.Postcode)}", l["Validation.Postcode"]);
        if (!ModelState.IsValid)
        {
            return this.PageWithStatus(StatusCodes.Status400BadRequest);
        }

        var checkIn = await desk.RegisterAttendeeAsync(Event, name, Attendee.Postcode!, User.Identity?.Name ?? "");
        return checkIn.Outcome == CheckInOutcome.CheckedIn ? this.Done(l["Desk.Registered"], new { eventId }) : NotCheckedIn(NameKey, checkIn);
    }

    private const string NameKey = $"{nameof(Attendee)}.{nameof(AttendeeInput.Name)}";

    /// <summary>Null when the desk's form may be handled: the event exists and its edition checks in this way.</summary>
    private async Task<IActionResult?> RefuseAsync(int eventId, bool byCode)
    {
        if (!await LoadAsync(eventId))
        {
            return NotFound();
        }

        if (Edition.UsesStemcodes == byCode)
        {
            return null;
        }

        ModelState.AddModelError(string.Empty, l[byCode ? "Desk.Error.NoStemcodes" : "Desk.Error.Stemcodes"]);
        return this.PageWithStatus(StatusCodes.Status409Conflict);
    }

    private PageResult CodeRefused(RedeemOutcome outcome)
    {
        ModelState.AddModelError(nameof(Code), l["Code.Error." + outcome, guard.MinutesToNextHour()]);
        return this.PageWithStatus(outcome == RedeemOutcome.Revoked ? StatusCodes.Status403Forbidden
            : outcome is RedeemOutcome.AddressLimited or RedeemOutcome.SiteLimited ? StatusCodes.Status429TooManyRequests : StatusCodes.Status400BadRequest);
    }

    /// <summary>Voted online, checked in before, or the round is not open: the message next to the field, and no sheet.</summary>
    private PageResult NotCheckedIn(string field, CheckIn checkIn)
    {
        var byCode = field == nameof(Code);
        ModelState.AddModelError(field, checkIn.Outcome switch
        {
            CheckInOutcome.VotedOnline => l["Desk.VotedOnline"],
            CheckInOutcome.AlreadyCheckedIn => l[byCode ? "Desk.AlreadyCheckedIn" : "Desk.AlreadyRegistered", checkIn.EarlierEvent ?? ""],
            _ => l["Desk.RoundNotOpen"],
        });
        return this.PageWithStatus(StatusCodes.Status409Conflict);
    }

    private async Task<bool> LoadAsync(int eventId)
    {
        if (await db.FindEventAsync(eventId) is not { } found)
        {
            return false;
        }

        (Event, Edition, Round) = found;
        Counts = (await EventCounts.LoadAsync(db, [eventId]))[eventId];
        Attendees = Edition.UsesStemcodes ? []
            : await db.EventCheckIns.AsNoTracking().Where(c => c.EventId == eventId && c.AttendeeName != null).OrderByDescending(c => c.Id).ToListAsync();
        if (Edition.UsesStemcodes)
        {
            // The desk may scan the letter's QR code with the camera; every other page keeps it off.
            Security.AllowCamera(Response);
        }

        return true;
    }
}
