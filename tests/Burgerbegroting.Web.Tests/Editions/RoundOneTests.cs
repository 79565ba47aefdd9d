using System.Net;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Tests.Editions;

/// <summary>Round 1 (thema's kiezen) from setup to published themes, through the pages, with several residents and staff.</summary>
public sealed class RoundOneTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();
    private HttpClient _staff = null!;

    public async ValueTask InitializeAsync()
    {
        await _app.CreateAsync("medewerker@example.nl", Roles.Staff);
        _staff = await _app.SignInAsync("medewerker@example.nl");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<int> SetUpThroughThePagesAsync()
    {
        var created = await _staff.SubmitAsync("/beheer/edities", new Dictionary<string, string>
        {
            ["Input.Name"] = "Burgerbegroting Maastricht 2027",
            ["Input.TotalBudget"] = "€ 1.000.000,-",
            ["Input.MinimumAge"] = "16",
            ["Input.MaxThemesPerBallot"] = "2",
            ["Input.ThemesToSelect"] = "2",
            ["Input.OutcomeRule"] = "Greedy",
        });
        var editionUrl = new Uri(new Uri("http://localhost"), created.Location()).AbsolutePath;
        Assert.Matches("^/beheer/edities/[0-9]+$", editionUrl);
        await MakeCurrentAsync(editionUrl);
        (await _staff.SubmitAsync(editionUrl + "/buurten", new Dictionary<string, string> { ["Text"] = "Centrum: 6211-6212\nMalberg: 6214, 6215 AA" }))
            .AssertRedirect(editionUrl + "/buurten");
        foreach (var name in new[] { "Groen en spelen", "Verkeersveiligheid", "Ontmoeten", "Jongeren" })
        {
            (await _staff.SubmitAsync(editionUrl + "/themas", new Dictionary<string, string>
            {
                ["Input.Name"] = name,
                ["Input.ShortDescription"] = $"Over {name}",
                ["Input.Body"] = $"**{name}** in de buurt",
            }, "form[action*='handler=Save']")).AssertRedirect(editionUrl + "/themas");
        }

        (await _staff.RoundStepAsync(editionUrl + "/rondes", "openen")).AssertRedirect(editionUrl + "/rondes");
        Assert.Equal(RoundStatus.Open, (await _app.RoundAsync(1)).Status);
        return int.Parse(editionUrl.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A new edition is a draft that residents do not see, until staff confirm that it is the current one.</summary>
    private async Task MakeCurrentAsync(string editionUrl)
    {
        Assert.DoesNotContain("Burgerbegroting Maastricht 2027", (await _app.CreateBrowserlessClient().GetStringAsync("/")), StringComparison.Ordinal);
        var confirm = await _staff.GetDocumentAsync(editionUrl + "/huidig");
        Assert.Contains("Inwoners zien daarna Burgerbegroting Maastricht 2027", confirm.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        (await _staff.SubmitAsync(confirm, new Dictionary<string, string>(), "main form", editionUrl + "/huidig")).AssertRedirect(editionUrl);
        Assert.Contains("Burgerbegroting Maastricht 2027", (await _app.CreateBrowserlessClient().GetStringAsync("/")), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> VoteAsync(HttpClient client, params int[] themeIds) =>
        await VoteOnAsync(client, await client.GetDocumentAsync("/stemmen/themas"), themeIds);

    /// <summary>Submits a ballot form the resident already has open (it may have been loaded before the close).</summary>
    private static async Task<HttpResponseMessage> VoteOnAsync(HttpClient client, AngleSharp.Html.Dom.IHtmlDocument page, params int[] themeIds)
    {
        var form = page.QuerySelector("main form") ?? throw new InvalidOperationException("no ballot form: " + page.QuerySelector("main")!.InnerHtml);
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!) };
        fields.AddRange(themeIds.Select(id => new KeyValuePair<string, string>("Chosen", id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return await client.PostAsync("/stemmen/themas", new FormUrlEncodedContent(fields));
    }

    private async Task<HttpClient> ResidentAsync(string email, Action<AppUser>? configure = null, bool confirmed = true)
    {
        await _app.CreateAsync(email, Roles.Resident, confirmed, configure);
        return await _app.SignInAsync(email);
    }

    [Fact]
    public async Task Staff_run_round_one_with_residents_and_a_tie_is_decided_before_publishing()
    {
        var editionId = await SetUpThroughThePagesAsync();
        var themes = await _app.ThemeIdsAsync();
        var (groen, verkeer, ontmoeten, jongeren) = (themes[0], themes[1], themes[2], themes[3]);

        // Three votes for Groen, two each for Verkeer and Ontmoeten: one seat left for two tied themes.
        var anna = await ResidentAsync("anna@example.nl");
        (await VoteAsync(anna, groen, jongeren)).AssertRedirect("/stemmen/themas");
        (await VoteAsync(anna, groen, verkeer)).AssertRedirect("/stemmen/themas"); // changes her mind: replaces
        (await VoteAsync(await ResidentAsync("bram@example.nl"), groen, ontmoeten)).AssertRedirect("/stemmen/themas");
        (await VoteAsync(await ResidentAsync("cleo@example.nl", u => u.Postcode = "6215AA"), groen)).AssertRedirect("/stemmen/themas");
        (await VoteAsync(await ResidentAsync("daan@example.nl"), verkeer, ontmoeten)).AssertRedirect("/stemmen/themas");

        var annaId = await _app.WithDbAsync(db => db.Users.Where(u => u.Email == "anna@example.nl").Select(u => u.Id).SingleAsync());
        var annaBallot = await _app.StoredBallotAsync(1, annaId);
        Assert.Equal([groen, verkeer], annaBallot!.Select(e => e.ThemeId).Order());
        Assert.Equal(1, await _app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == "anna@example.nl" && m.Kind == "ballot-receipt")));
        var receipt = await _app.WithDbAsync(db => db.OutboxMessages.FirstAsync(m => m.Kind == "ballot-receipt"));
        Assert.DoesNotContain("Groen", receipt.TextBody, StringComparison.Ordinal);

        var lateVoter = await ResidentAsync("laat@example.nl");
        var openForm = await lateVoter.GetDocumentAsync("/stemmen/themas");
        var rounds = $"/beheer/edities/{editionId}/rondes";
        (await _staff.RoundStepAsync(rounds, "sluiten")).AssertRedirect(rounds);

        var late = await VoteOnAsync(lateVoter, openForm, groen);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("is gesloten", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("is gesloten", (await lateVoter.GetDocumentAsync("/stemmen/themas")).QuerySelector("main")!.InnerHtml, StringComparison.Ordinal);

        // While the tie waits, the rounds page offers no publish button but says why; the confirmation page refuses too.
        var tied = await _staff.GetDocumentAsync(rounds);
        Assert.Null(tied.QuerySelector("main a[href$='/publiceren']"));
        Assert.Contains("gelijke stand", tied.QuerySelector("#publish-waits")!.TextContent, StringComparison.Ordinal);
        var publishUrl = $"{rounds}/{await _app.RoundIdAsync(1)}/publiceren";
        Assert.Null((await _staff.GetDocumentAsync(publishUrl)).QuerySelector("main form"));
        var token = tied.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var publish = await _staff.PostAsync(publishUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Conflict, publish.StatusCode);
        Assert.Contains("gelijke stand", await publish.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(RoundStatus.Closed, (await _app.RoundAsync(1)).Status);

        var provisional = await _staff.GetDocumentAsync("/2027/uitslag/1");
        Assert.Contains("Voorlopige uitslag", provisional.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/2027/uitslag#ronde-1", (await anna.GetAsync("/2027/uitslag/1")).Location());

        var page = await _staff.GetDocumentAsync(rounds);
        var wrongTie = await _staff.SubmitAsync(page, new Dictionary<string, string> { ["chosen"] = groen.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "form[action*='handler=ResolveTie']", rounds);
        Assert.Equal(HttpStatusCode.BadRequest, wrongTie.StatusCode);
        var tie = await _staff.SubmitAsync(page, new Dictionary<string, string>
        {
            ["chosen"] = ontmoeten.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["note"] = "Loting in het bijzijn van de wijkraad.",
        }, "form[action*='handler=ResolveTie']", rounds);
        tie.AssertRedirect(rounds);
        (await _staff.RoundStepAsync(rounds, "publiceren")).AssertRedirect(rounds);

        var chosen = await _app.ThemeIdsAsync(chosenOnly: true);
        Assert.Equal([groen, ontmoeten], chosen);
        var results = await anna.GetDocumentAsync("/2027/uitslag/1");
        var text = results.QuerySelector("main")!.TextContent;
        Assert.Contains("Aantal uitgebrachte stemmen: 4", text, StringComparison.Ordinal);
        Assert.Contains("Loting in het bijzijn van de wijkraad.", text, StringComparison.Ordinal);
        Assert.NotNull(results.QuerySelector("svg.bb-chart__svg"));
        var rows = results.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains("Groen en spelen", rows[0], StringComparison.Ordinal);
        Assert.Contains("3", rows[0], StringComparison.Ordinal);

        var actions = await _app.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync());
        Assert.Contains("round.opened", actions);
        Assert.Contains("round.closed", actions);
        Assert.Contains("round.tie-resolved", actions);
        Assert.Contains("round.published", actions);
    }

    [Fact]
    public async Task Ineligible_residents_are_refused_with_the_reason()
    {
        await SetUpThroughThePagesAsync();
        var cases = new (string Email, Action<AppUser>? Configure, bool Confirmed, string Reason)[]
        {
            ("buiten@example.nl", u => u.Postcode = "1012AB", true, "buiten het gebied"),
            ("jong@example.nl", u => u.BirthYear = DateTime.UtcNow.Year - 12, true, "minstens 16 jaar"),
            ("onbevestigd@example.nl", null, false, "nog niet bevestigd"),
        };
        var theme = (await _app.ThemeIdsAsync())[0];
        foreach (var (email, configure, confirmed, reason) in cases)
        {
            var client = await ResidentAsync(email, configure, confirmed);
            var page = await client.GetDocumentAsync("/stemmen/themas");
            Assert.Contains(reason, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            Assert.Null(page.QuerySelector("input[name=Chosen]"));
            var post = await client.PostAsync("/stemmen/themas", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
                ["Chosen"] = theme.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }));
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }

        Assert.Equal(0, await _app.WithDbAsync(db => db.Ballots.CountAsync()));
    }

    [Fact]
    public async Task A_wrong_postcode_is_fixed_in_the_profile_and_then_the_resident_can_vote()
    {
        await SetUpThroughThePagesAsync();
        var client = await ResidentAsync("verhuisd@example.nl", u => u.Postcode = "1012AB");
        Assert.Contains("buiten het gebied", (await client.GetDocumentAsync("/stemmen/themas")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var wrong = await client.SubmitAsync("/account/profiel", new Dictionary<string, string> { ["Input.Postcode"] = "62 14", ["Input.BirthYear"] = "1980", ["Input.DisplayName"] = "Verhuisd" }, "main form:not([action*='handler'])");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Nederlandse postcode", (await Forms.ParseAsync(wrong)).QuerySelector("#Input_Postcode-error")!.TextContent, StringComparison.Ordinal);

        (await client.SubmitAsync("/account/profiel", new Dictionary<string, string> { ["Input.Postcode"] = "6214 bc", ["Input.BirthYear"] = "1980", ["Input.DisplayName"] = "Verhuisd" }, "main form:not([action*='handler'])"))
            .AssertRedirect("/account/profiel");
        (await VoteAsync(client, (await _app.ThemeIdsAsync())[0])).AssertRedirect("/stemmen/themas");
    }

    [Fact]
    public async Task More_than_K_themes_are_refused_and_the_ticks_kept()
    {
        await SetUpThroughThePagesAsync();
        var themes = await _app.ThemeIdsAsync();
        var response = await VoteAsync(await ResidentAsync("veel@example.nl"), themes[0], themes[1], themes[2]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("hoogstens 2", page.QuerySelector("#Chosen-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, page.QuerySelectorAll("input[name=Chosen][checked]").Length);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Ballots.CountAsync()));
    }

    [Fact]
    public async Task Settings_that_decide_the_outcome_are_fixed_once_round_one_opens()
    {
        var editionId = await SetUpThroughThePagesAsync();
        var response = await _staff.SubmitAsync($"/beheer/edities/{editionId}", new Dictionary<string, string>
        {
            ["Input.Name"] = "Burgerbegroting Maastricht 2027 (herzien)",
            ["Input.TotalBudget"] = "5",
            ["Input.ThemesToSelect"] = "1",
        });
        response.AssertRedirect($"/beheer/edities/{editionId}");
        var edition = await _app.WithDbAsync(db => db.Editions.SingleAsync());
        Assert.Equal("Burgerbegroting Maastricht 2027 (herzien)", edition.Name);
        Assert.Equal(1_000_000, edition.TotalBudget);
        Assert.Equal(2, edition.ThemesToSelect);
    }

    [Fact]
    public async Task A_budget_that_is_no_amount_gets_a_message_next_to_the_field()
    {
        var response = await _staff.SubmitAsync("/beheer/edities", new Dictionary<string, string>
        {
            ["Input.Name"] = "Test",
            ["Input.TotalBudget"] = "anderhalf miljoen",
        }, "main form[method=post]");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("geen bedrag", page.QuerySelector("#Input_TotalBudget-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("anderhalf miljoen", page.QuerySelector("#Input_TotalBudget")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_round_opens_only_after_the_previous_one_is_published_and_one_at_a_time()
    {
        var editionId = await SetUpThroughThePagesAsync();
        var rounds = $"/beheer/edities/{editionId}/rondes";
        var page = await _staff.GetDocumentAsync(rounds);
        Assert.Null(page.QuerySelector("main a[href$='/openen']"));
        var openTwoUrl = $"{rounds}/{await _app.RoundIdAsync(2)}/openen";
        var confirm = await _staff.GetDocumentAsync(openTwoUrl);
        Assert.Null(confirm.QuerySelector("main form"));
        Assert.Contains("al een andere ronde open", confirm.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var openTwo = await _staff.PostAsync(openTwoUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Conflict, openTwo.StatusCode);
        Assert.Contains("al een andere ronde open", await openTwo.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(RoundStatus.Planned, (await _app.RoundAsync(2)).Status);
    }

    [Fact]
    public async Task A_round_closes_only_on_its_confirmation_page_which_says_what_closing_does()
    {
        var editionId = await SetUpThroughThePagesAsync();
        var rounds = $"/beheer/edities/{editionId}/rondes";
        var (confirm, url) = await _staff.RoundStepPageAsync(rounds, "sluiten");
        Assert.Equal($"{rounds}/{await _app.RoundIdAsync(1)}/sluiten", url);
        Assert.StartsWith("Ronde 1 sluiten · Burgerbegroting Maastricht 2027 · ", confirm.Title, StringComparison.Ordinal);
        Assert.Contains("Na het sluiten kan niemand meer stemmen", confirm.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(RoundStatus.Open, (await _app.RoundAsync(1)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _staff.GetAsync($"{rounds}/{await _app.RoundIdAsync(1)}/wissen")).StatusCode);

        // The rounds page's old one-click handler is gone: posting it changes nothing.
        var token = confirm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var oneClick = await _staff.PostAsync($"{rounds}?handler=Close&roundId={await _app.RoundIdAsync(1)}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.False(oneClick.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found, $"{(int)oneClick.StatusCode}");
        Assert.Equal(RoundStatus.Open, (await _app.RoundAsync(1)).Status);

        (await _staff.SubmitAsync(confirm, new Dictionary<string, string>(), "main form", url)).AssertRedirect(rounds);
        Assert.Equal(RoundStatus.Closed, (await _app.RoundAsync(1)).Status);
    }
}
