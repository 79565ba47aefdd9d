using System.Globalization;
using Burgerbegroting.Data;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Infrastructure;
using Burgerbegroting.Web.Infrastructure.Startup;
using Burgerbegroting.Web.Infrastructure.Localization;
using Burgerbegroting.Web.Pages;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Participation;

public static class ParticipationSetup
{
    /// <summary>Who took part (docs/participation.md): figures per round, live for staff, public once published; the edition report.</summary>
    public static WebApplicationBuilder AddParticipation(this WebApplicationBuilder builder)
    {
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<FigureCache>();
        builder.Services.AddScoped<ParticipationFigures>();
        builder.Services.AddScoped<EditionReports>();
        builder.Services.AddScoped<ReportWriter>();
        return builder;
    }

    /// <summary>
    /// Every figures table as CSV: the public one of a published round (small groups suppressed), and staff's exact one;
    /// the edition report as PDF.
    /// </summary>
    public static WebApplication MapParticipation(this WebApplication app)
    {
        app.MapGet(PageRoutes.EditionReportFile, ReportPdfAsync).WithName(PageRoutes.EditionReportFileRoute);
        app.MapGet(PageRoutes.ParticipationFile, PublicCsvAsync).WithName(PageRoutes.ParticipationFileRoute);
        app.MapGet(PageRoutes.StaffParticipationFile, StaffCsvAsync).WithName(PageRoutes.StaffParticipationFileRoute).RequireAuthorization(Policies.Staff);
        return app;
    }

    private static async Task<IResult> PublicCsvAsync(string edition, int round, string table, AppDbContext db, ParticipationFigures figures)
    {
        var kind = RoundTable.Find(round)?.Kind;
        if (kind is null || await db.PublishedRoundAsync(edition, kind.Value) is not { } found)
        {
            return Results.NotFound();
        }

        return Csv(await figures.LoadAsync(found.Edition, found.Round, forPublic: true), table, found.Edition.Name);
    }

    private static async Task<IResult> StaffCsvAsync(int id, int round, string table, AppDbContext db, ParticipationFigures figures)
    {
        var edition = await db.FindWithAllAsync(id);
        var found = edition?.Rounds.FirstOrDefault(r => r.Number == round);
        if (edition is null || found is null || found.Status == RoundStatus.Planned)
        {
            return Results.NotFound();
        }

        return Csv(await figures.LoadAsync(edition, found, forPublic: false), table, edition.Name);
    }

    /// <summary>
    /// The report in the request's language, once a round is published. The PDF is kept by what it says (a fingerprint of
    /// its text), so a repeat download costs no drawing and any change to the report makes a new one.
    /// </summary>
    private static async Task<IResult> ReportPdfAsync(string edition, AppDbContext db, EditionReports reports, ReportWriter writer, Links links, FigureCache cache, IStringLocalizer<SharedResource> l)
    {
        if (await db.BySlugAsync(edition, staff: false) is not { } found || await reports.LoadAsync(found) is not { } report)
        {
            return Results.NotFound();
        }

        var document = writer.Write(report);
        var language = CultureInfo.CurrentUICulture.Name;
        var pdf = await cache.GetOrAddAsync(("report-pdf", language, document.Fingerprint()), () => Task.FromResult(
            ReportPdf.Write(document, links.Absolute, language, (page, pages) => l["Report.PdfFooter", document.Title, page, pages])));
        return Results.File(pdf, "application/pdf", document.FileName);
    }

    private static IResult Csv(FigureSection section, string slug, string editionName) =>
        section.Table(slug) is { } table
            ? Results.File(FigureCsv.Write(table), "text/csv; charset=utf-8", $"{FileNames.Slug(editionName)}_ronde{section.Round.Number}_{slug}.csv")
            : Results.NotFound();
}
