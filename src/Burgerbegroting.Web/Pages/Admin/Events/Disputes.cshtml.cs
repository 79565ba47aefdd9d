using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Events;
using Burgerbegroting.Voting.Paper;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Events;
using Burgerbegroting.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Admin.Events;

/// <summary>
/// A coordinator settles the event's disputed sheets (docs/events.md, "Double entry"): both entries side by side, and
/// a decision typed from the paper itself. A coordinator is a beheerder, or staff who typed neither entry.
/// </summary>
public class DisputesModel(AppDbContext db, BallotDesk desk, PaperEntry paper, UserManager<AppUser> users, IStringLocalizer<SharedResource> l)
    : PaperPageModel(db, desk)
{
    [BindProperty]
    public SheetInput Input { get; set; } = new();

    /// <summary>The coordinator confirms the decision is final.</summary>
    [BindProperty]
    public bool Confirm { get; set; }

    public IReadOnlyList<PaperSheet> Disputed { get; private set; } = [];

    /// <summary>The sheet whose decision form was posted: it shows what was typed and the messages.</summary>
    public long? PostedSheet { get; private set; }

    public bool MayDecide(PaperSheet sheet) => User.IsInRole(Roles.Admin) || sheet.Entries.All(e => e.TypistId != users.GetUserId(User));

    public IReadOnlyList<DisputeRow> Rows(PaperSheet sheet) =>
        DisputeRows.Of(Context!, SheetMarks.Decode(sheet.Entries[0].Marks), SheetMarks.Decode(sheet.Entries[1].Marks), l);

    public async Task<IActionResult> OnGetAsync(int eventId) => await LoadAsync(eventId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int eventId, long sheetId)
    {
        if (!await LoadAsync(eventId))
        {
            return NotFound();
        }

        if (await RefuseAsync(sheetId) is { } refused)
        {
            return refused;
        }

        if (DecisionMarks() is not { } marks)
        {
            return this.PageWithStatus(StatusCodes.Status400BadRequest);
        }

        var outcome = await paper.DecideAsync(sheetId, marks, (await users.GetUserAsync(User))!, User.IsInRole(Roles.Admin));
        return Decided(outcome, Disputed.Single(s => s.Id == sheetId).Number, marks);
    }

    /// <summary>What the coordinator typed, confirmed as final; null with messages next to the fields.</summary>
    private SheetMarks? DecisionMarks()
    {
        var marks = Input.Marks(Context!, ModelState, l);
        ModelState.Require(Confirm, nameof(Confirm), l["Paper.Error.Confirm"]);
        return ModelState.IsValid ? marks : null;
    }

    /// <summary>Null when the decision may be taken; else the page with why not.</summary>
    private async Task<IActionResult?> RefuseAsync(long sheetId)
    {
        PostedSheet = sheetId;
        var sheet = Disputed.SingleOrDefault(s => s.Id == sheetId);
        if (sheet is null && !await Db.PaperSheets.AnyAsync(s => s.Id == sheetId && s.EventId == Event.Id))
        {
            return NotFound();
        }

        var (status, message) = sheet is null ? (StatusCodes.Status409Conflict, l["Paper.Error.NotDisputed"])
            : Context is null || !TakesPaper ? (StatusCodes.Status409Conflict, l["Paper.Error.RoundNotOpen"])
            : !MayDecide(sheet) ? (StatusCodes.Status403Forbidden, l["Paper.Error.OwnEntry", sheet.Number])
            : (0, null!);
        if (status == 0)
        {
            return null;
        }

        ModelState.AddModelError(string.Empty, message);
        return this.PageWithStatus(status);
    }

    private IActionResult Decided(DecisionOutcome outcome, int number, SheetMarks marks)
    {
        var (status, message) = outcome switch
        {
            DecisionOutcome.Counted => (0, l["Paper.Decided.Counted", number]),
            DecisionOutcome.Invalid => (0, l["Paper.Decided.Invalid", number, l["SheetInvalidReason." + PaperEntry.Judge(Context!, marks).Invalid]]),
            DecisionOutcome.NotAllowed => (StatusCodes.Status403Forbidden, l["Paper.Error.OwnEntry", number]),
            DecisionOutcome.NotDisputed => (StatusCodes.Status409Conflict, l["Paper.Error.NotDisputed"]),
            _ => (StatusCodes.Status409Conflict, l["Paper.Error.RoundNotOpen"]),
        };
        if (status == 0)
        {
            return this.Done(message, new { eventId = Event.Id });
        }

        ModelState.AddModelError(string.Empty, message);
        return this.PageWithStatus(status);
    }

    private async Task<bool> LoadAsync(int eventId)
    {
        if (!await LoadEventAsync(eventId))
        {
            return false;
        }

        Disputed = await Db.PaperSheets.AsNoTracking().Include(s => s.Entries.OrderBy(e => e.Position))
            .Where(s => s.EventId == eventId && s.Status == SheetStatus.Disputed).OrderBy(s => s.Number).ToListAsync();
        return true;
    }
}
