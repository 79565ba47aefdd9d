using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Web.Audit;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Admin.Editions;

/// <summary>An edition's settings: all of them until round 1 opens, after that only name and texts (issue 3).</summary>
public class EditModel(AppDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public EditionInput Input { get; set; } = new();

    public Edition Edition { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await db.FindWithAllAsync(id) is not { } edition)
        {
            return NotFound();
        }

        Edition = edition;
        Input = EditionInput.From(edition);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await db.FindWithAllAsync(id) is not { } edition)
        {
            return NotFound();
        }

        Edition = edition;
        var budget = edition.SettingsLocked ? edition.TotalBudget : Input.ParseBudget(ModelState, l);
        var slug = await Input.SlugAsync(db, edition, clock.GetUtcNow().UtcDateTime, ModelState, l);
        if (!ModelState.IsValid || budget is null || slug is null)
        {
            return this.PageWithStatus(StatusCodes.Status400BadRequest);
        }

        Input.ApplyTo(edition, budget.Value);
        edition.Slug = slug;
        await SaveAsync(edition);
        return this.Done(l["Editions.Saved"], new { id });
    }

    private async Task SaveAsync(Edition edition)
    {
        audit.Record(AuditActions.EditionChanged, "edition", edition.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{edition.Name} (/{edition.Slug}): € {edition.TotalBudget}, {edition.MinimumAge}+, K={edition.MaxThemesPerBallot}, N={edition.ThemesToSelect}, {edition.OutcomeRule}, {edition.VoterRoll}");
        await db.SaveChangesAsync();
    }
}
