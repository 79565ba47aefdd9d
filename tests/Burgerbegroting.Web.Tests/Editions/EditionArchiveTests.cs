using System.Net;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Editions.Demo;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Burgerbegroting.Web.Tests.Editions;

/// <summary>
/// Year after year (docs/product.md, "Editions"): a published edition keeps its results, ideas and open data at its own
/// addresses after next year's edition, started as a copy of it, becomes current; the old addresses lead to the current one.
/// </summary>
public sealed class EditionArchiveTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();
    private HttpClient _staff = null!;
    private string _past = "";

    public async ValueTask InitializeAsync()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoEdition>().SeedAsync(DemoStage.Done);
        }

        _past = await _app.WithDbAsync(db => db.Editions.Select(e => e.Slug).SingleAsync());
        await _app.CreateAsync("archivaris@example.nl", Roles.Staff);
        _staff = await _app.SignInAsync("archivaris@example.nl");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<int> CreateCopyAsync(string name, string slug)
    {
        var pastId = await _app.WithDbAsync(db => db.Editions.Select(e => e.Id).SingleAsync());
        var filled = await _staff.GetDocumentAsync($"/beheer/edities?copyFrom={pastId}");
        // The form is filled from the earlier edition; a browser posts its selects and text areas as they stand.
        var filledIn = new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Slug"] = slug,
            ["Input.VoterRoll"] = filled.QuerySelector("#Input_VoterRoll option[selected]")!.GetAttribute("value")!,
            ["Input.OutcomeRule"] = filled.QuerySelector("#Input_OutcomeRule option[selected]")!.GetAttribute("value")!,
            ["Input.Introduction"] = filled.QuerySelector("#Input_Introduction")!.TextContent,
        };
        var created = await _staff.SubmitAsync(filled, filledIn, "main form[method=post]", "/beheer/edities");
        var id = int.Parse(created.Location().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var confirm = await _staff.GetDocumentAsync($"/beheer/edities/{id}/huidig");
        (await _staff.SubmitAsync(confirm, new Dictionary<string, string>(), "main form", $"/beheer/edities/{id}/huidig")).AssertRedirect($"/beheer/edities/{id}");
        return id;
    }

    private static async Task<List<string>> TablesAsync(HttpClient client, string url) =>
        [.. (await client.GetDocumentAsync(url)).QuerySelectorAll("main table").Select(t => t.TextContent)];

    [Fact]
    public async Task Published_results_stay_at_their_address_when_next_years_edition_becomes_current()
    {
        var visitor = _app.CreateBrowserlessClient();
        var winners = await TablesAsync(visitor, $"/{_past}/uitslag/4");
        var csv = await visitor.GetStringAsync($"/{_past}/uitslag/4/results.csv", TestContext.Current.CancellationToken);
        (await visitor.GetAsync("/uitslag/4?x=1")).AssertRedirect($"/{_past}/uitslag/4?x=1");

        await CreateCopyAsync("Burgerbegroting Maastricht 2099", "2099");

        Assert.Equal(winners, await TablesAsync(visitor, $"/{_past}/uitslag/4"));
        Assert.Contains("Dit is een eerdere editie", (await visitor.GetDocumentAsync($"/{_past}/uitslag/4")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(csv, await visitor.GetStringAsync($"/{_past}/uitslag/4/results.csv", TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/{_past}/uitslag/verslag.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/{_past}/uitslag/1/stembiljetten.csv")).StatusCode);

        // The old address now leads to the new edition, whose round 4 is not known yet: its overview says so.
        (await visitor.GetAsync("/uitslag/4")).AssertRedirect("/2099/uitslag/4");
        Assert.Equal("/2099/uitslag#ronde-4", (await visitor.GetAsync("/2099/uitslag/4")).Location());
        var overview = (await visitor.GetDocumentAsync("/2099/uitslag")).QuerySelector("#ronde-4")!.TextContent;
        Assert.Contains("nog niet bekend", overview, StringComparison.Ordinal);

        // The archive lists both, newest first, each leading to its results.
        var archive = await visitor.GetDocumentAsync("/archief");
        Assert.Equal(["/2099/uitslag", $"/{_past}/uitslag"], archive.QuerySelectorAll("main .bb-card a").Select(a => a.GetAttribute("href")));

        // The earlier edition's ideas stay listed, under its address; the current list is the new (empty) edition's.
        var ideas = await _app.WithDbAsync(db => db.Ideas.CountAsync(i => !i.Hidden));
        Assert.Contains($"{ideas} ideeën", (await visitor.GetDocumentAsync($"/ideeen?editie={_past}")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("0 ideeën", (await visitor.GetDocumentAsync("/ideeen")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_copy_takes_the_buurten_themes_and_settings_but_no_ballots_ideas_or_results()
    {
        var id = await CreateCopyAsync("Burgerbegroting Maastricht 2099", "2099");

        var (past, next) = await _app.WithDbAsync(async db => (
            await db.Editions.Include(e => e.Buurten).Include(e => e.Themes).SingleAsync(e => e.Id != id),
            await db.Editions.Include(e => e.Buurten).Include(e => e.Themes).Include(e => e.Rounds).SingleAsync(e => e.Id == id)));
        Assert.Equal(past.Buurten.Select(b => (b.Name, b.Postcodes)).Order(), next.Buurten.Select(b => (b.Name, b.Postcodes)).Order());
        Assert.All(next.Buurten, b => Assert.Null(b.EligibleResidents));
        Assert.Equal(past.Themes.OrderBy(t => t.Position).Select(t => (t.Name, t.ShortDescription, t.Body)), next.Themes.OrderBy(t => t.Position).Select(t => (t.Name, t.ShortDescription, t.Body)));
        Assert.All(next.Themes, t => Assert.False(t.Chosen || t.Budget is not null));
        Assert.Equal((past.TotalBudget, past.MinimumAge, past.MaxThemesPerBallot, past.ThemesToSelect, past.OutcomeRule, past.VoterRoll, past.Introduction),
            (next.TotalBudget, next.MinimumAge, next.MaxThemesPerBallot, next.ThemesToSelect, next.OutcomeRule, next.VoterRoll, next.Introduction));
        Assert.All(next.Rounds, r => Assert.Equal(RoundStatus.Planned, r.Status));
        Assert.Equal(0, await _app.WithDbAsync(db => db.Ideas.CountAsync(i => i.EditionId == id)));
        Assert.Equal(0, await _app.WithDbAsync(db => db.Ballots.CountAsync(b => next.Rounds.Select(r => r.Id).Contains(b.RoundId))));
    }

    [Theory]
    [InlineData("beheer", "kan geen adres zijn")]
    [InlineData("2027/../x", "kan geen adres zijn")]
    [InlineData("20 27", "kan geen adres zijn")]
    public async Task An_address_that_cannot_be_one_gets_a_message_next_to_the_field(string slug, string message)
    {
        var response = await _staff.SubmitAsync("/beheer/edities", new Dictionary<string, string>
        {
            ["Input.Name"] = "Volgende", ["Input.TotalBudget"] = "1000", ["Input.Slug"] = slug,
        }, "main form[method=post]");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector("#Input_Slug-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await _app.WithDbAsync(db => db.Editions.CountAsync()));
    }

    [Fact]
    public async Task An_address_another_edition_has_is_refused_and_an_empty_one_becomes_the_year_made_free()
    {
        var taken = await _staff.SubmitAsync("/beheer/edities", new Dictionary<string, string>
        {
            ["Input.Name"] = "Volgende", ["Input.TotalBudget"] = "1000", ["Input.Slug"] = _past,
        }, "main form[method=post]");
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("hoort al bij een andere editie", (await Forms.ParseAsync(taken)).QuerySelector("#Input_Slug-error")!.TextContent, StringComparison.Ordinal);

        var suggested = await _staff.SubmitAsync("/beheer/edities", new Dictionary<string, string>
        {
            ["Input.Name"] = $"Burgerbegroting {_past}", ["Input.TotalBudget"] = "1000", ["Input.Slug"] = "",
        }, "main form[method=post]");
        suggested.AssertRedirect("/beheer/edities/");
        Assert.Equal($"{_past}-2", await _app.WithDbAsync(db => db.Editions.OrderBy(e => e.Id).Select(e => e.Slug).LastAsync()));
    }

    [Fact]
    public async Task A_drafts_results_are_for_staff_only_and_its_address_is_fixed_once_it_is_public()
    {
        var draft = await _app.WithDbAsync(async db =>
        {
            var e = Edition.CreateNew("Burgerbegroting 2100", 1000, DateTime.UtcNow);
            db.Editions.Add(e);
            await db.SaveChangesAsync();
            return e;
        });

        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateBrowserlessClient().GetAsync("/2100/uitslag")).StatusCode);
        var staffView = await _staff.GetDocumentAsync("/2100/uitslag");
        Assert.Contains("concepteditie", staffView.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("/2100/", (await _app.CreateBrowserlessClient().GetStringAsync("/archief", TestContext.Current.CancellationToken)), StringComparison.Ordinal);

        // While a draft the address may change; the past (public) edition's is fixed whatever is posted.
        (await _staff.SubmitAsync($"/beheer/edities/{draft.Id}", new Dictionary<string, string> { ["Input.Slug"] = "2100-b" })).AssertRedirect($"/beheer/edities/{draft.Id}");
        var pastId = await _app.WithDbAsync(db => db.Editions.Where(e => e.Slug == _past).Select(e => e.Id).SingleAsync());
        (await _staff.SubmitAsync($"/beheer/edities/{pastId}", new Dictionary<string, string> { ["Input.Slug"] = "9999" })).AssertRedirect($"/beheer/edities/{pastId}");
        Assert.Equal(["2100-b", _past], await _app.WithDbAsync(db => db.Editions.OrderByDescending(e => e.Id).Select(e => e.Slug).ToListAsync()));
    }

    [Fact]
    public async Task The_english_site_shows_the_english_texts_and_the_dutch_where_none_were_given()
    {
        var (first, second) = await _app.WithDbAsync(async db =>
        {
            var themes = await db.Themes.Where(t => t.Chosen).OrderBy(t => t.Position).Take(2).ToListAsync();
            themes[0].NameEn = "Green in the neighbourhood";
            var edition = await db.Editions.SingleAsync();
            edition.NameEn = "Citizens' budget Maastricht";
            await db.SaveChangesAsync();
            return (themes[0], themes[1]);
        });
        var visitor = _app.CreateBrowserlessClient();

        var english = (await visitor.GetDocumentAsync($"/{_past}/uitslag/2?culture=en-GB")).QuerySelector("main")!.TextContent;
        Assert.Contains("Green in the neighbourhood", english, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Name, english, StringComparison.Ordinal);
        Assert.Contains(second.Name, english, StringComparison.Ordinal);
        Assert.Contains("Citizens' budget Maastricht", (await visitor.GetDocumentAsync("/?culture=en-GB")).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        var dutch = (await visitor.GetDocumentAsync($"/{_past}/uitslag/2")).QuerySelector("main")!.TextContent;
        Assert.Contains(first.Name, dutch, StringComparison.Ordinal);
        Assert.DoesNotContain("Green in the neighbourhood", dutch, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026", true)]
    [InlineData("2026-voorjaar", true)]
    [InlineData("beheer", false)]
    [InlineData("2026/x", false)]
    [InlineData("2026_x", false)]
    [InlineData("", false)]
    [InlineData("1234567890123456789012345678901234", false)]
    public void The_address_rule_takes_lower_case_letters_digits_and_hyphens_starting_with_a_digit(string slug, bool valid) =>
        Assert.Equal(valid, EditionSlug.IsValid(slug));

    [Theory]
    [InlineData("Burgerbegroting Maastricht 2027", "2027")]
    [InlineData("Burgerbegroting 2027-2028", "2027")]
    [InlineData("Burgerbegroting Maastricht", "2026")]
    [InlineData("Ronde 12345", "2026")]
    public void The_suggested_address_is_the_year_in_the_name_or_else_the_year_of_creation(string name, string slug) =>
        Assert.Equal(slug, EditionSlug.Suggest(name, new DateTime(2026, 12, 2, 0, 0, 0, DateTimeKind.Utc)));
}
