using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Accounts;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Participation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Burgerbegroting.Web.Pages.Results;

/// <summary>The ideas round's outcome: how many ideas came in, per theme and buurt, by whom, and how review judged them.</summary>
public class IdeasModel(AppDbContext db, ParticipationFigures figures) : PageModel
{
    public Edition Edition { get; private set; } = null!;
    public Round Round { get; private set; } = null!;
    public FigureView Figures { get; private set; } = null!;
    public RoundPage RoundPage => RoundPages.Of(Round.Kind);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await db.CurrentRoundAsync(RoundKind.Ideas) is not { } found || !ResultsVisibility.CanSee(found.Round.Status, User.IsStaff()))
        {
            return NotFound();
        }

        (Edition, Round) = found;
        Figures = await figures.PublicViewAsync(Edition, Round, Url);
        return Page();
    }
}
