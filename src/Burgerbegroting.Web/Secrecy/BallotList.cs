using System.Globalization;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Infrastructure;
using Burgerbegroting.Web.Pages;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Secrecy;

/// <summary>
/// Open data of a published voting round: every ballot with its receipt code, one line per chosen theme, percentage
/// or idea (docs/secrecy.md). A voter finds their own ballot by the code they were shown; nobody else can tell whose
/// a code is. Sorted by code, so the order says nothing about when ballots came in. A ballot without lines (round 4
/// allows one) has one line with only its code.
/// </summary>
public static class BallotList
{
    public static WebApplication MapBallotList(this WebApplication app)
    {
        app.MapMethods(PageRoutes.BallotListFile, PublishedFiles.Methods, ListAsync).WithName(PageRoutes.BallotListFileRoute);
        return app;
    }

    private static async Task<IResult> ListAsync(string edition, int round, AppDbContext db, PublishedFiles files, HttpContext context)
    {
        var kind = RoundTable.Find(round);
        if (kind is not { HasBallot: true } || await db.PublishedRoundAsync(edition, kind.Kind) is not { } found)
        {
            return Results.NotFound();
        }

        var (held, current) = found;
        return await files.ServeAsync(context, held, current, File(db, held, current));
    }

    /// <summary>The list of a published round with a ballot (none for the ideas round).</summary>
    internal static IEnumerable<PublicFile> Files(AppDbContext db, Edition held, Round round) =>
        round.Definition.HasBallot ? [File(db, held, round)] : [];

    private static PublicFile File(AppDbContext db, Edition held, Round round) => new("stembiljetten.csv", () => BuildAsync(db, held, round));

    private static async Task<FileContent> BuildAsync(AppDbContext db, Edition held, Round current)
    {
        var ballots = await db.Ballots.AsNoTracking().Where(b => b.RoundId == current.Id).Include(b => b.Entries)
            .Select(b => new { b.ReceiptCode, b.Entries }).ToListAsync();
        var themes = held.Themes.ToDictionary(t => t.Id, t => t.Name);
        using var output = new MemoryStream();
        using (var csv = CsvWriter.Create(output, Participation.FigureCsv.Options, leaveOpen: true))
        {
            csv.WriteRecord(["receipt_code", "theme_id", "theme", "idea_id", "value"]);
            foreach (var ballot in ballots.OrderBy(b => b.ReceiptCode, StringComparer.Ordinal))
            {
                if (ballot.Entries.Count == 0)
                {
                    csv.WriteRecord([ballot.ReceiptCode, "", "", "", ""]);
                }

                foreach (var entry in ballot.Entries.OrderBy(e => e.ThemeId).ThenBy(e => e.IdeaId))
                {
                    csv.WriteRecord([ballot.ReceiptCode, Number(entry.ThemeId), themes.GetValueOrDefault(entry.ThemeId, ""), entry.IdeaId is { } idea ? Number(idea) : "", Number(entry.Value)]);
                }
            }

            csv.Flush();
        }

        return new FileContent(output.ToArray(), "text/csv; charset=utf-8", $"{FileNames.Slug(held.Name)}_ronde-{current.Number}_stembiljetten.csv");
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
