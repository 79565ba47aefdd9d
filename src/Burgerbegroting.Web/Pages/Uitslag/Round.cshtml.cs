using System.Globalization;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting.Money;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Pages.Uitslag;

/// <summary>Results of round 1 or 2, read from what was stored at close: staff see them closed, everyone once published.</summary>
public class RoundModel(AppDbContext db) : PageModel
{
    public Edition Edition { get; private set; } = null!;
    public Round Round { get; private set; } = null!;
    public IReadOnlyList<ThemeResult> Lines { get; private set; } = [];
    public BarChart Chart { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int number)
    {
        var current = await db.CurrentRoundAsync(number);
        var staff = User.IsInRole(Roles.Staff) || User.IsInRole(Roles.Admin);
        if (current is not { } found || !(found.Round.Status == RoundStatus.Published || (staff && found.Round.Status == RoundStatus.Closed)))
        {
            return NotFound();
        }

        (Edition, Round) = found;
        Lines = await db.ThemeResults.AsNoTracking().Include(r => r.Theme).Where(r => r.RoundId == Round.Id).OrderBy(r => r.Rank).ToListAsync();
        Chart = number == 1
            ? new BarChart([.. Lines.Select(l => new BarChart.Bar(l.Theme.Name, l.Votes, l.Votes.ToString(CultureInfo.CurrentCulture), l.Outcome is ThemeOutcome.Chosen or ThemeOutcome.ChosenByStaff))])
            : new BarChart([.. Lines.Select(l => new BarChart.Bar(l.Theme.Name, l.Budget ?? 0, l.Budget is null ? "—" : Format(l.Budget.Value), true))]);
        return Page();
    }

    public string Format(long euros) => EuroAmount.Format(euros, CultureInfo.CurrentUICulture);

    public string MeanShare(ThemeResult line) =>
        Round.BallotCount == 0 ? "—" : ((decimal)line.PercentageSum / Round.BallotCount).ToString("0.0", CultureInfo.CurrentCulture) + "%";
}
