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
public class IdeasModel(AppDbContext db, ParticipationFigures figures) : RoundResultsModel(db)
{
    public FigureView Figures { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string edition)
    {
        if (await LoadAsync(edition, RoundKind.Ideas) is { } elsewhere)
        {
            return elsewhere;
        }

        Figures = await figures.PublicViewAsync(Edition, Round, Url);
        return Page();
    }
}
