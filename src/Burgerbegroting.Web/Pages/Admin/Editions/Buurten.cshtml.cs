using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting.Eligibility;
using Burgerbegroting.Voting.Participation;
using Burgerbegroting.Web.Audit;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Infrastructure;
using Burgerbegroting.Web.Participation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Admin.Editions;

/// <summary>The edition's area: buurten with their postcodes, typed in or imported from a CSV; fixed once round 1 opens.</summary>
public class BuurtenModel(AppDbContext db, AuditLog audit, IStringLocalizer<SharedResource> l) : PageModel
{
    private const long MaxCsvBytes = 2_000_000;

    [BindProperty]
    [Display(Name = "Buurten.Text")]
    public string? Text { get; set; }

    public Edition Edition { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await db.FindWithAllAsync(id) is not { } edition)
        {
            return NotFound();
        }

        Edition = edition;
        Text = AreaText(edition);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id) =>
        await SaveAsync(id, () => (BuurtList.ParseText(Text, out var errors), errors));

    public async Task<IActionResult> OnPostImportAsync(int id, IFormFile? csv)
    {
        if (csv is null || csv.Length == 0 || csv.Length > MaxCsvBytes)
        {
            ModelState.AddModelError(nameof(Text), l["Buurten.CsvMissing"]);
            return await SaveAsync(id, null);
        }

        using var reader = new StreamReader(csv.OpenReadStream());
        var content = await reader.ReadToEndAsync();
        return await SaveAsync(id, () => (BuurtList.ParseCsv(content, out var errors), errors));
    }

    /// <summary>Residents who may vote per buurt, for the turnout figures; not part of the outcome, so open at any time.</summary>
    public async Task<IActionResult> OnPostEligibleAsync(int id, Dictionary<int, string?>? eligible)
    {
        if (await db.FindWithAllAsync(id) is not { } edition)
        {
            return NotFound();
        }

        Edition = edition;
        if (!ReadEligible(edition, eligible ?? []))
        {
            Text = AreaText(edition);
            return this.PageWithStatus(StatusCodes.Status400BadRequest);
        }

        audit.Record(AuditActions.EligibleChanged, "edition", id.ToString(CultureInfo.InvariantCulture), string.Join("; ", edition.Buurten.Select(b => $"{b.Name}: {b.EligibleResidents?.ToString(CultureInfo.InvariantCulture) ?? "-"}")));
        await db.SaveChangesAsync();
        await FigureCache.ChangedAsync(db, id);
        TempData["Status"] = l["Buurten.EligibleSaved"].Value;
        return RedirectToPage(null, null, new { id }, "eligible");
    }

    /// <summary>Sets each buurt's number from its field; false (with a message next to each wrong field) if any is not a number.</summary>
    private bool ReadEligible(Edition edition, Dictionary<int, string?> eligible)
    {
        foreach (var buurt in edition.Buurten)
        {
            if (ResidentCount.TryParse(eligible.GetValueOrDefault(buurt.Id), out var count))
            {
                buurt.EligibleResidents = count;
            }
            else
            {
                ModelState.AddModelError(EligibleKey(buurt), l["Buurten.EligibleInvalid", buurt.Name]);
            }
        }

        return ModelState.IsValid;
    }

    /// <summary>The form field of a buurt's number of eligible residents (also its ModelState key).</summary>
    public static string EligibleKey(Buurt buurt) => $"eligible[{buurt.Id}]";

    /// <summary>What the field shows: what was typed when the form came back with errors, else the stored number.</summary>
    public string EligibleValue(Buurt buurt) =>
        ModelState.TryGetValue(EligibleKey(buurt), out var entry) && entry.AttemptedValue is { } typed ? typed
        : buurt.EligibleResidents?.ToString("N0", CultureInfo.CurrentCulture) ?? "";

    private static string AreaText(Edition edition) => string.Join("\n", edition.Buurten.Select(b => $"{b.Name}: {b.Postcodes}"));

    private async Task<IActionResult> SaveAsync(int id, Func<(IReadOnlyList<BuurtDefinition>, IReadOnlyList<BuurtListError>)>? parse)
    {
        if (await db.FindWithAllAsync(id) is not { } edition)
        {
            return NotFound();
        }

        Edition = edition;
        if (edition.SettingsLocked)
        {
            return BadRequest();
        }

        var (list, errors) = parse is null ? ([], []) : parse();
        foreach (var error in errors)
        {
            ModelState.AddModelError(nameof(Text), l["Buurten.LineError", error.Line, error.Text]);
        }

        if (parse is not null && list.Count == 0 && errors.Count == 0)
        {
            ModelState.AddModelError(nameof(Text), l["Buurten.Empty"]);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        edition.Buurten.Clear();
        edition.Buurten.AddRange(list.Select(b => new Buurt { Name = b.Name, Postcodes = b.Postcodes }));
        audit.Record(AuditActions.BuurtenChanged, "edition", id.ToString(CultureInfo.InvariantCulture), string.Join("; ", list.Select(b => $"{b.Name}: {b.Postcodes}")));
        await db.SaveChangesAsync();
        TempData["Status"] = l["Buurten.Saved", list.Count].Value;
        return RedirectToPage(new { id });
    }
}
