using System.Globalization;
using System.Text;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Burgerbegroting.Web.Pages;

namespace Burgerbegroting.Web.Selection;

/// <summary>
/// Open data of a published selection round: each theme's anonymised ballots and ideas as a pabulib file (each voter
/// under the ballot's receipt code, no identities), and every idea's outcome as CSV. The tally tool reproduces the winners from
/// the pabulib file alone.
/// </summary>
public static class OpenData
{
    public static WebApplication MapOpenData(this WebApplication app)
    {
        app.MapMethods(PageRoutes.BallotsFile, PublishedFiles.Methods, BallotsAsync).WithName(PageRoutes.BallotsFileRoute);
        app.MapMethods(PageRoutes.ResultsFile, PublishedFiles.Methods, ResultsAsync).WithName(PageRoutes.ResultsFileRoute);
        return app;
    }

    private static async Task<IResult> BallotsAsync(string edition, int round, int? thema, AppDbContext db, LinkGenerator links, PublishedFiles files, HttpContext context)
    {
        if (await PublishedSelectionAsync(db, edition, round) is not { } found)
        {
            return Results.NotFound();
        }

        var (held, selection) = found;
        var themes = held.SelectionThemes().ToList();
        var theme = thema is null && themes.Count == 1 ? themes[0] : themes.SingleOrDefault(t => t.Id == thema);
        if (theme is null)
        {
            var choices = string.Join("\n", themes.Select(t => $"  {links.GetPathByName(PageRoutes.BallotsFileRoute, new { edition, round, thema = t.Id })}   {t.Name}"));
            return Results.BadRequest($"Kies een thema / choose a theme:\n{choices}\n");
        }

        return await files.ServeAsync(context, held, selection, BallotsFile(db, held, selection, theme));
    }

    private static async Task<IResult> ResultsAsync(string edition, int round, AppDbContext db, PublishedFiles files, HttpContext context) =>
        await PublishedSelectionAsync(db, edition, round) is ({ } held, { } selection)
            ? await files.ServeAsync(context, held, selection, ResultsFile(db, held, selection))
            : Results.NotFound();

    /// <summary>The files of a published selection round: one pabulib file per theme and the results.</summary>
    internal static IEnumerable<PublicFile> Files(AppDbContext db, Edition held, Round round) =>
        round.Kind != RoundKind.Selection ? [] : [.. held.SelectionThemes().Select(t => BallotsFile(db, held, round, t)), ResultsFile(db, held, round)];

    /// <summary>A theme's ballots and the ideas on them (hiding an idea later removes it: <see cref="PublicFile.ShowsIdeas"/>).</summary>
    private static PublicFile BallotsFile(AppDbContext db, Edition held, Round selection, Theme theme) =>
        new($"ballots.pb?thema={theme.Id.ToString(CultureInfo.InvariantCulture)}", () => BuildBallotsAsync(db, held, selection, theme), ShowsIdeas: true);

    /// <summary>Every idea's outcome, as stored at the close (hidden ideas included, as they were counted).</summary>
    private static PublicFile ResultsFile(AppDbContext db, Edition held, Round selection) => new("results.csv", () => BuildResultsAsync(db, held, selection));

    private static async Task<FileContent> BuildBallotsAsync(AppDbContext db, Edition held, Round selection, Theme theme)
    {
        var ideas = await db.AdmittedIdeasAsync(held.Id, theme.Id);
        // Each ballot under its receipt code, in the order of the codes (random): the file says nothing about who voted
        // when, and a voter finds their own ballot by the code they were shown (docs/secrecy.md).
        var ballots = await db.ReceiptApprovalsAsync(selection.Id, theme.Id);
        var election = SelectionElection.Build(theme, ideas, [.. ballots.Select(b => b.Ideas)], Meta(held, theme, selection), [.. ballots.Select(b => b.Receipt)]);
        var text = PabulibWriter.WriteToString(election.Election);
        return new FileContent(Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8", $"{FileNames.Slug(held.Name)}_{FileNames.Slug(theme.Name)}.pb");
    }

    private static async Task<FileContent> BuildResultsAsync(AppDbContext db, Edition held, Round selection)
    {
        var results = await db.IdeaResults.AsNoTracking().Include(r => r.Idea).Where(r => r.RoundId == selection.Id)
            .OrderBy(r => r.ThemeId).ThenByDescending(r => r.Selected).ThenBy(r => r.Step).ThenByDescending(r => r.Votes).ToListAsync();
        var themes = held.Themes.ToDictionary(t => t.Id, t => t.Name);
        var csv = new StringBuilder("idea_id;theme;title;cost;votes;selected;step;reason;remaining_at_turn;supporters_money_left\n");
        foreach (var r in results)
        {
            csv.AppendJoin(';', r.IdeaId.ToString(CultureInfo.InvariantCulture), Quote(themes[r.ThemeId]), Quote(r.Idea.Title),
                r.Cost.ToString(CultureInfo.InvariantCulture), r.Votes.ToString(CultureInfo.InvariantCulture), r.Selected ? "1" : "0",
                r.Step?.ToString(CultureInfo.InvariantCulture) ?? "", r.Reason,
                r.RemainingAtTurn?.ToString(CultureInfo.InvariantCulture) ?? "", r.SupportersMoneyLeft?.ToString(CultureInfo.InvariantCulture) ?? "");
            csv.Append('\n');
        }

        return new FileContent([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())], "text/csv; charset=utf-8", $"{FileNames.Slug(held.Name)}_uitslag.csv");
    }

    /// <summary>Open data is of the selection round only, and public once published (no provisional preview).</summary>
    private static async Task<(Edition, Round)?> PublishedSelectionAsync(AppDbContext db, string edition, int round) =>
        RoundTable.Find(round)?.Kind == RoundKind.Selection ? await db.PublishedRoundAsync(edition, RoundKind.Selection) : null;

    private static List<KeyValuePair<string, string>> Meta(Edition edition, Theme theme, Round round) =>
    [
        new("description", $"{edition.Name}, ronde {round.Number} (selectie), thema {theme.Name}"),
        new("country", "Netherlands"),
        new("unit", "Maastricht"),
        new("instance", edition.Name),
        new("subunit", theme.Name),
        new("rule", SelectionElection.Rule(edition.OutcomeRule).Name),
        new("date_begin", round.OpenedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""),
        new("date_end", round.ClosedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""),
        new("language", "nl"),
        new("comment", "project_id follows the tie-break of the app (lower cost, then earlier submission), so the default id order reproduces it; idea_id is the idea on the website"),
    ];

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
