using System.Globalization;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Web.Audit;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Beheer.Editions;

/// <summary>Staff move the rounds: open, close (results computed and stored), resolve a tie, publish.</summary>
public class RoundsModel(AppDbContext db, RoundLifecycle lifecycle, AuditLog audit, IStringLocalizer<SharedResource> l) : PageModel
{
    public Edition Edition { get; private set; } = null!;
    public Dictionary<int, int> BallotCounts { get; private set; } = [];
    public IReadOnlyList<ThemeResult> Tied { get; private set; } = [];
    public int SeatsForTied { get; private set; }
    public int Unreviewed { get; private set; }

    /// <summary>Only the next round gets an open button; the lifecycle checks the same rules again.</summary>
    public bool CanOpen(Round round) =>
        Edition.Rounds.All(r => r.Status != RoundStatus.Open) && (round.Number == 1 || Edition.Round(round.Number - 1).Status == RoundStatus.Published);

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
            ModelState.AddModelError("tie", l["Tie.Wrong", SeatsForTied]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["Status"] = l["Tie.Done"].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDatesAsync(int id, int roundId, DateOnly? plannedOpen, DateOnly? plannedClose)
    {
        var round = await db.Rounds.SingleOrDefaultAsync(r => r.Id == roundId && r.EditionId == id);
        if (round is null)
        {
            return NotFound();
        }

        if (plannedOpen is not null && plannedClose is not null && plannedClose < plannedOpen)
        {
            await LoadAsync(id);
            ModelState.AddModelError(string.Empty, l["Rounds.DatesWrong", round.Number]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
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
            ModelState.AddModelError(string.Empty, l.Count("Rounds.Error." + error, error == TransitionError.UnreviewedIdeas ? Unreviewed : SeatsForTied, SeatsForTied, Unreviewed));
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        TempData["Status"] = l[doneKey].Value;
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
        var round1 = edition.Round(1).Id;
        Tied = await db.ThemeResults.AsNoTracking().Include(r => r.Theme).Where(r => r.RoundId == round1 && r.Outcome == ThemeOutcome.Tied).ToListAsync();
        SeatsForTied = edition.ThemesToSelect - await db.ThemeResults.CountAsync(r => r.RoundId == round1 && r.Outcome == ThemeOutcome.Chosen);
        Unreviewed = await lifecycle.UnreviewedIdeasAsync(id);
        return true;
    }
}
