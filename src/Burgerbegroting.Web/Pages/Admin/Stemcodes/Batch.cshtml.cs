using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Stemcodes;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Infrastructure;
using Burgerbegroting.Web.Stemcodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Admin.Stemcodes;

/// <summary>
/// One batch of codes: download its print file and letters (per buurt) while the export is open, then close the
/// export, which erases the means to show the codes again (docs/stemcodes.md, "Issuing").
/// </summary>
public class BatchModel(AppDbContext db, StemcodeIssuer issuer, StemcodeExport export, IStringLocalizer<SharedResource> l) : PageModel
{
    public Edition Edition { get; private set; } = null!;
    public StemcodeBatch Batch { get; private set; } = null!;

    /// <summary>The batch's active codes per buurt, as the letters are split.</summary>
    public IReadOnlyList<(string Buurt, int Count)> PerBuurt { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int batch) => await LoadAsync(id, batch) ? Page() : NotFound();

    public Task<IActionResult> OnGetPrintFileAsync(int id, int batch) => DownloadAsync(id, batch, ExportFormat.PrintFile, null);

    public Task<IActionResult> OnGetLettersAsync(int id, int batch, string? buurt) => DownloadAsync(id, batch, ExportFormat.Letters, buurt);

    public async Task<IActionResult> OnPostCloseAsync(int id, int batch, bool confirmed)
    {
        if (!await LoadAsync(id, batch))
        {
            return NotFound();
        }

        if (!ModelState.Require(confirmed, "confirmed", l["Stemcodes.ConfirmClose.Required"]))
        {
            return this.PageWithStatus(StatusCodes.Status400BadRequest);
        }

        return await issuer.CloseExportAsync(Batch) ? this.Done(l["Stemcodes.Closed"], new { id, batch })
            : this.Done(l["Stemcodes.AlreadyClosed"], new { id, batch });
    }

    private async Task<IActionResult> DownloadAsync(int id, int batch, ExportFormat format, string? buurt)
    {
        if (!await LoadAsync(id, batch) || buurt is not null && PerBuurt.All(b => b.Buurt != buurt))
        {
            return NotFound();
        }

        if (await export.WriteAsync(Edition, Batch, format, buurt) is not { } file)
        {
            ModelState.AddModelError(string.Empty, l["Stemcodes.ExportClosedError"]);
            return this.PageWithStatus(StatusCodes.Status410Gone);
        }

        var name = $"stemcodes-reeks-{Batch.Id}{(buurt is null ? "" : "-" + buurt)}";
        return format == ExportFormat.PrintFile ? File(file, "text/csv; charset=utf-8", name + ".csv") : File(file, "application/pdf", name + ".pdf");
    }

    private async Task<bool> LoadAsync(int id, int batch)
    {
        if (await db.FindWithAllAsync(id) is not { } edition
            || await db.StemcodeBatches.SingleOrDefaultAsync(b => b.Id == batch && b.EditionId == id) is not { } found)
        {
            return false;
        }

        Edition = edition;
        Batch = found;
        var counts = await db.VotingCodes.Where(c => c.BatchId == batch && c.RevokedAt == null).GroupBy(c => c.Buurt)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        PerBuurt = [.. counts.OrderBy(c => c.Key, StringComparer.CurrentCulture).Select(c => (c.Key, c.Count))];
        return true;
    }
}
