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

/// <summary>Staff see the rounds and resolve a tie here; opening, closing and publishing go through <see cref="RoundActionModel"/>, which asks first.</summary>
public class RoundsModel(AppDbContext db, RoundLifecycle lifecycle, AuditLog audit, IStringLocalizer<SharedResource> l) : PageModel
{
    public Edition Edition { get; private set; } = null!;
    public Dictionary<int, int> BallotCounts { get; private set; } = [];
    public RoundTie Tie { get; private set; } = null!;
    public int Unreviewed { get; private set; }

    /// <summary>Per round and event, paper sheets entered once or in dispute: they hold up publishing (docs/events.md).</summary>
    public IReadOnlyList<PendingPaper> PaperPending { get; private set; } = [];

    /// <summary>The step staff are offered for this round; its confirmation page checks the rules again.</summary>
    public RoundStep? NextStep(Round round) => RoundTransitions.NextStep(round.Kind, Edition.RoundStates());

    /// <summary>The tie form shows on the closed round whose tie waits for staff.</summary>
    public bool TieWaits(Round round) => round.Id == Tie.RoundId && Tie.Tied.Count > 0 && round.Status == RoundStatus.Closed;

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

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
