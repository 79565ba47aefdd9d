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

    /// <summary>An earlier edition the new one starts from (its settings fill the form; its buurten and themes are copied).</summary>
    [BindProperty(SupportsGet = true)]
    public int? CopyFrom { get; set; }

    public IReadOnlyList<Edition> Editions { get; private set; } = [];

    public Edition? Source => Editions.FirstOrDefault(e => e.Id == CopyFrom);

    /// <summary>The edition residents see, or null.</summary>
    public int? CurrentId { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (Source is { } source)
        {
            Input = EditionInput.StartFrom(source);
        }
    }

    private async Task LoadAsync()
    {
        Editions = await db.Editions.AsNoTracking().OrderByDescending(e => e.Id).ToListAsync();
        CurrentId = await db.CurrentIdAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var budget = Input.ParseBudget(ModelState, l);
        var slug = await Input.SlugAsync(db, null, clock.GetUtcNow().UtcDateTime, ModelState, l);
        if (!ModelState.IsValid || budget is null || slug is null)
        {
            await LoadAsync();
            return this.PageWithStatus(StatusCodes.Status400BadRequest);
        }

        var edition = await CreateAsync(budget.Value, slug, CopyFrom is { } id ? await db.FindWithAllAsync(id) : null);
        return this.Done(l["Editions.Created"], new { id = edition.Id }, PageRoutes.AdminEdition);
    }

    /// <summary>The new edition with its four rounds (and what it copies from an earlier one), and its audit line in the same transaction.</summary>
    private async Task<Edition> CreateAsync(long budget, string slug, Edition? source)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var edition = Edition.CreateNew(Input.Name, budget, clock.GetUtcNow().UtcDateTime);
        Input.ApplyTo(edition, budget);
        edition.Slug = slug;
        if (source is not null)
        {
            edition.CopyAreaAndThemesFrom(source);
        }

        db.Editions.Add(edition);
        await db.SaveChangesAsync();
        var copied = source is null ? "" : $", {source.Buurten.Count} buurten + {source.Themes.Count} themes from {source.Name}";
        audit.Record(AuditActions.EditionCreated, "edition", edition.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{edition.Name} (/{slug}), € {edition.TotalBudget}{copied}");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return edition;
    }
}
