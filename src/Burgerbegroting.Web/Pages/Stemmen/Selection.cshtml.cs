using System.Globalization;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Money;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Infrastructure.Htmx;
using Burgerbegroting.Web.Infrastructure.Startup;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Stemmen;

/// <summary>
/// Round 4: per theme the voter ticks admitted ideas whose costs fit the theme's budget (a knapsack ballot), in as
/// many themes as they like, and may change the ballot until the close.
/// </summary>
[EnableRateLimiting(Security.BallotLimit)]
public class SelectionModel(AppDbContext db, UserManager<AppUser> users, Eligibility eligibility, BallotBox box, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record ThemeIdeas(Theme Theme, IReadOnlyList<Idea> Ideas);

    public VotingContext Context { get; private set; } = null!;
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

        Chosen = Context.Voter is null ? [] : [.. await box.FindIdeasAsync(Context.Round.Id, Context.Voter.Id) ?? []];
        return Page();
    }

    /// <summary>htmx: each theme's budget bar for the ticks so far. Saves nothing.</summary>
    public async Task<IActionResult> OnPostUsageAsync() => await LoadAsync() ? this.FragmentOrPage("_UsageAll") : NotFound();

    /// <summary>Without JavaScript, the "calculate" button shows the same bars on the whole page.</summary>
    public Task<IActionResult> OnPostPreviewAsync() => OnPostUsageAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (!Context.CanVote)
        {
            Response.StatusCode = Context.IsOpen ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict;
            return Page();
        }

        var chosen = Validate();
        if (chosen is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = await box.CastIdeasAsync(Context.Round, Context.Voter!, chosen, Context.Edition.Name);
        if (result == CastResult.RoundNotOpen)
        {
            ModelState.AddModelError(string.Empty, l["Vote.ClosedMeanwhile"]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        TempData["Status"] = l[result == CastResult.Replaced ? "Vote.Replaced" : "Vote.Saved"].Value;
        return RedirectToPage();
    }

    /// <summary>Per theme: only admitted ideas, each once, together within the theme's budget (KnapsackBallot).</summary>
    private List<(int IdeaId, int ThemeId)>? Validate()
    {
        var known = Themes.SelectMany(t => t.Ideas).ToDictionary(i => i.Id);
        if (Chosen.Any(id => !known.ContainsKey(id)))
        {
            ModelState.AddModelError(string.Empty, l["Vote4.Error.NotAdmitted"]);
        }

        foreach (var theme in Themes)
        {
            var costs = theme.Ideas.ToDictionary(i => i.Id, i => i.FinalCost ?? i.EstimatedCost);
            var selected = Chosen.Where(costs.ContainsKey).ToList();
            foreach (var error in KnapsackBallot.Validate(selected, costs, theme.Theme.Budget ?? 0))
            {
                ModelState.AddModelError($"theme-{theme.Theme.Id}", l["Vote4.Error." + error.Kind, Format(error.TotalCost), Format(theme.Theme.Budget ?? 0), theme.Theme.Name]);
            }
        }

        return ModelState.IsValid ? [.. Chosen.Distinct().Select(id => (id, known[id].ThemeId))] : null;
    }

    public long Used(int themeId) =>
        Themes.Single(t => t.Theme.Id == themeId).Ideas.Where(i => Chosen.Contains(i.Id)).Sum(i => i.FinalCost ?? i.EstimatedCost);

    public string Format(long euros) => EuroAmount.Format(euros, CultureInfo.CurrentUICulture);

    private async Task<bool> LoadAsync()
    {
        var context = await VotingContext.LoadAsync(4, User, db, users, eligibility, box);
        if (context is null)
        {
            return false;
        }

        Context = context;
        HasVoted = context.Voter is not null && await box.FindIdeasAsync(context.Round.Id, context.Voter.Id) is not null;
        var ideas = await db.Ideas.AsNoTracking()
            .Where(i => i.EditionId == context.Edition.Id && i.Status == IdeaStatus.Admitted && !i.Hidden)
            .OrderBy(i => i.Title).ToListAsync();
        Themes = [.. context.Edition.Themes.Where(t => t.Chosen && t.Budget != null)
            .Select(t => new ThemeIdeas(t, [.. ideas.Where(i => i.ThemeId == t.Id)]))
            .Where(t => t.Ideas.Count > 0)];
        return true;
    }
}
