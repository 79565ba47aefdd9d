using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Participation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Burgerbegroting.Web.Pages.Admin.Editions;

/// <summary>
/// Staff watch who takes part while a round is open (docs/participation.md): exact counts per channel, buurt and age
/// band, never the emerging result; every round that has opened, newest first.
/// </summary>
public class ParticipationModel(AppDbContext db, ParticipationFigures figures, TimeProvider clock) : PageModel
{
    public Edition Edition { get; private set; } = null!;
    public IReadOnlyList<FigureView> Rounds { get; private set; } = [];
    public DateTime LoadedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await db.FindWithAllAsync(id) is not { } edition)
        {
            return NotFound();
        }

        Edition = edition;
        var views = new List<FigureView>();
        foreach (var round in edition.Rounds.Where(r => r.Status != RoundStatus.Planned).OrderByDescending(r => r.Number))
        {
            views.Add(await figures.StaffViewAsync(edition, round, Url));
        }

        Rounds = views;
        LoadedAt = clock.GetUtcNow().UtcDateTime;
        return Page();
    }
}
