using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Events;
using Burgerbegroting.Web.Editions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Pages.Admin.Events;

/// <summary>
/// What the paper pages of an event share: the event, its round, and the round's ballot context for a paper sheet
/// (the fields of the form come from what the round offers, as on the online ballot).
/// </summary>
public abstract class PaperPageModel(AppDbContext db, BallotDesk desk) : PageModel
{
    public VotingEvent Event { get; private set; } = null!;
    public Round Round { get; private set; } = null!;

    /// <summary>Null when the event's round has no ballot, or is not a round of the current edition.</summary>
    public BallotContext? Context { get; private set; }

    /// <summary>Sheets are typed in while the round is open and after it closes, until it is published.</summary>
    public bool TakesPaper => Context is { AcceptsBallots: true };

    protected AppDbContext Db => db;

    protected async Task<bool> LoadEventAsync(int eventId)
    {
        if (await db.VotingEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == eventId) is not { } ev)
        {
            return false;
        }

        Event = ev;
        Round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == ev.RoundId);
        var context = Round.Definition.HasBallot ? await desk.LoadPaperSheetAsync(Round.Kind) : null;
        Context = context?.Round.Id == ev.RoundId ? context : null;
        return true;
    }
}
