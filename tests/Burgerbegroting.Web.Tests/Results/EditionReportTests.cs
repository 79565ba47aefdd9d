using System.Globalization;
using System.Net;
using System.Text;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Events;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Paper;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Ideas;
using Burgerbegroting.Web.Stemcodes;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Events;
using Burgerbegroting.Web.Tests.Infrastructure;
using Burgerbegroting.Web.Tests.Stemcodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Burgerbegroting.Web.Tests.Results.ReportReading;
using Ballot = Burgerbegroting.Data.Editions.Ballot;

namespace Burgerbegroting.Web.Tests.Results;

/// <summary>
/// The edition report of a small accounts edition (docs/participation.md, "The edition report"): small groups as
/// "&lt; 10" on the page, in the CSV and in the PDF; staff's decisions from the audit log; nothing before publication;
/// English; and the figures kept after publication until staff change what they depend on.
/// </summary>
public sealed class EditionReportTests : IAsyncLifetime
{
    private const string Staff = "medewerker@example.nl";
    private const string TieNote = "Geloot in het bijzijn van de notaris.";
    private readonly AppFactory _app = new();
    private HttpClient _visitor = null!;

    public async ValueTask InitializeAsync()
    {
        await _app.CreateEditionAsync(n: 2);
        await _app.CreateAsync(Staff, Roles.Staff);
        _visitor = _app.CreateBrowserlessClient();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>
    /// Round 1 with 13 voters in Centrum, 3 in Malberg and 1 outside the area, and two residents on an event's attendance
    /// list (Ria from Malberg, Piet from Centrum) who voted on paper, with an invalid third sheet: Malberg has 4
    /// participants. Everyone chose Groen en spelen; Verkeersveiligheid and Ontmoeten got 8 votes each for the one seat
    /// left, and staff chose Verkeersveiligheid.
    /// </summary>
    private async Task PublishRoundOneWithATieAsync()
    {
        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.OpenAsync(id)));
        var themes = await _app.ThemeIdsAsync();
        var voters = Enumerable.Repeat(("6211AB", 1990), 12).Append(("6212CD", 2005)).Concat(Enumerable.Repeat(("6214AA", 1950), 3)).Append(("9999ZZ", 1980)).ToList();
        var ev = await _app.CreateEventAsync("Wijkavond", 1);
        await _app.WithDbAsync(async db =>
        {
            var round = await db.Rounds.SingleAsync(r => r.Number == 1);
            for (var i = 0; i < voters.Count; i++)
            {
                var user = new AppUser { UserName = $"kiezer{i}@example.nl", Email = $"kiezer{i}@example.nl", Kind = AccountKind.Resident, Postcode = voters[i].Item1, BirthYear = voters[i].Item2, CreatedAt = DateTime.UtcNow };
                db.Users.Add(user);
                AddBallot(db, round.Id, user.Id, BallotChannel.Account, i < 8 ? [themes[0], themes[1]] : i < 16 ? [themes[0], themes[2]] : [themes[0]]);
            }

            AddBallot(db, round.Id, Guid.NewGuid().ToString(), BallotChannel.Paper, [themes[0]]);
            AddBallot(db, round.Id, Guid.NewGuid().ToString(), BallotChannel.Paper, [themes[0]]);
            db.EventCheckIns.AddRange(
                new EventCheckIn { EventId = ev, RoundId = round.Id, AttendeeName = "Ria Dassen", AttendeePostcode = "6214BB", At = DateTime.UtcNow, By = Staff },
                new EventCheckIn { EventId = ev, RoundId = round.Id, AttendeeName = "Piet Bours", AttendeePostcode = "6211ZZ", At = DateTime.UtcNow, By = Staff });
            return await db.SaveChangesAsync();
        });
        await _app.SeedSheetsAsync(ev, SheetStatus.Invalid);
        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.CloseAsync(id)));
        Assert.Equal(TransitionError.TieUnresolved, await _app.StepAsync(1, (l, id) => l.PublishAsync(id)));
        Assert.True(await StaffAsync<RoundLifecycle, bool>(async lifecycle => await lifecycle.ResolveTieAsync(await _app.RoundIdAsync(1), [themes[1]], TieNote)));
        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.PublishAsync(id)));
    }

    private static void AddBallot(Burgerbegroting.Data.AppDbContext db, int round, string voter, BallotChannel channel, int[] themes) =>
        TestBallots.Add(db, round, voter, channel, themes.Select(t => new BallotEntry { ThemeId = t, Value = 1 }));

    /// <summary>A service in a scope, as a signed-in staff action would use it.</summary>
    private async Task<T> StaffAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    [Fact]
    public async Task A_group_under_ten_reads_fewer_than_ten_on_the_page_in_the_csv_and_in_the_pdf_and_its_number_nowhere()
    {
        await PublishRoundOneWithATieAsync();

        var page = await _visitor.GetDocumentAsync("/2027/uitslag/verslag");
        var pdf = PdfLines(await PdfAsync(_visitor));

        Assert.Equal(["Centrum | 14 | onbekend | —", "Malberg | < 10 | onbekend | —", "Buiten de buurten of onbekend | < 10 | onbekend | —", "Totaal | 19 | onbekend | —"],
            Rows(page, "ronde-1-buurten"));
        Assert.Equal(["16–24 | < 10", "25–34 | < 10", "35–44 | 12", "45–54 | < 10", "55–64 | < 10", "65–74 | < 10", "75+ | < 10", "Onbekend | < 10", "Totaal | 19"],
            Rows(page, "ronde-1-leeftijden"));
        Assert.Contains("Papier | < 10", Rows(page, "ronde-1-kanalen"));

        var csvHref = page.QuerySelector("section[aria-labelledby='ronde-1-buurten'] a[download]")!.GetAttribute("href");
        Assert.Equal("/2027/uitslag/1/deelname/buurten.csv", csvHref);
        Assert.Equal("buurt;people;eligible;turnout_percent\nCentrum;14;;\nMalberg;<10;;\nBuiten de buurten of onbekend;<10;;\ntotal;19;;\n", await CsvAsync(csvHref!));

        Assert.Equal(["Malberg < 10 onbekend —"], pdf.Where(l => l.StartsWith("Malberg", StringComparison.Ordinal)));
        Assert.Equal(["75+ < 10"], pdf.Where(l => l.StartsWith("75+", StringComparison.Ordinal)));
        Assert.Contains("Papier < 10", pdf);
        Assert.Contains("Centrum 14 onbekend —", pdf);
        // Malberg's 4 people and the 3 paper sheets (2 valid, 1 invalid) appear in no row of the page or the PDF.
        var rows = Rows(page, "ronde-1-buurten").Concat(Rows(page, "ronde-1-kanalen")).Concat(Rows(page, "ronde-1-leeftijden")).ToList();
        Assert.DoesNotContain(rows, r => r.EndsWith("| 4", StringComparison.Ordinal) || r.Contains("| 4 |", StringComparison.Ordinal) || r.EndsWith("| 2", StringComparison.Ordinal) || r.EndsWith("| 1", StringComparison.Ordinal));
        Assert.DoesNotContain(pdf, l => l.StartsWith("Malberg 4", StringComparison.Ordinal) || l.StartsWith("Papier 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Staff_decisions_come_from_the_audit_log_with_their_reasons_and_without_anyone_s_name()
    {
        await PublishRoundOneWithATieAsync();
        var first = await _visitor.GetDocumentAsync("/2027/uitslag/verslag");
        Assert.Null(first.QuerySelector("section[aria-labelledby='besluiten-stemcodes']"));

        // A lost letter after publication: its code is revoked and the report says so at once (no names, no address).
        var codes = await _app.IssueCodesAsync(holders: [new CodeHolder("Malberg", "6214AA", "12", "Ria Dassen", 1950)], kind: Burgerbegroting.Data.Stemcodes.StemcodeBatchKind.Register);
        var codeId = (await _app.CodeRowAsync(codes[0])).Id;
        var (revoked, _) = await StaffAsync<StemcodeIssuer, (bool, Burgerbegroting.Data.Stemcodes.StemcodeBatch?)>(async issuer =>
            await issuer.RevokeAsync(await _app.WithDbAsync(db => db.Editions.Include(e => e.Rounds).SingleAsync()), codeId, replace: false, Staff));
        Assert.True(revoked);

        var page = await _visitor.GetDocumentAsync("/2027/uitslag/verslag");
        var pdf = Squeeze(string.Join(' ', PdfLines(await PdfAsync(_visitor))));

        Assert.Equal(["Groen en spelen | 19 | Gekozen", "Verkeersveiligheid | 8 | Gekozen na gelijke stand", "Ontmoeten | 8 | Niet gekozen na gelijke stand"],
            Rows(page, "ronde-1-themas").Take(3));
        var today = DateTime.UtcNow.ToLocalTime().ToString("d MMMM yyyy", new CultureInfo("nl-NL"));
        var tie = $"{today}: Verkeersveiligheid, Ontmoeten eindigden gelijk op de laatste plaats; de gemeente koos Verkeersveiligheid. Toelichting: {TieNote}";
        Assert.Equal([tie], page.QuerySelectorAll("section[aria-labelledby='besluiten-gelijk'] li").Select(li => li.TextContent.Trim()));
        Assert.Equal([$"{today}: een stemcode is ingetrokken (een verloren of gestolen brief); een stem ermee in een open ronde is vervallen."],
            page.QuerySelectorAll("section[aria-labelledby='besluiten-stemcodes'] li").Select(li => li.TextContent.Trim()));
        Assert.Contains(Squeeze(tie), pdf, StringComparison.Ordinal);
        Assert.Contains(Squeeze("een stemcode is ingetrokken"), pdf, StringComparison.Ordinal);
        var text = page.QuerySelector("main")!.TextContent;
        foreach (var personal in new[] { "Ria", "Piet", "Dassen", "6214", "@", "kiezer" })
        {
            Assert.DoesNotContain(personal, text, StringComparison.Ordinal);
            Assert.DoesNotContain(personal, pdf, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Before_a_round_is_published_the_report_says_when_it_comes_and_there_is_no_pdf()
    {
        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.OpenAsync(id)));
        var themes = await _app.ThemeIdsAsync();
        await _app.SeedBallotsAsync(1, _ => [new BallotEntry { ThemeId = themes[0], Value = 1 }, new BallotEntry { ThemeId = themes[1], Value = 1 }], BallotChannel.Account, BallotChannel.Account);
        var staff = await _app.SignInAsync(Staff);

        foreach (var client in new[] { _visitor, staff })
        {
            var waiting = await client.GetDocumentAsync("/2027/uitslag/verslag");
            Assert.Equal("Verslag: Burgerbegroting Maastricht 2027", waiting.QuerySelector("h1")!.TextContent.Trim());
            Assert.Equal("Het verslag verschijnt hier zodra de uitslag van de eerste ronde is gepubliceerd.", waiting.QuerySelector("main .utrecht-paragraph--lead")!.TextContent.Trim());
            Assert.Empty(waiting.QuerySelectorAll("article section"));
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/2027/uitslag/verslag.pdf")).StatusCode);
            Assert.Null((await client.GetDocumentAsync("/")).QuerySelector("a[href='/2027/uitslag/verslag']"));
        }

        // Closed and counted: staff see the provisional results, but the report still waits for publication.
        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.CloseAsync(id)));
        Assert.Empty((await staff.GetDocumentAsync("/2027/uitslag/verslag")).QuerySelectorAll("article section"));
        Assert.Null((await staff.GetDocumentAsync("/2027/uitslag/1")).QuerySelector("a[href='/2027/uitslag/verslag']"));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/2027/uitslag/verslag.pdf")).StatusCode);

        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.PublishAsync(id)));
        var report = await _visitor.GetDocumentAsync("/2027/uitslag/verslag");
        Assert.Equal(["verloop", "ronde-1", "besluiten", "nacontrole"], report.QuerySelectorAll("article > section").Select(s => s.GetAttribute("aria-labelledby")));
        Assert.Contains("Zodra de uitslag van de selectie (ronde 4) is gepubliceerd", Section(report, "nacontrole"), StringComparison.Ordinal);
        Assert.Contains("De gemeente hoefde niets te beslissen", Section(report, "besluiten"), StringComparison.Ordinal);
        Assert.NotNull((await _visitor.GetDocumentAsync("/")).QuerySelector("a[href='/2027/uitslag/verslag']"));
        Assert.NotNull((await _visitor.GetDocumentAsync("/2027/uitslag/1")).QuerySelector("a[href='/2027/uitslag/verslag']"));
        Assert.Equal(HttpStatusCode.OK, (await _visitor.GetAsync("/2027/uitslag/verslag.pdf")).StatusCode);
    }

    [Fact]
    public async Task Without_an_edition_there_is_no_report()
    {
        await using var empty = new AppFactory();
        var client = empty.CreateBrowserlessClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/2027/uitslag/verslag")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/2027/uitslag/verslag.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/uitslag/verslag")).StatusCode);
    }

    [Fact]
    public async Task In_English_the_report_and_its_pdf_have_English_headings_and_texts()
    {
        await PublishRoundOneWithATieAsync();

        var page = await _visitor.GetDocumentAsync("/2027/uitslag/verslag?culture=en-GB");
        var response = await _visitor.GetAsync("/2027/uitslag/verslag.pdf?culture=en-GB");
        var pdf = PdfLines(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Report: Burgerbegroting Maastricht 2027", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(["Contents", "Timeline", "Round 1: Choosing themes", "Decisions by the municipality", "Re-checking the result"],
            page.QuerySelectorAll("h2").Select(h => h.TextContent.Trim()));
        Assert.Equal(["The rounds", "Votes per theme", "Who took part", "Tie between themes"], page.QuerySelectorAll("h3").Select(h => h.TextContent.Trim()));
        Assert.Equal("Download the report as PDF", page.QuerySelector("a[href='/2027/uitslag/verslag.pdf']")!.TextContent.Trim());
        Assert.Contains("Malberg | < 10 | unknown | —", Rows(page, "ronde-1-buurten"));

        Assert.Equal("BurgerbegrotingMaastricht2027_report.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("Report: Burgerbegroting Maastricht 2027", pdf[0]);
        Assert.Contains("Timeline", pdf);
        Assert.Contains("Malberg < 10 unknown —", pdf);
        Assert.Contains(pdf, l => l.StartsWith("Report: Burgerbegroting Maastricht 2027 · page 1 of ", StringComparison.Ordinal));
        Assert.DoesNotContain(pdf, l => l.Contains("Verslag", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_repeat_view_shows_the_figures_kept_at_the_first_and_a_change_by_staff_shows_at_once()
    {
        await PublishRoundOneWithATieAsync();
        Assert.Equal("Centrum | 14 | onbekend | —", Rows(await _visitor.GetDocumentAsync("/2027/uitslag/verslag"), "ronde-1-buurten")[0]);

        // Rows that nothing in the app writes into a published round: the kept figures do not see them...
        await _app.WithDbAsync(async db =>
        {
            var round = await db.Rounds.SingleAsync(r => r.Number == 1);
            var theme = await db.Themes.OrderBy(t => t.Position).Select(t => t.Id).FirstAsync();
            for (var i = 0; i < 20; i++)
            {
                var user = new AppUser { UserName = $"laat{i}@example.nl", Kind = AccountKind.Resident, Postcode = "6211AB", BirthYear = 1990, CreatedAt = DateTime.UtcNow };
                db.Users.Add(user);
                AddBallot(db, round.Id, user.Id, BallotChannel.Account, [theme]);
            }

            return await db.SaveChangesAsync();
        });
        Assert.Equal("Centrum | 14 | onbekend | —", Rows(await _visitor.GetDocumentAsync("/2027/uitslag/verslag"), "ronde-1-buurten")[0]);
        Assert.Equal("Centrum | 14 | onbekend | —", Rows(await _visitor.GetDocumentAsync("/2027/uitslag/1"), "figures-1-buurten")[0]);
        Assert.StartsWith("buurt;people;eligible;turnout_percent\nCentrum;14;;", await CsvAsync("/2027/uitslag/1/deelname/buurten.csv"), StringComparison.Ordinal);

        // ...until staff enter the residents per buurt, which changes the published figures: counted again, everywhere.
        var staff = await _app.SignInAsync(Staff);
        var edition = await _app.WithDbAsync(db => db.Editions.Include(e => e.Buurten).SingleAsync());
        var buurten = $"/beheer/edities/{edition.Id}/buurten";
        var centrum = edition.Buurten.Single(b => b.Name == "Centrum").Id;
        (await staff.SubmitAsync(buurten, new Dictionary<string, string> { [$"eligible[{centrum}]"] = "1.400" }, "form[action*='handler=Eligible']")).AssertRedirect(buurten);

        Assert.Equal("Centrum | 34 | 1.400 | 2,4%", Rows(await _visitor.GetDocumentAsync("/2027/uitslag/verslag"), "ronde-1-buurten")[0]);
        Assert.Equal("Centrum | 34 | 1.400 | 2,4%", Rows(await _visitor.GetDocumentAsync("/2027/uitslag/1"), "figures-1-buurten")[0]);
        Assert.Contains("Centrum 34 1.400 2,4%", PdfLines(await PdfAsync(_visitor)));
    }

    [Fact]
    public async Task A_hidden_idea_is_among_the_decisions_without_its_title_or_reason()
    {
        await _app.CreateAsync("inwoner@example.nl", Roles.Resident);
        var ideas = await _app.OpenRoundFourAsync("inwoner@example.nl", ("Speeltuin", 0, 300_000), ("Bankjes", 0, 40_000));
        await StaffAsync<IdeaReviews, int>(async reviews =>
        {
            await reviews.HideAsync((await reviews.FindAsync(ideas["Bankjes"]))!, "Beledigende tekst na meldingen");
            return 0;
        });

        var page = await _visitor.GetDocumentAsync("/2027/uitslag/verslag");

        var hidden = page.QuerySelectorAll("section[aria-labelledby='besluiten-verborgen'] li").Select(li => li.TextContent).ToList();
        Assert.Single(hidden);
        Assert.Contains("een idee is verborgen", hidden[0], StringComparison.Ordinal);
        var text = page.QuerySelector("main")!.TextContent;
        Assert.DoesNotContain("Bankjes", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Beledigende", text, StringComparison.Ordinal);
        Assert.Contains("1 idee ingediend", Section(page, "ronde-3"), StringComparison.Ordinal);
    }

    /// <summary>PDF text runs the words of wrapped lines together differently; compare without white space.</summary>
    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private async Task<string> CsvAsync(string url)
    {
        var bytes = await (await _visitor.GetAsync(url)).Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]).Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
