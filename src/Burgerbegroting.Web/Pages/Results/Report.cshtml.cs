using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Web.Accounts;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Participation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Burgerbegroting.Web.Pages.Results;

/// <summary>
/// The edition report for the council (docs/participation.md, "The edition report"): every published round's outcome
/// and who took part, staff's decisions, and how to re-check the result; printable, and as a PDF. Before any round is
/// published the page says when it comes.
/// </summary>
public class ReportModel(AppDbContext db, EditionReports reports, ReportWriter writer) : PageModel
{
    public Edition Edition { get; private set; } = null!;
    public EditionTrail Trail { get; private set; } = null!;

    /// <summary>Null while no round of the edition is published.</summary>
    public ReportDocument? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(string edition)
    {
        if (await db.BySlugAsync(edition, User.IsStaff()) is not { } found)
        {
            return NotFound();
        }

        Edition = found;
        Trail = await EditionTrail.LoadAsync(db, found);
        Report = await reports.LoadAsync(found) is { } report ? writer.Write(report) : null;
        return Page();
    }
}
