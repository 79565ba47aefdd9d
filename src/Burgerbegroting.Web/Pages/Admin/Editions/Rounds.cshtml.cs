using System.Globalization;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Audit;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Events;
using Burgerbegroting.Web.Infrastructure;
using Burgerbegroting.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Admin.Editions;

/// <summary>Staff move the rounds: open, close (results computed and stored), resolve a tie, publish.</summary>
public class RoundsModel(AppDbContext db, RoundLifecycle lifecycle, AuditLog audit, IStringLocalizer<SharedResource> l) : PageModel
{
    public Edition Edition { get; private set; } = null!;
    public Dictionary<int, int> BallotCounts { get; private set; } = [];
    public RoundTie Tie { get; private set; } = null!;
    public int Unreviewed { get; private set; }

    /// <summary>Per round and event, paper sheets entered once or in dispute: they hold up publishing (docs/events.md).</summary>
    public IReadOnlyList<PendingPaper> PaperPending { get; private set; } = [];

    /// <summary>The button staff get for this round; the lifecycle checks the same rules again on the POST.</summary>
    public RoundStep? NextStep(Round round) => RoundTransitions.NextStep(round.Kind, Edition.RoundStates());

    /// <summary>The tie form shows on the closed round whose tie waits for staff.</summary>
    public bool TieWaits(Round round) => round.Id == Tie.RoundId && Tie.Tied.Count > 0 && round.Status == RoundStatus.Closed;

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostOpenAsync(int id, int roundId) => TransitionAsync(id, roundId, lifecycle.OpenAsync, "Rounds.Opened");

    public Task<IActionResult> OnPostCloseAsync(int id, int roundId) => TransitionAsync(id, roundId, lifecycle.CloseAsync, "Rounds.Closed");

    public Task<IActionResult> OnPostPublishAsync(int id, int roundId) => TransitionAsync(id, roundId, lifecycle.PublishAsync, "Rounds.Published");

    public async Task<IActionResult> OnPostResolveTieAsync(int id, int roundId, int[] chosen, string? note)
    {
        if (!await BelongsAsync(id, roundId))
        {
            return NotFound();
        }

        if (!await lifecycle.ResolveTieAsync(roundId, chosen, note))
        {
            await LoadAsync(id);
            ModelState.AddModelError("tie", l["Tie.Wrong", Tie.Seats]);
            return this.PageWithStatus(StatusCodes.Status400BadRequest);
        }

        return this.Done(l["Tie.Done"], new { id });
    }

    public async Task<IActionResult> OnPostDatesAsync(int id, int roundId, DateOnly? plannedOpen, DateOnly? plannedClose)
    {
        if (await db.Rounds.SingleOrDefaultAsync(r => r.Id == roundId && r.EditionId == id) is not { } round)
        {
            return NotFound();
        }

        if (plannedOpen is not null && plannedClose is not null && plannedClose < plannedOpen)
        {
            await LoadAsync(id);
            ModelState.AddModelError(string.Empty, l["Rounds.DatesWrong", round.Number]);
            return this.PageWithStatus(StatusCodes.Status400BadRequest);
        }

        (round.PlannedOpen, round.PlannedClose) = (plannedOpen, plannedClose);
        audit.Record(AuditActions.RoundDatesChanged, "round", roundId.ToString(CultureInfo.InvariantCulture), $"{plannedOpen:yyyy-MM-dd} – {plannedClose:yyyy-MM-dd}");
        await db.SaveChangesAsync();
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> TransitionAsync(int id, int roundId, Func<int, Task<TransitionError>> step, string doneKey)
    {
        if (!await BelongsAsync(id, roundId))
        {
            return NotFound();
        }

        var error = await step(roundId);
        if (error != TransitionError.None)
        {
            await LoadAsync(id);
            var count = error switch
            {
                TransitionError.UnreviewedIdeas => Unreviewed,
                TransitionError.PaperPending => await lifecycle.PaperPendingAsync(roundId),
                _ => Tie.Seats,
            };
            ModelState.AddModelError(string.Empty, l.Count("Rounds.Error." + error, count, error == TransitionError.PaperPending ? count : Tie.Seats, Unreviewed));
            return this.PageWithStatus(StatusCodes.Status409Conflict);
        }

        return this.Done(l[doneKey], new { id });
    }

    private Task<bool> BelongsAsync(int id, int roundId) => db.Rounds.AnyAsync(r => r.Id == roundId && r.EditionId == id);

    private async Task<bool> LoadAsync(int id)
    {
        db.ChangeTracker.Clear();
        if (await db.FindWithAllAsync(id) is not { } edition)
        {
            return false;
        }

        Edition = edition;
        var roundIds = edition.Rounds.Select(r => r.Id).ToList();
        BallotCounts = await db.Ballots.Where(b => roundIds.Contains(b.RoundId)).GroupBy(b => b.RoundId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Tie = await lifecycle.TieAsync(edition.Rounds.Single(r => r.Definition.MayTieAtCutoff).Id);
        Unreviewed = await lifecycle.UnreviewedIdeasAsync(id);
        PaperPending = await PaperProgress.PendingAsync(db, roundIds);
        return true;
    }
}
