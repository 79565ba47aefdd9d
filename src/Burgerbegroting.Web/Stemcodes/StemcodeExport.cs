using System.Globalization;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Stemcodes;
using Burgerbegroting.Web.Audit;
using Burgerbegroting.Web.Infrastructure;
using Burgerbegroting.Web.Pages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Burgerbegroting.Web.Stemcodes;

public enum ExportFormat
{
    /// <summary>CSV for the print house's mail merge.</summary>
    PrintFile,

    /// <summary>PDF of ready-to-print letters.</summary>
    Letters,
}

/// <summary>
/// Makes a batch's print file or letters while its export is open (docs/stemcodes.md, "Issuing"), into a temporary
/// file that is deleted when the download is done; every download is counted and in the audit log.
/// </summary>
public sealed class StemcodeExport(AppDbContext db, StemcodeIssuer issuer, AuditLog audit, Links links, IOptions<StemcodeOptions> options, IStringLocalizer<SharedResource> text)
{
    /// <summary>An open stream of the file, deleted on close; null when the batch's export is closed.</summary>
    public async Task<Stream?> WriteAsync(Edition edition, StemcodeBatch batch, ExportFormat format, string? buurt)
    {
        if (!batch.CanExport)
        {
            return null;
        }

        var letters = new List<Letter>();
        await foreach (var (code, plain) in issuer.PlainCodesAsync(batch, buurt))
        {
            letters.Add(new Letter(plain, code.Buurt, code.Name, code.Postcode, code.HouseNumber));
        }

        var set = LetterSet(edition);
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        if (format == ExportFormat.PrintFile)
        {
            PrintFile.Write(file, set, letters);
        }
        else
        {
            LetterPdf.Write(file, set, letters, text);
        }

        file.Position = 0;
        batch.Downloads++;
        audit.Record(AuditActions.StemcodesExported, nameof(StemcodeBatch), batch.Id.ToString(CultureInfo.InvariantCulture),
            $"{format}{(buurt is null ? "" : ", " + buurt)}: {letters.Count} codes");
        await db.SaveChangesAsync();
        return file;
    }

    public LetterSet LetterSet(Edition edition) => new(
        options.Value.Municipality,
        edition.Name,
        [.. edition.Rounds.Where(r => r.Definition.HasBallot).Select(r => new LetterRound(r.Kind, r.PlannedOpen, r.PlannedClose))],
        new Uri(links.Page(PageRoutes.VoteCode)));
}
