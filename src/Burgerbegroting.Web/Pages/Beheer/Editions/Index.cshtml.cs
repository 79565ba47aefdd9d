using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Web.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Beheer.Editions;

public class IndexModel(AppDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public EditionInput Input { get; set; } = new();

    public IReadOnlyList<Edition> Editions { get; private set; } = [];

    public async Task OnGetAsync() => Editions = await db.Editions.AsNoTracking().OrderByDescending(e => e.Id).ToListAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var budget = Input.ParseBudget(ModelState, l);
        if (!ModelState.IsValid || budget is null)
        {
            await OnGetAsync();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var edition = Edition.CreateNew(Input.Name, budget.Value, clock.GetUtcNow().UtcDateTime);
        Input.ApplyTo(edition, budget.Value);
        db.Editions.Add(edition);
        await db.SaveChangesAsync();
        audit.Record(AuditActions.EditionCreated, "edition", edition.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{edition.Name}, € {edition.TotalBudget}");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        TempData["Status"] = l["Editions.Created"].Value;
        return Redirect($"/beheer/edities/{edition.Id}");
    }
}
