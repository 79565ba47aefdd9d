using System.Globalization;
using System.Net;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Tests.Selection;

/// <summary>Round 4 (selectie): knapsack ballots per theme, greedy winners explained, open data the tally tool reproduces.</summary>
public sealed class RoundFourTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();
    private Dictionary<string, int> _ideas = [];

    public async ValueTask InitializeAsync()
    {
        await _app.CreateEditionAsync();
        await _app.CreateAsync("indiener@example.nl", Roles.Resident, configure: u => u.WantsUpdates = true);
        // Theme 0 has 500,000; theme 1 has 300,000.
        _ideas = await _app.OpenRoundFourAsync("indiener@example.nl",
            ("Speeltuin Malberg", 0, 300_000), ("Bomen Caberg", 0, 250_000), ("Moestuin Nazareth", 0, 150_000), ("Bankjes Wyck", 0, 40_000),
            ("Zebrapad Heer", 1, 120_000), ("Verlichting Pottenberg", 1, 200_000));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<HttpClient> VoterAsync(string email, bool wantsUpdates = false)
    {
        await _app.CreateAsync(email, Roles.Resident, configure: u => u.WantsUpdates = wantsUpdates);
        return await _app.SignInAsync(email);
    }

    private static async Task<HttpResponseMessage> VoteAsync(HttpClient client, IEnumerable<int> ideas)
    {
        var page = await client.GetDocumentAsync("/selectie");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = ideas.Select(id => new KeyValuePair<string, string>("Chosen", id.ToString(CultureInfo.InvariantCulture))).Prepend(new("__RequestVerificationToken", token));
        return await client.PostAsync("/selectie", new FormUrlEncodedContent(fields));
    }

    private int[] Ideas(params string[] titles) => [.. titles.Select(t => _ideas[t])];

    [Fact]
    public async Task A_selection_above_a_themes_budget_is_refused_with_the_ticks_kept()
    {
        var client = await VoterAsync("teveel@example.nl");
        var response = await VoteAsync(client, Ideas("Speeltuin Malberg", "Bomen Caberg", "Zebrapad Heer"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        var themeId = (await _app.ThemeIdsAsync(chosenOnly: true))[0];
        Assert.Contains("€ 550.000, meer dan het budget van € 500.000", page.QuerySelector($"#theme-{themeId}-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, page.QuerySelectorAll("input[name=Chosen][checked]").Length);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Ballots.CountAsync()));
    }

    [Fact]
    public async Task An_empty_selection_is_refused_with_a_message_next_to_the_ideas_and_the_page_says_so_beforehand()
    {
        var client = await VoterAsync("leeg@example.nl");
        Assert.Contains("kies minstens één idee", (await client.GetDocumentAsync("/selectie")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var response = await VoteAsync(client, []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Equal("Kies minstens één idee. Een lege stem telt niet mee.", page.QuerySelector("main form #Chosen.utrecht-form-field-error-message")!.TextContent);
        Assert.NotNull(page.QuerySelector(".bb-error-summary a[href='#Chosen']"));
        Assert.DoesNotContain("telt mee", page.QuerySelector("main")!.TextContent.Replace("telt niet mee", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Ballots.CountAsync()));
    }

    [Fact]
    public async Task A_voter_sees_their_ballot_again_and_can_change_it()
    {
        var client = await VoterAsync("terug@example.nl");
        (await VoteAsync(client, Ideas("Moestuin Nazareth", "Bankjes Wyck", "Zebrapad Heer"))).AssertRedirect("/selectie");
        var page = await client.GetDocumentAsync("/selectie");
        Assert.Equal(Ideas("Moestuin Nazareth", "Bankjes Wyck", "Zebrapad Heer").Order(),
            page.QuerySelectorAll("input[name=Chosen][checked]").Select(i => int.Parse(i.GetAttribute("value")!, CultureInfo.InvariantCulture)).Order());
        Assert.Contains("al gestemd", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        (await VoteAsync(client, Ideas("Speeltuin Malberg"))).AssertRedirect("/selectie");
        var entries = await _app.WithDbAsync(db => db.BallotEntries.Select(e => e.IdeaId).ToListAsync());
        Assert.Equal([_ideas["Speeltuin Malberg"]], entries);
    }

    [Fact]
    public async Task Opening_a_round_mails_those_who_asked_and_the_unsubscribe_link_works()
    {
        var opened = await _app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Kind == "round-opened").ToListAsync());
        Assert.Equal(["indiener@example.nl", "indiener@example.nl"], opened.Select(m => m.To));
        Assert.Contains("Selectie van Burgerbegroting Maastricht 2027 is begonnen", opened[^1].TextBody, StringComparison.Ordinal);
        var link = new Uri(opened[^1].TextBody.Split('\n').Single(l => l.Contains("/email/afmelden", StringComparison.Ordinal)).Trim());

        var anyone = _app.CreateBrowserlessClient();
        (await anyone.SubmitAsync(link.PathAndQuery, new Dictionary<string, string>())).EnsureSuccessStatusCode();
        Assert.False(await _app.WithDbAsync(db => db.Users.Where(u => u.Email == "indiener@example.nl").Select(u => u.WantsUpdates).SingleAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, (await anyone.GetAsync("/email/afmelden?token=vervalst")).StatusCode);
    }

    [Fact]
    public async Task The_budget_bars_come_back_as_htmx_out_of_band_fragments()
    {
        var client = await VoterAsync("live@example.nl");
        var page = await client.GetDocumentAsync("/selectie");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var live = page.QuerySelector("main form [data-hx-post]")!.GetAttribute("data-hx-post");
        Assert.Equal("/selectie?handler=Usage", live);
        Assert.Equal("/selectie?handler=Preview", page.QuerySelector("main form button[formaction]")!.GetAttribute("formaction"));
        using var request = new HttpRequestMessage(HttpMethod.Post, live)
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Chosen", _ideas["Speeltuin Malberg"].ToString(CultureInfo.InvariantCulture))]),
        };
        request.Headers.Add("HX-Request", "true");
        var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("data-hx-swap-oob=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("U hebt € 300.000 gekozen van € 500.000; nog € 200.000 over.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Residents_vote_staff_close_and_publish_and_everyone_can_see_why_and_recompute_it()
    {
        // Votes: Speeltuin 3, Bomen 3, Moestuin 2, Bankjes 1; Zebrapad 1, Verlichting 1.
        (await VoteAsync(await VoterAsync("a@example.nl", wantsUpdates: true), Ideas("Speeltuin Malberg", "Bankjes Wyck", "Zebrapad Heer"))).AssertRedirect("/selectie");
        (await VoteAsync(await VoterAsync("b@example.nl"), Ideas("Speeltuin Malberg", "Moestuin Nazareth", "Verlichting Pottenberg"))).AssertRedirect("/selectie");
        var c = await VoterAsync("c@example.nl");
        (await VoteAsync(c, Ideas("Moestuin Nazareth"))).AssertRedirect("/selectie");
        (await VoteAsync(c, Ideas("Speeltuin Malberg"))).AssertRedirect("/selectie"); // changed: replaces
        (await VoteAsync(await VoterAsync("d@example.nl"), Ideas("Bomen Caberg", "Moestuin Nazareth"))).AssertRedirect("/selectie");
        (await VoteAsync(await VoterAsync("e@example.nl"), Ideas("Bomen Caberg"))).AssertRedirect("/selectie");
        (await VoteAsync(await VoterAsync("f@example.nl"), Ideas("Bomen Caberg"))).AssertRedirect("/selectie");
        Assert.Equal(6, await _app.WithDbAsync(db => db.Ballots.CountAsync()));

        Assert.Equal(TransitionError.None, await _app.StepAsync(4, (l, id) => l.CloseAsync(id)));
        Assert.Equal("/2027/uitslag#ronde-4", (await c.GetAsync("/2027/uitslag/4")).Location());
        Assert.Equal(TransitionError.None, await _app.StepAsync(4, (l, id) => l.PublishAsync(id)));

        // Greedy with ties by lower cost: Bomen (3 votes, 250k) before Speeltuin (3 votes, 300k);
        // then Speeltuin does not fit (250k left), Moestuin fits (150k), Bankjes fits (40k). In the second theme
        // Zebrapad and Verlichting tie on one vote; the cheaper Zebrapad goes first and Verlichting no longer fits.
        var winners = await _app.WithDbAsync(db => db.IdeaResults.Where(r => r.Selected).OrderBy(r => r.ThemeId).ThenBy(r => r.Step).Select(r => r.Idea.Title).ToListAsync());
        Assert.Equal(["Bomen Caberg", "Moestuin Nazareth", "Bankjes Wyck", "Zebrapad Heer"], winners);

        var results = await c.GetDocumentAsync("/2027/uitslag/4");
        var text = results.QuerySelector("main")!.TextContent;
        Assert.Contains("Niet gekozen: 3 stemmen, maar toen het aan de beurt was, was er nog € 250.000 over en het kost € 300.000.", text, StringComparison.Ordinal);
        Assert.Contains("Gekozen met 3 stemmen. Bij evenveel stemmen ging het voor op Speeltuin Malberg", text, StringComparison.Ordinal);
        Assert.NotNull(results.QuerySelector("svg.bb-chart__svg"));
        var ideaPage = await c.GetDocumentAsync($"/ideeen/{_ideas["Speeltuin Malberg"]}");
        Assert.Contains("Dit idee is niet gekozen", ideaPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var mails = await _app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Kind == "idea-outcome" || m.Kind == "results-published").ToListAsync());
        Assert.Equal(6, mails.Count(m => m.Kind == "idea-outcome" && m.To == "indiener@example.nl"));
        var update = Assert.Single(mails, m => m.Kind == "results-published");
        Assert.Equal("a@example.nl", update.To);
        Assert.False(update.Transactional);
        Assert.Contains("/email/afmelden?token=", update.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OutcomeRuleKind.Greedy, "greedy-cost")]
    [InlineData(OutcomeRuleKind.EqualShares, "mes-cost-add1-greedy")]
    public async Task The_published_open_data_reproduces_the_winners_with_the_tally_tool(OutcomeRuleKind kind, string ruleName)
    {
        await _app.WithDbAsync(async db =>
        {
            (await db.Editions.SingleAsync()).OutcomeRule = kind;
            return await db.SaveChangesAsync();
        });
        var voters = new[] { ("Speeltuin Malberg", "Bankjes Wyck"), ("Speeltuin Malberg", "Moestuin Nazareth"), ("Bomen Caberg", "Moestuin Nazareth"), ("Bomen Caberg", "Bankjes Wyck") };
        for (var i = 0; i < voters.Length; i++)
        {
            (await VoteAsync(await VoterAsync($"v{i}@example.nl"), Ideas(voters[i].Item1, voters[i].Item2, "Zebrapad Heer"))).AssertRedirect("/selectie");
        }

        Assert.Equal(TransitionError.None, await _app.StepAsync(4, (l, id) => l.CloseAsync(id)));
        var visitor = _app.CreateBrowserlessClient();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/2027/uitslag/4/results.csv")).StatusCode);
        Assert.Equal(TransitionError.None, await _app.StepAsync(4, (l, id) => l.PublishAsync(id)));

        var csv = await visitor.GetStringAsync("/2027/uitslag/4/results.csv");
        Assert.StartsWith("idea_id;theme;title;cost;votes;selected", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.DoesNotContain("@example.nl", csv, StringComparison.Ordinal);

        foreach (var themeId in (await _app.ThemeIdsAsync(chosenOnly: true)).Take(2))
        {
            var file = await visitor.GetStringAsync($"/2027/uitslag/4/ballots.pb?thema={themeId}");
            Assert.DoesNotContain("@example.nl", file, StringComparison.Ordinal);
            var path = Path.Combine(TestEnvironment.NewTempDirectory("open-data"), "ballots.pb");
            await File.WriteAllTextAsync(path, file);
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var rule = PabulibReader.ReadFile(path).MetaValue("rule")!;
            Assert.Equal(ruleName, rule);
            Assert.Equal(0, Burgerbegroting.Tally.TallyCommand.Run([path, "--rule", rule], stdout, stderr));
            var election = PabulibReader.ReadFile(path);
            var fromTool = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => int.Parse(election.FindProject(p.Trim())!.Extras["idea_id"], CultureInfo.InvariantCulture)).Order().ToList();
            var published = await _app.WithDbAsync(db => db.IdeaResults.Where(r => r.ThemeId == themeId && r.Selected).Select(r => r.IdeaId).OrderBy(x => x).ToListAsync());
            Assert.NotEmpty(published);
            Assert.Equal(published, fromTool);
        }

        // Without a theme the file cannot be chosen: the answer lists each theme's link.
        var unchosen = await visitor.GetAsync("/2027/uitslag/4/ballots.pb");
        Assert.Equal(HttpStatusCode.BadRequest, unchosen.StatusCode);
        var listed = await unchosen.Content.ReadAsStringAsync();
        Assert.All((await _app.ThemeIdsAsync(chosenOnly: true)).Take(2), id => Assert.Contains($"/2027/uitslag/4/ballots.pb?thema={id} ", listed, StringComparison.Ordinal));
    }
}
