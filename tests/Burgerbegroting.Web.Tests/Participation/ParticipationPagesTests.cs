using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Events;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Paper;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Events;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Ballot = Burgerbegroting.Data.Editions.Ballot;

namespace Burgerbegroting.Web.Tests.Participation;

/// <summary>
/// Who sees which figures, when (docs/participation.md): staff exact and live, the public once a round is published
/// with groups under 10 as "&lt; 10" on the page and in the CSV. An accounts edition: voters by their account's
/// postcode and birth year, paper voters by the attendance list.
/// </summary>
public sealed class ParticipationPagesTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();
    private HttpClient _staff = null!;
    private int _edition;

    public async ValueTask InitializeAsync()
    {
        _edition = (await _app.CreateEditionAsync(n: 2)).Id;
        await _app.CreateAsync("medewerker@example.nl", Roles.Staff);
        _staff = await _app.SignInAsync("medewerker@example.nl");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private string StaffUrl => $"/beheer/edities/{_edition}/deelname";

    /// <summary>
    /// Round 1 open with 13 voters in Centrum (12 born 1990, 1 born 2005), 3 in Malberg (born 1950), 1 outside the area,
    /// and an event where two residents on the attendance list voted on paper (one each in Centrum and Malberg), with an
    /// invalid third sheet.
    /// </summary>
    private async Task VoteInRoundOneAsync()
    {
        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.OpenAsync(id)));
        var themes = await _app.ThemeIdsAsync();
        var voters = Enumerable.Repeat(("6211AB", 1990), 12).Append(("6212CD", 2005)).Concat(Enumerable.Repeat(("6214AA", 1950), 3)).Append(("9999ZZ", 1980)).ToList();
        var ev = await _app.CreateEventAsync("Wijkavond", 1);
        await _app.WithDbAsync(async db =>
        {
            var round = await db.Rounds.SingleAsync(r => r.Number == 1);
            foreach (var (postcode, born) in voters)
            {
                var user = new AppUser { UserName = Guid.NewGuid() + "@example.nl", Kind = AccountKind.Resident, Postcode = postcode, BirthYear = born, CreatedAt = DateTime.UtcNow };
                db.Users.Add(user);
                AddBallot(db, round.Id, user.Id, BallotChannel.Account, themes);
            }

            AddBallot(db, round.Id, Guid.NewGuid().ToString(), BallotChannel.Paper, themes);
            AddBallot(db, round.Id, Guid.NewGuid().ToString(), BallotChannel.Paper, themes);
            db.EventCheckIns.AddRange(
                new EventCheckIn { EventId = ev, RoundId = round.Id, AttendeeName = "Ria", AttendeePostcode = "6214BB", At = DateTime.UtcNow, By = "medewerker@example.nl" },
                new EventCheckIn { EventId = ev, RoundId = round.Id, AttendeeName = "Piet", AttendeePostcode = "6211ZZ", At = DateTime.UtcNow, By = "medewerker@example.nl" });
            return await db.SaveChangesAsync();
        });
        await _app.SeedSheetsAsync(ev, SheetStatus.Invalid);
    }

    private static void AddBallot(AppDbContext db, int round, string voter, BallotChannel channel, List<int> themes) =>
        TestBallots.Add(db, round, voter, channel, [new BallotEntry { ThemeId = themes[0], Value = 1 }, new BallotEntry { ThemeId = themes[1], Value = 1 }]);

    private async Task PublishRoundOneAsync()
    {
        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.CloseAsync(id)));
        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.PublishAsync(id)));
    }

    /// <summary>The rows of a figures table: group and the cells' text.</summary>
    private static List<string> Rows(IHtmlDocument page, string table) =>
        [.. page.QuerySelectorAll($"section[aria-labelledby='{table}'] tbody tr, section[aria-labelledby='{table}'] tfoot tr")
            .Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent.Trim())))];

    [Fact]
    public async Task Staff_see_exact_counts_live_while_the_round_is_open_and_never_the_emerging_result()
    {
        await VoteInRoundOneAsync();

        var page = await _staff.GetDocumentAsync(StaffUrl);

        Assert.Equal(["Centrum | 14 | onbekend | —", "Malberg | 4 | onbekend | —", "Buiten de buurten of onbekend | 1 | onbekend | —", "Totaal | 19 | onbekend | —"], Rows(page, "figures-1-buurten"));
        Assert.Equal(["16–24 | 1", "25–34 | 0", "35–44 | 12", "45–54 | 1", "55–64 | 0", "65–74 | 0", "75+ | 3", "Onbekend | 2", "Totaal | 19"], Rows(page, "figures-1-leeftijden"));
        Assert.Equal(["Online met account | 17", "Online met stemcode | 0", "Stemtablet op een bijeenkomst | 0", "Papier | 2", "Ongeldig stembiljet (papier) | 1", "Totaal | 20"], Rows(page, "figures-1-kanalen"));
        var text = page.QuerySelector("main")!.TextContent;
        foreach (var theme in EditionScenario.ThemeNames.Take(2))
        {
            Assert.DoesNotContain(theme, text, StringComparison.Ordinal);
        }

        var csv = await _staff.GetAsync($"/beheer/edities/{_edition}/deelname/1/buurten.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("buurt;people;eligible;turnout_percent\nCentrum;14;;\nMalberg;4;;\nBuiten de buurten of onbekend;1;;\ntotal;19;;\n", Body(await csv.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task The_public_sees_nothing_until_the_round_is_published_and_then_groups_under_ten_as_fewer_than_ten()
    {
        await VoteInRoundOneAsync();
        var visitor = _app.CreateBrowserlessClient();
        Assert.Equal("/2027/uitslag#ronde-1", (await visitor.GetAsync("/2027/uitslag/1")).Location());
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/2027/uitslag/1/deelname/buurten.csv")).StatusCode);
        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.CloseAsync(id)));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/2027/uitslag/1/deelname/buurten.csv")).StatusCode);
        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.PublishAsync(id)));

        var page = await visitor.GetDocumentAsync("/2027/uitslag/1");

        Assert.Equal(["Centrum | 14 | onbekend | —", "Malberg | < 10 | onbekend | —", "Buiten de buurten of onbekend | < 10 | onbekend | —", "Totaal | 19 | onbekend | —"], Rows(page, "figures-1-buurten"));
        Assert.Equal(["16–24 | < 10", "25–34 | < 10", "35–44 | 12", "45–54 | < 10", "55–64 | < 10", "65–74 | < 10", "75+ | < 10", "Onbekend | < 10", "Totaal | 19"], Rows(page, "figures-1-leeftijden"));
        Assert.Contains("Papier | < 10", Rows(page, "figures-1-kanalen"));
        Assert.Contains("„< 10”", page.QuerySelector("#participation")!.ParentElement!.TextContent, StringComparison.Ordinal);
        // The chart says the same: a small group draws no bar.
        var labels = page.QuerySelectorAll("section[aria-labelledby='figures-1-buurten'] svg text").Select(t => t.TextContent).ToList();
        Assert.Equal(["Centrum", "14", "Malberg", "< 10", "Buiten de buurten of onbekend", "< 10"], labels);

        var csv = await visitor.GetAsync("/2027/uitslag/1/deelname/leeftijden.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("age_band;people\n16–24;<10\n25–34;<10\n35–44;12\n45–54;<10\n55–64;<10\n65–74;<10\n75+;<10\nunknown;<10\ntotal;19\n".Replace("unknown", "Onbekend", StringComparison.Ordinal),
            Body(await csv.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/2027/uitslag/1/deelname/onbekend.csv")).StatusCode);
        foreach (var table in new[] { "kanalen", "buurten" })
        {
            Assert.DoesNotContain(";4\n", Body(await (await visitor.GetAsync($"/2027/uitslag/1/deelname/{table}.csv")).Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Residents_and_visitors_cannot_reach_the_live_figures_or_staff_files()
    {
        await VoteInRoundOneAsync();
        await _app.CreateAsync("inwoner@example.nl", Roles.Resident);
        var resident = await _app.SignInAsync("inwoner@example.nl");
        var visitor = _app.CreateBrowserlessClient();
        var staffCsv = $"/beheer/edities/{_edition}/deelname/1/buurten.csv";

        (await visitor.GetAsync(StaffUrl)).AssertRedirect("/account/inloggen");
        (await visitor.GetAsync(staffCsv)).AssertRedirect("/account/inloggen");
        (await resident.GetAsync(StaffUrl)).AssertRedirect("/account/geen-toegang");
        (await resident.GetAsync(staffCsv)).AssertRedirect("/account/geen-toegang");
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync("/2027/uitslag/1/deelname/buurten.csv")).StatusCode);
    }

    [Fact]
    public async Task Staff_enter_the_residents_per_buurt_and_the_turnout_follows()
    {
        await VoteInRoundOneAsync();
        var buurten = $"/beheer/edities/{_edition}/buurten";
        var ids = await _app.WithDbAsync(db => db.Buurten.OrderBy(b => b.Name).Select(b => b.Id).ToListAsync());

        var saved = await _staff.SubmitAsync(buurten, new Dictionary<string, string> { [$"eligible[{ids[0]}]"] = "1.400", [$"eligible[{ids[1]}]"] = "" }, "form[action*='handler=Eligible']");
        saved.AssertRedirect(buurten);
        await PublishRoundOneAsync();

        var page = await _app.CreateBrowserlessClient().GetDocumentAsync("/2027/uitslag/1");
        Assert.Equal("Centrum | 14 | 1.400 | 1,0%", Rows(page, "figures-1-buurten")[0]);
        var staffPage = await _staff.GetDocumentAsync(StaffUrl);
        Assert.Equal("Malberg | 4 | onbekend | —", Rows(staffPage, "figures-1-buurten")[1]);
    }

    [Theory]
    [InlineData("€ 1.500,-")]
    [InlineData("veel")]
    [InlineData("-3")]
    [InlineData("99999999999")]
    public async Task A_number_of_residents_that_is_not_a_whole_number_is_refused_next_to_its_field_and_nothing_is_saved(string typed)
    {
        var buurten = $"/beheer/edities/{_edition}/buurten";
        var ids = await _app.WithDbAsync(db => db.Buurten.OrderBy(b => b.Name).Select(b => b.Id).ToListAsync());

        var refused = await _staff.SubmitAsync(buurten, new Dictionary<string, string> { [$"eligible[{ids[0]}]"] = "800", [$"eligible[{ids[1]}]"] = typed }, "form[action*='handler=Eligible']");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await Forms.ParseAsync(refused);
        Assert.Equal("Vul voor Malberg een heel aantal in (bijvoorbeeld 2415), of laat het leeg.", page.QuerySelector($"#eligible_{ids[1]}_-error")!.TextContent.Trim());
        Assert.Equal(typed, ((IHtmlInputElement)page.QuerySelector($"#eligible_{ids[1]}_")!).Value);
        Assert.Equal("800", ((IHtmlInputElement)page.QuerySelector($"#eligible_{ids[0]}_")!).Value);
        Assert.All(await _app.WithDbAsync(db => db.Buurten.Select(b => b.EligibleResidents).ToListAsync()), Assert.Null);
    }

    [Fact]
    public async Task The_ideas_round_has_a_results_page_with_ideas_per_theme_and_buurt_once_published()
    {
        await _app.CreateAsync("netwerk@example.nl", Roles.Network, configure: u => (u.ApprovedAt, u.OrganisationName) = (DateTime.UtcNow, "Buurtnetwerk Malberg"));
        await _app.CreateAsync("ria@example.nl", Roles.Resident);
        await _app.OpenRoundThreeAsync();
        await _app.WithDbAsync(async db =>
        {
            var edition = await db.Editions.Include(e => e.Buurten).Include(e => e.Themes).SingleAsync();
            var chosen = edition.Themes.Where(t => t.Chosen).OrderBy(t => t.Position).ToList();
            var centrum = edition.Buurten.Single(b => b.Name == "Centrum").Id;
            var malberg = edition.Buurten.Single(b => b.Name == "Malberg").Id;
            var ria = await db.Users.SingleAsync(u => u.Email == "ria@example.nl");
            var network = await db.Users.SingleAsync(u => u.Email == "netwerk@example.nl");
            (int Theme, int Buurt, AppUser By, IdeaStatus Status, bool Hidden)[] ideas =
            [
                (0, centrum, ria, IdeaStatus.Admitted, false), (0, malberg, network, IdeaStatus.NotAdmitted, false),
                (1, malberg, network, IdeaStatus.Admitted, false), (1, centrum, ria, IdeaStatus.Submitted, true),
            ];
            db.Ideas.AddRange(ideas.Select((i, n) => new Idea
            {
                EditionId = edition.Id, ThemeId = chosen[i.Theme].Id, BuurtId = i.Buurt, Title = $"Idee {n}", Summary = "Kort", Description = "Lang",
                EstimatedCost = 1000, FinalCost = i.Status == IdeaStatus.Admitted ? 1000 : null, SubmitterId = i.By.Id, ByNetwork = i.By.Kind == AccountKind.Network,
                Status = i.Status, Hidden = i.Hidden, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            }));
            return await db.SaveChangesAsync();
        });
        var visitor = _app.CreateBrowserlessClient();
        Assert.Equal("/2027/uitslag#ronde-3", (await visitor.GetAsync("/2027/uitslag/3")).Location());
        Assert.Equal(TransitionError.None, await _app.StepAsync(3, (l, id) => l.CloseAsync(id)));
        Assert.Equal(TransitionError.None, await _app.StepAsync(3, (l, id) => l.PublishAsync(id)));

        var page = await visitor.GetDocumentAsync("/2027/uitslag/3");

        Assert.Equal("Uitslag: Ideeën indienen", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(["Groen en spelen | 1 | 1 | 1 | 1 | 0 | 2", "Verkeersveiligheid | 0 | 1 | 1 | 0 | 0 | 1", "Ontmoeten | 0 | 0 | 0 | 0 | 0 | 0", "Totaal | 1 | 2 | 2 | 1 | 0 | 3"],
            Rows(page, "figures-3-ideeen-themas"));
        Assert.Equal(["Centrum | 1 | 0 | 1 | 0 | 0 | 1", "Malberg | 0 | 2 | 1 | 1 | 0 | 2", "Totaal | 1 | 2 | 2 | 1 | 0 | 3"], Rows(page, "figures-3-ideeen-buurten"));
        Assert.Contains("3 ideeën ingediend: 2 toegelaten, 1 niet toegelaten, 0 nog in behandeling.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("van < 10 inwoners en < 10 buurtnetwerken", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var csv = Body(await (await visitor.GetAsync("/2027/uitslag/3/deelname/ideeen-themas.csv")).Content.ReadAsByteArrayAsync());
        Assert.StartsWith("theme;by_residents;by_networks;admitted;not_admitted;pending;total\nGroen en spelen;1;1;1;1;0;2\n", csv, StringComparison.Ordinal);
    }

    /// <summary>The CSV as text, after checking it starts with the UTF-8 byte order mark (for Excel).</summary>
    private static string Body(byte[] bytes)
    {
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]).Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
