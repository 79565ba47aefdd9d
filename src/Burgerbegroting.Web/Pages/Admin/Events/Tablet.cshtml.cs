using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Events;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Events;
using Burgerbegroting.Web.Infrastructure;
using Burgerbegroting.Web.Stemcodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Admin.Events;

/// <summary>
/// Tablet mode (docs/events.md, "The desk"): staff turn this device into the event's voting tablet, where residents
/// vote with their code, one after the other. Starting it signs the staff member out on this device, so that nobody
/// at the tablet reaches the staff pages; stopping it takes signing in again.
/// </summary>
public class TabletModel(AppDbContext db, TabletMode tablet, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    public VotingEvent Event { get; private set; } = null!;
    public Edition Edition { get; private set; } = null!;
    public Round Round { get; private set; } = null!;

    /// <summary>The event this device is a tablet of now (this one or another), or null.</summary>
    public VotingEvent? ThisDevice { get; private set; }

    public async Task<IActionResult> OnGetAsync(int eventId) => await LoadAsync(eventId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStartAsync(int eventId, bool confirmed)
    {
        if (!await LoadAsync(eventId))
        {
            return NotFound();
        }

        // When the event can have no tablet, the page says why where the start form would be.
        if (Refusal() is not null || !ModelState.Require(confirmed, "confirmed", l["Tablet.Confirm.Required"]))
        {
            return this.PageWithStatus(Refusal() is null ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict);
        }

        tablet.Start(HttpContext, Event);
        await SignOutHereAsync();
        return this.Done(l["Tablet.Started", Event.Name], pageName: PageRoutes.VoteCode);
    }

    public async Task<IActionResult> OnPostStopAsync(int eventId)
    {
        if (!await LoadAsync(eventId))
        {
            return NotFound();
        }

        tablet.Stop(HttpContext);
        await StemcodeSession.SignOutAsync(HttpContext);
        return this.Done(l["Tablet.Stopped"], new { eventId });
    }

    /// <summary>Nobody stays signed in on a tablet: not the staff member who started it, not a code.</summary>
    private async Task SignOutHereAsync()
    {
        await StemcodeSession.SignOutAsync(HttpContext);
        await signIn.SignOutAsync();
    }

    /// <summary>Why this event has no tablet now, or null: residents vote there with a code, in the event's open round.</summary>
    public string? Refusal() =>
        !Edition.UsesStemcodes ? l["Tablet.Error.NoStemcodes"].Value : Round.Status != RoundStatus.Open ? l["Tablet.Error.RoundNotOpen"].Value : null;

    private async Task<bool> LoadAsync(int eventId)
    {
        if (await db.FindEventAsync(eventId) is not { } found)
        {
            return false;
        }

        (Event, Edition, Round) = found;
        var deviceEvent = tablet.EventId(HttpContext);
        ThisDevice = deviceEvent is null ? null : await db.VotingEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == deviceEvent);
        return true;
    }
}
