using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Tests.Editions;

/// <summary>Round 2 (geld verdelen) on SQLite.</summary>
public sealed class RoundTwoTests() : RoundTwoTestsBase(TestDatabase.Sqlite)
{
    [Fact]
    public async Task Ballots_survive_a_restart()
    {
        var client = await ResidentAsync("blijvend@example.nl");
        (await client.SubmitAsync("/stemmen/verdeling", Split("60", "20", "20"), "main form")).AssertRedirect("/stemmen/verdeling");

        await using var restarted = new AppFactory(sqliteFile: App.SqliteFile);
        var again = await restarted.SignInAsync("blijvend@example.nl");
        var page = await again.GetDocumentAsync("/stemmen/verdeling");
        Assert.Equal("60", page.QuerySelector($"#Shares_{Themes[0]}")!.GetAttribute("value"));
        Assert.Contains("al gestemd", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}

/// <summary>Rate limits count saved ballots, not the live previews htmx sends while someone types.</summary>
public sealed class BallotRateLimitTests
{
    [Fact]
    public async Task Live_previews_are_not_rate_limited_but_saving_is()
    {
        await using var app = new AppFactory().With("RateLimits:BallotsPerMinute", "2");
        await app.CreateEditionAsync();
        await app.OpenRoundTwoAsync();
        await app.CreateAsync("typist@example.nl", Burgerbegroting.Data.Accounts.Roles.Resident);
        var client = await app.SignInAsync("typist@example.nl");
        var page = await client.GetDocumentAsync("/stemmen/verdeling");
        for (var i = 0; i < 6; i++)
        {
            var preview = await client.SubmitToAsync(page, new Dictionary<string, string>(), "main form", "/stemmen/verdeling?handler=Remaining");
            Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        }

        var saves = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            saves.Add((await client.SubmitAsync(page, new Dictionary<string, string>(), "main form", "/stemmen/verdeling")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, saves[^1]);
    }
}

/// <summary>The same round on PostgreSQL, where concurrent transactions really run side by side.</summary>
public sealed class RoundTwoPostgresTests() : RoundTwoTestsBase(TestDatabase.Postgres);

/// <summary>Round 2 (geld verdelen): splits of exactly 100, live remaining amount, budgets that add up to the total.</summary>
public abstract class RoundTwoTestsBase(TestDatabase database) : IAsyncLifetime
{
    private readonly AppFactory _app = new(database);
    private List<int> _themes = [];

    public async ValueTask InitializeAsync()
    {
        await _app.CreateEditionAsync(budget: 1_000_000);
        await _app.OpenRoundTwoAsync(chosen: 3);
        _themes = await _app.ThemeIdsAsync(chosenOnly: true);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    protected AppFactory App => _app;

    protected IReadOnlyList<int> Themes => _themes;

    protected Dictionary<string, string> Split(params string[] values) =>
        _themes.Select((id, i) => (id, i)).ToDictionary(x => $"Shares[{x.id}]", x => values[x.i]);

    protected async Task<HttpClient> ResidentAsync(string email)
    {
        await _app.CreateAsync(email, Roles.Resident);
        return await _app.SignInAsync(email);
    }

    [Theory]
    [InlineData("33", "33", "33", "99")]
    [InlineData("34", "34", "33", "101")]
    public async Task A_split_that_is_not_exactly_100_is_refused_with_the_values_kept(string a, string b, string c, string sum)
    {
        var client = await ResidentAsync("rekenaar@example.nl");
        var response = await client.SubmitAsync("/stemmen/verdeling", Split(a, b, c), "main form");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains($"nu is het {sum}.", page.QuerySelector(".bb-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([a, b, c], _themes.Select(id => page.QuerySelector($"#Shares_{id}")!.GetAttribute("value")));
        Assert.Equal(0, await _app.WithDbAsync(db => db.Ballots.CountAsync()));
    }

    [Fact]
    public async Task Text_that_is_no_whole_percentage_gets_a_message_next_to_that_field()
    {
        var client = await ResidentAsync("typfout@example.nl");
        var response = await client.SubmitAsync("/stemmen/verdeling", Split("50", "veel", "12,5"), "main form");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("heel getal", page.QuerySelector($"#Shares_{_themes[1]}-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"#Shares_{_themes[2]}-error"));
        Assert.Null(page.QuerySelector($"#Shares_{_themes[0]}-error"));
        Assert.Equal("veel", page.QuerySelector($"#Shares_{_themes[1]}")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_remaining_amount_comes_back_as_an_htmx_fragment_with_euro_amounts()
    {
        var client = await ResidentAsync("live@example.nl");
        var page = await client.GetDocumentAsync("/stemmen/verdeling");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var live = page.QuerySelector(".bb-split[data-hx-post]")!.GetAttribute("data-hx-post");
        Assert.Equal("/stemmen/verdeling?handler=Remaining", live);
        using var request = new HttpRequestMessage(HttpMethod.Post, live)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(Split("50", "20", "")) { ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("HX-Request", "true");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("HX-Request", response.Headers.Vary);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", html, StringComparison.Ordinal);
        Assert.Contains("Nog te verdelen: 30% (€ 300.000)", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"Shares_{_themes[0]}-amount\" data-hx-swap-oob=\"true\">€ 500.000", html, StringComparison.Ordinal);

        // Without JavaScript the same button-driven recalculation gives the whole page.
        var recalculate = page.QuerySelector("main form button[formaction]")!.GetAttribute("formaction")!;
        Assert.Equal("/stemmen/verdeling?handler=Preview", recalculate);
        var plain = await client.SubmitToAsync(page, Split("50", "20", ""), "main form", recalculate);
        Assert.Contains("Nog te verdelen: 30%", await plain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Ballots.CountAsync()));
    }

    [Fact]
    public async Task Residents_split_the_budget_and_published_budgets_add_up_to_the_total()
    {
        var splits = new[] { ("a@example.nl", "50", "30", "20"), ("b@example.nl", "100", "0", "0"), ("c@example.nl", "33", "33", "34") };
        foreach (var (email, x, y, z) in splits)
        {
            var client = await ResidentAsync(email);
            (await client.SubmitAsync("/stemmen/verdeling", Split(x, y, z), "main form")).AssertRedirect("/stemmen/verdeling");
        }

        var changer = await _app.SignInAsync("c@example.nl");
        var again = await changer.GetDocumentAsync("/stemmen/verdeling");
        Assert.Equal("34", again.QuerySelector($"#Shares_{_themes[2]}")!.GetAttribute("value"));
        (await changer.SubmitAsync(again, Split("34", "33", "33"), "main form", "/stemmen/verdeling")).AssertRedirect("/stemmen/verdeling");
        Assert.Equal(3, await _app.WithDbAsync(db => db.Ballots.CountAsync()));

        Assert.Equal(TransitionError.None, await _app.StepAsync(2, (l, id) => l.CloseAsync(id)));
        Assert.Equal(TransitionError.None, await _app.StepAsync(2, (l, id) => l.PublishAsync(id)));

        // Sums 184, 63, 53 of 300: exact shares 613,333.33 / 210,000 / 176,666.67 → largest remainder.
        var budgets = await _app.WithDbAsync(db => db.Themes.Where(t => t.Chosen).OrderBy(t => t.Position).Select(t => t.Budget).ToListAsync());
        Assert.Equal([613_333, 210_000, 176_667], budgets);
        Assert.Equal(1_000_000, budgets.Sum());

        var results = await (await _app.SignInAsync("a@example.nl")).GetDocumentAsync("/2027/uitslag/2");
        var text = results.QuerySelector("main")!.TextContent;
        Assert.Contains("€ 613.333", text, StringComparison.Ordinal);
        Assert.Contains("€ 1.000.000", text, StringComparison.Ordinal);
        Assert.Contains("61,3%", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fifty_concurrent_submits_by_one_resident_leave_exactly_one_ballot()
    {
        var client = await ResidentAsync("snel@example.nl");
        var page = await client.GetDocumentAsync("/stemmen/verdeling");
        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            client.SubmitAsync(page, Split((i % 100).ToString(CultureInfo.InvariantCulture), (100 - i % 100).ToString(CultureInfo.InvariantCulture), "0"), "main form", "/stemmen/verdeling")));
        Assert.All(responses, r => r.AssertRedirect("/stemmen/verdeling"));
        var ballots = await _app.WithDbAsync(db => db.Ballots.Include(b => b.Entries).ToListAsync());
        var ballot = Assert.Single(ballots);
        Assert.Equal(100, ballot.Entries.Sum(e => e.Value));
        Assert.Equal(3, ballot.Entries.Count);
    }

    [Fact]
    public async Task Ballots_racing_the_close_are_counted_if_accepted_and_refused_after_it_and_both_outcomes_happen()
    {
        // Four submitters start together and send one resident's ballot after another; the close starts once a few
        // are accepted, while others are in flight, and each submitter goes on until it is refused. So every run
        // has ballots on both sides of the close, and those in flight land on either side.
        var waiting = new ConcurrentQueue<(string VoterId, HttpClient Client, IHtmlDocument Page)>();
        for (var i = 0; i < 30; i++)
        {
            var email = $"race{i}@example.nl";
            var voter = await _app.CreateAsync(email, Roles.Resident);
            var client = await _app.SignInAsync(email);
            waiting.Enqueue((voter.Id, client, await client.GetDocumentAsync("/stemmen/verdeling")));
        }

        var outcomes = new ConcurrentQueue<(string VoterId, HttpStatusCode Status)>();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var startClose = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var close = Task.Run(async () =>
        {
            await startClose.Task;
            return await _app.StepAsync(2, (l, id) => l.CloseAsync(id));
        });
        var accepted = 0;
        async Task SubmitAsync()
        {
            await start.Task;
            var refused = false;
            while (!refused && waiting.TryDequeue(out var next))
            {
                var response = await next.Client.SubmitAsync(next.Page, Split("40", "30", "30"), "main form", "/stemmen/verdeling");
                outcomes.Enqueue((next.VoterId, response.StatusCode));
                refused = response.StatusCode == HttpStatusCode.Conflict;
                if (response.StatusCode == HttpStatusCode.Redirect && Interlocked.Increment(ref accepted) == 4)
                {
                    startClose.SetResult();
                }
            }
        }

        var submitters = Enumerable.Range(0, 4).Select(_ => Task.Run(SubmitAsync)).ToList();
        start.SetResult();
        await Task.WhenAll(submitters);
        startClose.TrySetResult();
        Assert.Equal(TransitionError.None, await close);

        Assert.All(outcomes, o => Assert.True(o.Status is HttpStatusCode.Redirect or HttpStatusCode.Conflict, $"{(int)o.Status}"));
        var acceptedVoters = outcomes.Where(o => o.Status == HttpStatusCode.Redirect).Select(o => o.VoterId).Order(StringComparer.Ordinal).ToList();
        var refusedCount = outcomes.Count(o => o.Status == HttpStatusCode.Conflict);
        TestContext.Current.TestOutputHelper?.WriteLine($"{acceptedVoters.Count} accepted, {refusedCount} refused, {waiting.Count} residents left over");
        Assert.True(acceptedVoters.Count > 0 && refusedCount > 0, $"{acceptedVoters.Count} accepted, {refusedCount} refused: the race did not give both outcomes");
        var counted = await _app.WithDbAsync(db => db.Participations.Select(p => p.VoterId).ToListAsync());
        Assert.Equal(acceptedVoters, counted.Order(StringComparer.Ordinal));
        Assert.Equal(acceptedVoters.Count, await _app.WithDbAsync(db => db.Ballots.CountAsync()));
        Assert.Equal(acceptedVoters.Count, (await _app.RoundAsync(2)).BallotCount);
    }
}
