using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Selection;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Events;

/// <summary>What a round's paper sheet asks, from the edition as it stands: the same choices its online ballot offers.</summary>
public static class PaperFormSource
{
    public static async Task<PaperForm> ForAsync(AppDbContext db, Edition edition, Round round, string municipality, string? eventName = null)
    {
        var themes = round.Kind switch
        {
            RoundKind.ThemeChoice => [.. edition.Themes.Select(t => new FormTheme(t.Id, t.Name, null, []))],
            RoundKind.BudgetSplit => [.. edition.Themes.Where(t => t.Chosen).Select(t => new FormTheme(t.Id, t.Name, t.Budget, []))],
            _ => await SelectionThemesAsync(db, edition),
        };
        return new PaperForm(municipality, edition.Name, round.Kind, edition.MaxThemesPerBallot, edition.TotalBudget, themes, eventName);
    }

    private static async Task<List<FormTheme>> SelectionThemesAsync(AppDbContext db, Edition edition)
    {
        var ideas = await db.Ideas.AsNoTracking().OnTheBallot(edition.Id).OrderBy(i => i.Title).ToListAsync();
        return [.. edition.SelectionThemes().Select(t => new FormTheme(t.Id, t.Name, t.Budget,
            [.. ideas.Where(i => i.ThemeId == t.Id).Select(i => new FormIdea(i.Id, i.Title, i.EffectiveCost))]))];
    }
}
