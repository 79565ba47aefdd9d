using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Money;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Infrastructure;
using Burgerbegroting.Web.Infrastructure.Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Voting;

/// <summary>
/// Selection: per theme the voter ticks admitted ideas whose costs fit the theme's budget (a knapsack ballot), in as
/// many themes as they like, and may change the ballot until the close.
/// </summary>
public class SelectionModel(BallotDesk desk, IStringLocalizer<SharedResource> l) : BallotPageModel(RoundKind.Selection, desk, l)
{
    public IReadOnlyList<ThemeIdeas> Themes => Context.IdeasByTheme;

    [BindProperty]
    public List<int> Chosen { get; set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Chosen = [.. Context.Current?.Where(line => line.IdeaId is not null).Select(line => line.IdeaId!.Value) ?? []];
        return Page();
    }

    /// <summary>htmx: each theme's budget bar for the ticks so far. Saves nothing.</summary>
    public async Task<IActionResult> OnPostUsageAsync() => await LoadAsync() ? this.FragmentOrPage("_UsageAll") : NotFound();

    /// <summary>Without JavaScript, the "calculate" button shows the same bars on the whole page.</summary>
    public Task<IActionResult> OnPostPreviewAsync() => OnPostUsageAsync();

    public Task<IActionResult> OnPostAsync() => SaveAsync(Fill);

    /// <summary>Per theme: only admitted ideas, each once, together within the theme's budget (SelectionBallot).</summary>
    private SelectionBallot? Fill()
    {
        var check = SelectionBallot.Create(Context.Selection, Chosen);
        foreach (var error in check.Errors)
        {
            if (error.ThemeId is not { } themeId)
            {
                ModelState.AddModelError(error.Kind == KnapsackBallotErrorKind.Empty ? nameof(Chosen) : string.Empty, L["Vote4.Error." + error.Kind]);
                continue;
            }

            var theme = Themes.Single(t => t.Theme.Id == themeId).Theme;
            ModelState.AddModelError($"theme-{themeId}", L["Vote4.Error." + error.Kind, Euros.Format(error.TotalCost), Euros.Format(theme.Budget ?? 0), theme.DisplayName]);
        }

        return check.Ballot;
    }

    /// <summary>What the ticked ideas use of a theme's budget.</summary>
    public BudgetUse Use(int themeId) => Context.Selection.Theme(themeId).Use(Chosen);
}
