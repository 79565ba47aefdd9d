using System.Globalization;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Money;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Infrastructure.Htmx;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Stemmen;

/// <summary>
/// Round 4: per theme the voter ticks admitted ideas whose costs fit the theme's budget (a knapsack ballot), in as
/// many themes as they like, and may change the ballot until the close.
/// </summary>
public class SelectionModel(AppDbContext db, UserManager<AppUser> users, Eligibility eligibility, BallotBox box, IStringLocalizer<SharedResource> l)
    : BallotPageModel(4, db, users, eligibility, box, l)
{
    public sealed record ThemeIdeas(Theme Theme, IReadOnlyList<Idea> Ideas);

    public IReadOnlyList<ThemeIdeas> Themes { get; private set; } = [];
    public bool HasVoted { get; private set; }

    [BindProperty]
    public List<int> Chosen { get; set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Chosen = Context.Voter is null ? [] : [.. await Box.FindIdeasAsync(Context.Round.Id, Context.Voter.Id) ?? []];
        return Page();
    }

    /// <summary>htmx: each theme's budget bar for the ticks so far. Saves nothing.</summary>
    public async Task<IActionResult> OnPostUsageAsync() => await LoadAsync() ? this.FragmentOrPage("_UsageAll") : NotFound();

    /// <summary>Without JavaScript, the "calculate" button shows the same bars on the whole page.</summary>
    public Task<IActionResult> OnPostPreviewAsync() => OnPostUsageAsync();

    public Task<IActionResult> OnPostAsync() => SaveAsync(Validate, chosen => Box.CastIdeasAsync(Context.Round, Context.Voter!, chosen, Context.Edition.Name));

    /// <summary>Per theme: only admitted ideas, each once, together within the theme's budget (KnapsackBallot).</summary>
    private List<(int IdeaId, int ThemeId)>? Validate()
    {
        var known = Themes.SelectMany(t => t.Ideas).ToDictionary(i => i.Id);
        if (Chosen.Any(id => !known.ContainsKey(id)))
        {
            ModelState.AddModelError(string.Empty, L["Vote4.Error.NotAdmitted"]);
        }

        foreach (var theme in Themes)
        {
            var costs = theme.Ideas.ToDictionary(i => i.Id, i => i.FinalCost ?? i.EstimatedCost);
            var selected = Chosen.Where(costs.ContainsKey).ToList();
            foreach (var error in KnapsackBallot.Validate(selected, costs, theme.Theme.Budget ?? 0))
            {
                ModelState.AddModelError($"theme-{theme.Theme.Id}", L["Vote4.Error." + error.Kind, Format(error.TotalCost), Format(theme.Theme.Budget ?? 0), theme.Theme.Name]);
            }
        }

        return ModelState.IsValid ? [.. Chosen.Distinct().Select(id => (id, known[id].ThemeId))] : null;
    }

    public long Used(int themeId) =>
        Themes.Single(t => t.Theme.Id == themeId).Ideas.Where(i => Chosen.Contains(i.Id)).Sum(i => i.FinalCost ?? i.EstimatedCost);

    public string Format(long euros) => EuroAmount.Format(euros, CultureInfo.CurrentUICulture);

    protected override async Task LoadMoreAsync()
    {
        HasVoted = Context.Voter is not null && await Box.FindIdeasAsync(Context.Round.Id, Context.Voter.Id) is not null;
        var ideas = await Db.Ideas.AsNoTracking()
            .Where(i => i.EditionId == Context.Edition.Id && i.Status == IdeaStatus.Admitted && !i.Hidden)
            .OrderBy(i => i.Title).ToListAsync();
        Themes = [.. Context.Edition.Themes.Where(t => t.Chosen && t.Budget != null)
            .Select(t => new ThemeIdeas(t, [.. ideas.Where(i => i.ThemeId == t.Id)]))
            .Where(t => t.Ideas.Count > 0)];
    }
}
