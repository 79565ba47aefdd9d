using System.Globalization;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Voting.Money;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Pages.Shared;
using Burgerbegroting.Web.Selection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Uitslag;

/// <summary>Round 4 results per theme: winners, votes, costs, money left, and for every idea why it won or lost.</summary>
public class SelectionModel(AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record ThemeResults(Theme Theme, IReadOnlyList<IdeaResult> Results);

    public Edition Edition { get; private set; } = null!;
    public Round Round { get; private set; } = null!;
    public IReadOnlyList<ThemeResults> Themes { get; private set; } = [];
    private Dictionary<int, string> _titles = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var current = await db.CurrentRoundAsync(4);
        var staff = User.IsInRole(Roles.Staff) || User.IsInRole(Roles.Admin);
        if (current is not { } found || !(found.Round.Status == RoundStatus.Published || (staff && found.Round.Status == RoundStatus.Closed)))
        {
            return NotFound();
        }

        (Edition, Round) = found;
        var results = await db.IdeaResults.AsNoTracking().Include(r => r.Idea).Where(r => r.RoundId == Round.Id).ToListAsync();
        _titles = results.ToDictionary(r => r.IdeaId, r => r.Idea.Title);
        Themes = [.. Edition.SelectionThemes()
            .Select(t => new ThemeResults(t, [.. results.Where(r => r.ThemeId == t.Id).OrderByDescending(r => r.Selected).ThenBy(r => r.Step).ThenByDescending(r => r.Votes)]))
            .Where(t => t.Results.Count > 0)];
        return Page();
    }

    public string Format(long euros) => EuroAmount.Format(euros, CultureInfo.CurrentUICulture);

    public string Why(IdeaResult result) => OutcomeText.Describe(result, Format, l, _titles);

    public BarChart Chart(ThemeResults theme) =>
        new([.. theme.Results.Select(r => new BarChart.Bar(r.Idea.Title, r.Votes, r.Votes.ToString(CultureInfo.CurrentCulture), r.Selected))]);
}
