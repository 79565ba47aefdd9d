using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Accounts;
using Burgerbegroting.Web.Editions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Burgerbegroting.Web.Pages.Results;

/// <summary>
/// All results of one edition (/2026/uitslag): per round whether its results are known and where, or when they will
/// be; the ideas, the report and the open data. An earlier edition's stays here, read-only, as the public record.
/// </summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public Edition Edition { get; private set; } = null!;
    public EditionTrail Trail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string edition)
    {
        if (await db.BySlugAsync(edition, User.IsStaff()) is not { } found)
        {
            return NotFound();
        }

        Edition = found;
        Trail = await EditionTrail.LoadAsync(db, found);
        return Page();
    }

    public bool CanSee(Round round) => ResultsVisibility.CanSee(round.Status, User.IsStaff());

    public bool AnyPublic => Edition.Rounds.Any(r => ResultsVisibility.IsPublic(r.Status));

    /// <summary>Why a round's results are not there yet, in words for a resident.</summary>
    public static string WaitingKey(Round round) => round.Status switch
    {
        RoundStatus.Planned => "Overview.Planned",
        RoundStatus.Open => "Overview.Open",
        _ => "Overview.Counting",
    };
}
