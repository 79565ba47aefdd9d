using System.Globalization;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Events;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Paper;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Editions.Demo;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Burgerbegroting.Web.Tests.Results.ReportReading;

namespace Burgerbegroting.Web.Tests.Results;

/// <summary>
/// The edition report of the demo edition once every round is published (docs/participation.md, "The edition report"):
/// each section holds the numbers a count written here, apart, gives from the raw rows — ballots, entries, ideas, codes,
/// check-ins, sheets — on SQLite and PostgreSQL; and the PDF reads back.
/// </summary>
public sealed class DemoReportTests
{
    private static readonly CultureInfo Dutch = new("nl-NL");

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task The_report_of_the_finished_demo_has_every_section_with_the_numbers_of_an_independent_count(TestDatabase database)
    {
        await using var app = await DemoAsync(database);
        var expected = await app.WithDbAsync(CountAsync);

        var results = await app.ResultsUrlAsync();
        var page = await app.CreateBrowserlessClient().GetDocumentAsync($"{results}/verslag");

        Assert.Equal($"Verslag: {expected.Edition}", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal($"Verslag: {expected.Edition} · Burgerbegroting", page.Title);
        Assert.Equal(["verloop", "ronde-1", "ronde-2", "ronde-3", "ronde-4", "besluiten", "nacontrole"],
            page.QuerySelectorAll("article > section").Select(s => s.GetAttribute("aria-labelledby")));
        var timeline = Rows(page, "verloop-rondes");
        Assert.Equal(4, timeline.Count);
        Assert.All(timeline, row => Assert.DoesNotContain("—", row, StringComparison.Ordinal));

        // Round 1: approvals per theme, the five with the most go through (most first; the order of equal votes is the rank's).
        Assert.Equal(expected.Round1.Order(), Rows(page, "ronde-1-themas").Order());
        Assert.Equal(expected.Round1[0], Rows(page, "ronde-1-themas")[0]);
        // Round 2: the mean share and the budget of each theme; they add up to the total.
        Assert.Equal(expected.Round2.Order(), Rows(page, "ronde-2-geld").Order());
        Assert.Equal(expected.Round2[^1], Rows(page, "ronde-2-geld")[^1]);
        // Round 3: the ideas in figures.
        Assert.Contains(expected.Ideas, Section(page, "ronde-3"), StringComparison.Ordinal);
        // Round 4: the money per theme and, per theme, the winners in the order the rule took them.
        Assert.Equal(expected.Money, Rows(page, "ronde-4-geld"));
        foreach (var (theme, winners) in expected.Winners)
        {
            Assert.Equal(winners, Rows(page, $"ronde-4-thema-{theme}"));
        }

        Assert.Contains("Regel: Meeste stemmen (wat past binnen het budget).", Section(page, "ronde-4"), StringComparison.Ordinal);
        // Who took part, per round, small groups as "< 10".
        foreach (var (round, rows) in expected.Buurten)
        {
            Assert.Equal(rows.Order(), Rows(page, $"ronde-{round}-buurten").Order());
            Assert.Equal(expected.Channels[round], Rows(page, $"ronde-{round}-kanalen")[^1]);
        }

        // Staff's decisions from the audit log: the refused ideas with their reason, the disputed sheets decided.
        var decisions = Section(page, "besluiten");
        Assert.All(expected.Refused, title => Assert.Contains($"„{title}” is niet toegelaten. Reden: ", decisions, StringComparison.Ordinal));
        Assert.Equal(expected.DecidedSheets, page.QuerySelectorAll("section[aria-labelledby='besluiten-papier'] li").Length);
        Assert.DoesNotContain("@", decisions, StringComparison.Ordinal);

        // How to re-check: the open data of every theme and the tally tool with the edition's rule.
        var links = page.QuerySelectorAll("section[aria-labelledby='nacontrole'] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"{results}/4/results.csv", .. expected.Winners.Keys.Select(id => $"{results}/4/ballots.pb?thema={id}")], links);
        Assert.Equal("dotnet run --project src/Burgerbegroting.Tally -c Release -- BESTAND.pb --rule greedy-cost", page.QuerySelector("pre")!.TextContent);
    }

    [Fact]
    public async Task The_pdf_opens_and_its_text_reads_back_the_title_the_theme_budgets_and_the_winners()
    {
        await using var app = await DemoAsync(TestDatabase.Sqlite);
        var expected = await app.WithDbAsync(CountAsync);
        var results = await app.ResultsUrlAsync();
        var response = await app.CreateBrowserlessClient().GetAsync($"{results}/verslag.pdf");
        Assert.Equal($"BurgerbegrotingMaastricht{DateTime.UtcNow.Year}_verslag.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);

        var pdf = await ReportReading.PdfAsync(app.CreateBrowserlessClient(), $"{results}/verslag.pdf");
        var lines = PdfLines(pdf);

        Assert.Equal($"Verslag: {expected.Edition}", lines[0]);
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            Assert.Equal($"Verslag: {expected.Edition}", document.Information.Title);
            Assert.True(document.NumberOfPages > 3, $"{document.NumberOfPages} pages");
            Assert.Equal($"Verslag: {expected.Edition} · pagina 1 van {document.NumberOfPages}", lines.First(l => l.Contains("pagina 1 van", StringComparison.Ordinal)));
        }

        foreach (var row in expected.Round2.Select(r => r.Replace(" | ", " ", StringComparison.Ordinal)))
        {
            Assert.Contains(row, lines);
        }

        var text = Squeeze(string.Join(' ', lines));
        foreach (var winner in expected.WinnerTitles)
        {
            Assert.Contains(Squeeze(winner), text, StringComparison.Ordinal);
        }

        Assert.Contains($"http://localhost{results}/4/results.csv", lines);
    }

    private static async Task<AppFactory> DemoAsync(TestDatabase database)
    {
        var app = new AppFactory(database);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoEdition>().SeedAsync(DemoStage.Done);
        return app;
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private sealed record Expected(
        string Edition, List<string> Round1, List<string> Round2, string Ideas, List<string> Money, Dictionary<int, List<string>> Winners,
        List<string> WinnerTitles, Dictionary<int, List<string>> Buurten, Dictionary<int, string> Channels, List<string> Refused, int DecidedSheets);

    /// <summary>Everything counted by hand from the raw rows, as the report should show it in Dutch.</summary>
    private static async Task<Expected> CountAsync(AppDbContext db)
    {
        var edition = await db.Editions.AsNoTracking().Include(e => e.Rounds).Include(e => e.Themes).Include(e => e.Buurten).SingleAsync();
        var rounds = edition.Rounds.ToDictionary(r => r.Number, r => r.Id);
        var entries = await (from e in db.BallotEntries.AsNoTracking()
                             join b in db.Ballots on e.BallotId equals b.Id
                             select new { b.RoundId, e.ThemeId, e.IdeaId, e.Value }).ToListAsync();
        var ballots = await db.Ballots.AsNoTracking().GroupBy(b => b.RoundId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var themes = edition.Themes.ToDictionary(t => t.Id);

        // Round 1: approvals per theme, most first; the top N go through.
        var votes = entries.Where(e => e.RoundId == rounds[1]).GroupBy(e => e.ThemeId).ToDictionary(g => g.Key, g => g.Count());
        var ranked = themes.Values.OrderByDescending(t => votes.GetValueOrDefault(t.Id)).ToList();
        var round1 = ranked.Select((t, i) => $"{t.Name} | {votes.GetValueOrDefault(t.Id)} | {(i < edition.ThemesToSelect ? "Gekozen" : "Niet gekozen")}").ToList();

        // Round 2: the mean share over the ballots, and the budgets by the largest remainder.
        var sums = entries.Where(e => e.RoundId == rounds[2]).GroupBy(e => e.ThemeId).ToDictionary(g => g.Key, g => g.Sum(e => (long)e.Value));
        var count2 = ballots[rounds[2]];
        var chosen = sums.Keys.OrderByDescending(id => sums[id]).ToList();
        var budgets = LargestRemainder(edition.TotalBudget, chosen.Select(id => sums[id]).ToList(), 100L * count2);
        var round2 = chosen.Select((id, i) => $"{themes[id].Name} | {((decimal)sums[id] / count2).ToString("0.0", Dutch)}% | {Euro(budgets[i])}").ToList();
        round2.Add($"Totaal | 100% | {Euro(edition.TotalBudget)}");

        // Round 3: ideas by review, hidden ones left out.
        var ideas = await db.Ideas.AsNoTracking().Where(i => !i.Hidden).ToListAsync();
        var ideasText = $"{ideas.Count} ideeën ingediend: {ideas.Count(i => i.Status == IdeaStatus.Admitted)} toegelaten, {ideas.Count(i => i.Status == IdeaStatus.NotAdmitted)} niet toegelaten";

        // Round 4: votes per idea from the ballots; per theme the most votes first, each taken if it still fits.
        Assert.Equal(OutcomeRuleKind.Greedy, edition.OutcomeRule);
        var ideaVotes = entries.Where(e => e.RoundId == rounds[4] && e.IdeaId != null).GroupBy(e => e.IdeaId!.Value).ToDictionary(g => g.Key, g => g.Count());
        var winners = new Dictionary<int, List<string>>();
        var money = new List<string>();
        var titles = new List<string>();
        var allSpent = 0L;
        foreach (var theme in themes.Values.Where(t => t.Budget is not null).OrderBy(t => t.Position))
        {
            var left = theme.Budget!.Value;
            var taken = new List<Idea>();
            foreach (var idea in ideas.Where(i => i.ThemeId == theme.Id && i.Status == IdeaStatus.Admitted)
                .OrderByDescending(i => ideaVotes.GetValueOrDefault(i.Id)).ThenBy(i => i.FinalCost).ThenBy(i => i.CreatedAt))
            {
                if (idea.FinalCost <= left)
                {
                    taken.Add(idea);
                    left -= idea.FinalCost!.Value;
                }
            }

            var spent = taken.Sum(i => i.FinalCost!.Value);
            winners[theme.Id] = [.. taken.Select(i => $"{i.Title} | {ideaVotes.GetValueOrDefault(i.Id)} | {Euro(i.FinalCost!.Value)}"), $"Totaal |  | {Euro(spent)}"];
            money.Add($"{theme.Name} | {Euro(theme.Budget.Value)} | {Euro(spent)} | {Euro(left)} | {taken.Count}");
            titles.AddRange(taken.Select(i => i.Title));
            allSpent += spent;
        }

        money.Add($"Totaal | {Euro(edition.TotalBudget)} | {Euro(allSpent)} | {Euro(edition.TotalBudget - allSpent)} | {titles.Count}");

        // Who took part in each voting round: online ballots by their code, paper voters by their check-in.
        var codes = await db.VotingCodes.AsNoTracking().ToListAsync();
        var byVoter = codes.ToDictionary(c => c.VoterId);
        var byId = codes.ToDictionary(c => c.Id);
        var eligible = codes.Where(c => c.RevokedAt == null).GroupBy(c => c.Buurt).ToDictionary(g => g.Key, g => g.Count());
        var buurten = new Dictionary<int, List<string>>();
        var channels = new Dictionary<int, string>();
        foreach (var number in new[] { 1, 2, 4 })
        {
            var online = await db.Participations.AsNoTracking().Where(p => p.RoundId == rounds[number] && p.Channel != BallotChannel.Paper).Select(p => p.VoterId).ToListAsync();
            var checkIns = await db.EventCheckIns.AsNoTracking().Where(c => c.RoundId == rounds[number]).Select(c => c.VotingCodeId!.Value).ToListAsync();
            var people = online.Select(v => byVoter[v].Buurt).Concat(checkIns.Select(id => byId[id].Buurt)).GroupBy(b => b).ToDictionary(g => g.Key, g => g.Count());
            var rows = edition.Buurten.OrderBy(b => b.Name, StringComparer.Ordinal).Select(b => BuurtRow(b.Name, people.GetValueOrDefault(b.Name), eligible.GetValueOrDefault(b.Name))).ToList();
            rows.Add(BuurtRow("Totaal", people.Values.Sum(), eligible.Values.Sum()));
            buurten[number] = rows;
            var invalid = await db.PaperSheets.CountAsync(s => s.RoundId == rounds[number] && s.Status == SheetStatus.Invalid);
            channels[number] = $"Totaal | {(ballots[rounds[number]] + invalid).ToString("N0", Dutch)}";
        }

        var refused = ideas.Where(i => i.Status == IdeaStatus.NotAdmitted).Select(i => i.Title).ToList();
        var decided = await db.PaperSheets.CountAsync(s => s.DecidedBy != null);
        return new Expected(edition.Name, round1, round2, ideasText, money, winners, titles, buurten, channels, refused, decided);
    }

    /// <summary>A buurt's row as the public reads it: fewer than 10 people, and the turnout from them, hidden.</summary>
    private static string BuurtRow(string name, int people, int eligible) =>
        people < 10
            ? $"{name} | < 10 | {eligible.ToString("N0", Dutch)} | verborgen"
            : $"{name} | {people.ToString("N0", Dutch)} | {eligible.ToString("N0", Dutch)} | {(100.0 * people / eligible).ToString("0.0", Dutch)}%";

    private static string Euro(long euros) => "€ " + euros.ToString("#,0", Dutch);

    /// <summary>Whole euros of total × share, the leftover euros to the largest fractions (docs/rules.md, round 2).</summary>
    private static List<long> LargestRemainder(long total, List<long> sums, long all)
    {
        var whole = sums.Select(s => total * s / all).ToList();
        var order = sums.Select((s, i) => (Fraction: total * s % all, Index: i)).OrderByDescending(x => x.Fraction).ThenBy(x => x.Index).ToList();
        var leftover = total - whole.Sum();
        for (var k = 0; k < leftover; k++)
        {
            whole[order[k].Index]++;
        }

        return whole;
    }
}
