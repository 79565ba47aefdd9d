using System.Globalization;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Web.Audit;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Admin.Editions;

/// <summary>
/// Making an edition the one residents see, after a page that says what will happen (a final staff action). Refused
/// while the current edition's voting runs: a new edition never stops an open vote (docs/product.md, "Editions").
/// </summary>
public class MakeCurrentModel(AppDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public Edition Edition { get; private set; } = null!;

    /// <summary>The edition residents see now; null when there is none yet.</summary>
    public Edition? Current { get; private set; }

    public bool IsCurrent => Current?.Id == Edition.Id;

    /// <summary>Why it cannot be done now, or null.</summary>
    public string? Refusal => IsCurrent ? l["Editions.AlreadyCurrent"].Value : Current is { IsRunning: true } ? l["Editions.CurrentIsRunning", Current.Name].Value : null;

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (Refusal is not null)
        {
            return this.PageWithStatus(StatusCodes.Status409Conflict);
        }

        Edition.MakeCurrent(clock.GetUtcNow().UtcDateTime);
        audit.Record(AuditActions.EditionMadeCurrent, "edition", id.ToString(CultureInfo.InvariantCulture),
            Current is null ? Edition.Name : $"{Edition.Name} (was: {Current.Name})");
        await db.SaveChangesAsync();
        return this.Done(l["Editions.MadeCurrent", Edition.Name], new { id }, PageRoutes.AdminEdition);
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await db.FindWithAllAsync(id) is not { } edition)
        {
            return false;
        }

        (Edition, Current) = (edition, await db.CurrentAsync());
        return true;
    }
}
