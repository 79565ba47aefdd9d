using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Accounts;
using Burgerbegroting.Web.Editions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Burgerbegroting.Web.Pages.Results;

/// <summary>What every round's results page shares: the round of the edition at the address, or why there is none.</summary>
public abstract class RoundResultsModel(AppDbContext db) : PageModel
{
    protected AppDbContext Db { get; } = db;

    public Edition Edition { get; private set; } = null!;
    public Round Round { get; private set; } = null!;
    public EditionTrail Trail { get; private set; } = null!;
    public ResultsPart Part => new(Edition, Round);
    public RoundPage RoundPage => RoundPages.Of(Round.Kind);

    /// <summary>
    /// Loads the round; null when its results may be shown. No such edition: 404. Results not known yet: to the edition's
    /// results overview, which says per round when they will be.
    /// </summary>
    protected async Task<IActionResult?> LoadAsync(string edition, RoundKind kind)
    {
        if (await Db.RoundBySlugAsync(edition, kind, User.IsStaff()) is not { } found)
        {
            return NotFound();
        }

        if (!ResultsVisibility.CanSee(found.Round.Status, User.IsStaff()))
        {
            return RedirectToPage(PageRoutes.ResultsOverview, null, new { edition }, $"ronde-{found.Round.Number}");
        }

        (Edition, Round) = found;
        Trail = await EditionTrail.LoadAsync(Db, Edition);
        return null;
    }
}
