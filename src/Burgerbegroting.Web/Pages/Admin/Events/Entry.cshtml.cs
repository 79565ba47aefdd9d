using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Events;
using Burgerbegroting.Voting.Paper;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Events;
using Burgerbegroting.Web.Infrastructure;
using Burgerbegroting.Web.Infrastructure.Htmx;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Admin.Events;

/// <summary>
/// A typist enters paper sheets of an event (docs/events.md, "Double entry"): the sheet number and exactly what is
/// written, valid or not. The page never shows what anyone typed before: a second typist enters blind.
/// </summary>
public class EntryModel(AppDbContext db, BallotDesk desk, PaperEntry paper, UserManager<AppUser> users, IStringLocalizer<SharedResource> l)
    : PaperPageModel(db, desk)
{
    [BindProperty]
    public SheetInput Input { get; set; } = new();

    /// <summary>The event's sheet numbers by status (no marks).</summary>
    public IReadOnlyDictionary<SheetStatus, IReadOnlyList<int>> Sheets { get; private set; } = new Dictionary<SheetStatus, IReadOnlyList<int>>();

    public IReadOnlyList<int> SheetsWith(SheetStatus status) => Sheets.GetValueOrDefault(status) ?? [];

    public async Task<IActionResult> OnGetAsync(int eventId) => await LoadAsync(eventId) ? Page() : NotFound();

    /// <summary>htmx, while typing round 2: the running total of the percentages. Saves nothing.</summary>
    public async Task<IActionResult> OnPostTotalAsync(int eventId) =>
        await LoadAsync(eventId) ? this.FragmentOrPage("_SheetTotal", Input) : NotFound();

    public async Task<IActionResult> OnPostAsync(int eventId)
    {
        if (!await LoadAsync(eventId))
        {
            return NotFound();
        }

        if (Context is null || !TakesPaper)
        {
            return Refused(string.Empty, l["Paper.Error.RoundNotOpen"]);
        }

        var (number, marks) = (Input.SheetNumber(ModelState, l), Input.Marks(Context, ModelState, l));
        if (number is null || marks is null)
        {
            return this.PageWithStatus(StatusCodes.Status400BadRequest);
        }

        return Entered(await paper.EnterAsync(Event, number.Value, marks, (await users.GetUserAsync(User))!), number.Value, marks);
    }

    private IActionResult Entered(EntryOutcome outcome, int number, SheetMarks marks)
    {
        var (key, message) = outcome switch
        {
            EntryOutcome.FirstEntry or EntryOutcome.Counted or EntryOutcome.Disputed => (null, l["Paper.Entered." + outcome, number]),
            EntryOutcome.Invalid => (null, l["Paper.Entered.Invalid", number, l["SheetInvalidReason." + PaperEntry.Judge(Context!, marks).Invalid]]),
            EntryOutcome.SameTypist or EntryOutcome.AlreadyTwice => ("Input.Number", l["Paper.Error." + outcome, number]),
            _ => (string.Empty, l["Paper.Error.RoundNotOpen"]),
        };
        return key is null ? this.Done(message, new { eventId = Event.Id }) : Refused(key, message);
    }

    /// <summary>The page again, with why the sheet was not taken next to <paramref name="key"/>: in conflict with what is stored.</summary>
    private PageResult Refused(string key, string message)
    {
        ModelState.AddModelError(key, message);
        return this.PageWithStatus(StatusCodes.Status409Conflict);
    }

    private async Task<bool> LoadAsync(int eventId)
    {
        if (!await LoadEventAsync(eventId))
        {
            return false;
        }

        Sheets = await PaperProgress.NumbersAsync(Db, eventId);
        return true;
    }
}
