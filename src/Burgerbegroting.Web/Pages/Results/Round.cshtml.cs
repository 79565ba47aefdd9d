using System.Globalization;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Accounts;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Participation;
using Burgerbegroting.Web.Infrastructure;
using Burgerbegroting.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Pages.Results;

/// <summary>Results of the theme choice or the budget split, read from what was stored at close, for whoever may see them.</summary>
public class RoundModel(AppDbContext db, ParticipationFigures figures) : RoundResultsModel(db)
{

    /// <summary>Who took part: ballots per channel, people per buurt and age band (small groups suppressed).</summary>
    public FigureView Figures { get; private set; } = null!;
    public IReadOnlyList<ThemeResult> Lines { get; private set; } = [];
    public BarChart Chart { get; private set; } = null!;

    /// <summary>Approvals per theme (theme choice) rather than shares and budgets (budget split).</summary>
    public bool IsThemeChoice => Round.Kind == RoundKind.ThemeChoice;

    public async Task<IActionResult> OnGetAsync(string edition, int number)
    {
        if (await LoadAsync(edition, RoundTable.Find(number)!.Kind) is { } elsewhere)
        {
            return elsewhere;
        }

        Figures = await figures.PublicViewAsync(Edition, Round, Url);
        Lines = await Db.ThemeResults.AsNoTracking().Include(r => r.Theme).Where(r => r.RoundId == Round.Id).OrderBy(r => r.Rank).ToListAsync();
        Chart = IsThemeChoice
            ? new BarChart([.. Lines.Select(l => new BarChart.Bar(l.Theme.DisplayName, l.Votes, l.Votes.ToString(CultureInfo.CurrentCulture), l.Outcome is ThemeOutcome.Chosen or ThemeOutcome.ChosenByStaff))])
            : new BarChart([.. Lines.Select(l => new BarChart.Bar(l.Theme.DisplayName, l.Budget ?? 0, l.Budget is null ? "—" : Euros.Format(l.Budget.Value), true))]);
        return Page();
    }

    public string MeanShare(ThemeResult line) =>
        Round.BallotCount == 0 ? "—" : ((decimal)line.PercentageSum / Round.BallotCount).ToString("0.0", CultureInfo.CurrentCulture) + "%";
}
