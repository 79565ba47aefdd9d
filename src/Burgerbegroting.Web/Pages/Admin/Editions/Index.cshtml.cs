using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Web.Audit;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Admin.Editions;

public class IndexModel(AppDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public EditionInput Input { get; set; } = new();

    public IReadOnlyList<Edition> Editions { get; private set; } = [];

    /// <summary>The edition residents see, or null.</summary>
    public int? CurrentId { get; private set; }

    public async Task OnGetAsync()
    {
        Editions = await db.Editions.AsNoTracking().OrderByDescending(e => e.Id).ToListAsync();
        CurrentId = (await db.CurrentAsync())?.Id;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var budget = Input.ParseBudget(ModelState, l);
        if (!ModelState.IsValid || budget is null)
        {
            await OnGetAsync();
            return this.PageWithStatus(StatusCodes.Status400BadRequest);
        }

        var edition = await CreateAsync(budget.Value);
        return this.Done(l["Editions.Created"], new { id = edition.Id }, PageRoutes.AdminEdition);
    }

    /// <summary>The new edition with its four rounds, and its audit line in the same transaction.</summary>
    private async Task<Edition> CreateAsync(long budget)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var edition = Edition.CreateNew(Input.Name, budget, clock.GetUtcNow().UtcDateTime);
        Input.ApplyTo(edition, budget);
        db.Editions.Add(edition);
        await db.SaveChangesAsync();
        audit.Record(AuditActions.EditionCreated, "edition", edition.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{edition.Name}, € {edition.TotalBudget}");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return edition;
    }
}
