using System.Globalization;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Money;
using Burgerbegroting.Web.Accounts;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Participation;
using Burgerbegroting.Web.Infrastructure;
using Burgerbegroting.Web.Pages.Shared;
using Burgerbegroting.Web.Selection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Results;

/// <summary>Selection results per theme: winners, votes, costs, money left, and for every idea why it won or lost.</summary>
public class SelectionModel(AppDbContext db, ParticipationFigures figures, IStringLocalizer<SharedResource> l) : RoundResultsModel(db)
{
    public sealed record ThemeResults(Theme Theme, IReadOnlyList<IdeaResult> Results)
    {
        public int Winners => Results.Count(r => r.Selected);

        /// <summary>What the winners take of the theme's budget, and what is left.</summary>
        public BudgetUse Spent => new(Results.Where(r => r.Selected).Sum(r => r.Cost), Theme.Budget ?? 0);
    }

    /// <summary>Who took part: ballots per channel, people per buurt and age band (small groups suppressed).</summary>
    public FigureView Figures { get; private set; } = null!;
    public IReadOnlyList<ThemeResults> Themes { get; private set; } = [];
    private Dictionary<int, string> _titles = [];

    public async Task<IActionResult> OnGetAsync(string edition)
    {
        if (await LoadAsync(edition, RoundKind.Selection) is { } elsewhere)
        {
            return elsewhere;
        }

        Figures = await figures.PublicViewAsync(Edition, Round, Url);
        var results = await Db.IdeaResults.AsNoTracking().Include(r => r.Idea).Where(r => r.RoundId == Round.Id).ToListAsync();
        _titles = results.ToDictionary(r => r.IdeaId, r => r.Idea.Title);
        Themes = [.. Edition.SelectionThemes()
            .Select(t => new ThemeResults(t, [.. results.Where(r => r.ThemeId == t.Id).OrderByDescending(r => r.Selected).ThenBy(r => r.Step).ThenByDescending(r => r.Votes)]))
            .Where(t => t.Results.Count > 0)];
        return Page();
    }

    public string Why(IdeaResult result) => OutcomeText.Describe(result, Euros.Format, l, _titles);

    public BarChart Chart(ThemeResults theme) =>
        new([.. theme.Results.Select(r => new BarChart.Bar(r.Idea.Title, r.Votes, r.Votes.ToString(CultureInfo.CurrentCulture), r.Selected))]);
}
