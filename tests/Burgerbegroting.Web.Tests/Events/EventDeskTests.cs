using Burgerbegroting.Data.Editions;
using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Events;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Eligibility;
using Burgerbegroting.Voting.Paper;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Stemcodes;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;
using Burgerbegroting.Web.Tests.Stemcodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ballot = Burgerbegroting.Data.Editions.Ballot;

namespace Burgerbegroting.Web.Tests.Events;

/// <summary>
/// The desk at an event (docs/events.md): a code checked in votes on paper in that round and not online; a code that
/// voted online keeps that vote and gets no sheet; the voting tablet casts desk ballots, one voter after the other.
/// </summary>
public sealed class EventDeskTests : IAsyncLifetime
{
    private const string StaffEmail = "medewerker@example.nl";
    private readonly AppFactory _app = new();
    private HttpClient _staff = null!;

    public async ValueTask InitializeAsync()
    {
        await _app.CreateStemcodeEditionAsync();
        await _app.CreateAsync(StaffEmail, Roles.Staff);
        _staff = await _app.SignInAsync(StaffEmail);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Who voted in the round and how (a ballot itself names nobody, docs/secrecy.md).</summary>
    private async Task<List<ParticipationRecord>> ParticipationsAsync(int round) =>
        await _app.WithDbAsync(async db =>
        {
            var id = await db.Rounds.Where(r => r.Number == round).Select(r => r.Id).SingleAsync();
            return await db.Participations.AsNoTracking().Where(p => p.RoundId == id).ToListAsync();
        });

    private async Task<List<EventCheckIn>> CheckInsAsync() => await _app.WithDbAsync(db => db.EventCheckIns.AsNoTracking().ToListAsync());

    private static async Task<HttpResponseMessage> ChooseThemesAsync(HttpClient client, params int[] themes)
    {
        var page = await client.GetDocumentAsync("/stemmen/themas");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = themes.Select(id => new KeyValuePair<string, string>("Chosen", id.ToString(CultureInfo.InvariantCulture))).Prepend(new("__RequestVerificationToken", token));
        return await client.PostAsync("/stemmen/themas", new FormUrlEncodedContent(fields));
    }

    private static string Text(IHtmlDocument page, string selector) => page.QuerySelector(selector)?.TextContent ?? "";

    private async Task OpenRoundOneAsync() => Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.OpenAsync(id)));

    [Fact]
    public async Task A_code_checked_in_on_paper_cannot_vote_online_in_that_round_but_can_in_the_next()
    {
        await OpenRoundOneAsync();
        var code = (await _app.IssueCodesAsync())[0];
        var row = await _app.CodeRowAsync(code);
        var ev = await _app.CreateEventAsync("Wijkavond Malberg", 1);

        // Typed the way people type; the message tells the desk to hand out a sheet.
        (await _staff.CheckInAsync(ev, code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal))).AssertRedirect(EventScenario.EventUrl(ev));
        Assert.Contains("Ingecheckt: geef een papieren stembiljet mee", Text(await _staff.GetDocumentAsync(EventScenario.EventUrl(ev)), "main"), StringComparison.Ordinal);
        Assert.Equal(row.Id, Assert.Single(await CheckInsAsync()).VotingCodeId);

        // Online, the code is accepted, but the ballot page refuses it and says why.
        var resident = _app.CreateBrowserlessClient();
        (await resident.EnterCodeAsync(code)).AssertRedirect("/stemmen/themas");
        var ballotPage = await resident.GetDocumentAsync("/stemmen/themas");
        Assert.Null(ballotPage.QuerySelector("main form input[name=Chosen]"));
        Assert.Contains("ingecheckt bij een bijeenkomst", Text(ballotPage, "main"), StringComparison.Ordinal);
        var themes = await _app.ThemeIdsAsync();
        // A ballot posted anyway (the page offers none; the token comes from the code page's form) is refused.
        var token = (await resident.GetDocumentAsync("/stemmen/code")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.PostAsync("/stemmen/themas", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Chosen", themes[0].ToString(CultureInfo.InvariantCulture))]))).StatusCode);
        Assert.Empty(await ParticipationsAsync(1));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var context = await scope.ServiceProvider.GetRequiredService<BallotDesk>().LoadAsync(RoundKind.ThemeChoice, (AppUser?)null, new CodeSession(row.Id, BallotChannel.Stemcode));
            Assert.Equal([IneligibleReason.VotedOnPaper], context!.Reasons);
        }

        // The check-in was for round 1 only.
        await _app.OpenRoundTwoAsync(chosen: 3);
        var chosen = await _app.ThemeIdsAsync(chosenOnly: true);
        var later = _app.CreateBrowserlessClient();
        (await later.EnterCodeAsync(code)).AssertRedirect("/stemmen/verdeling");
        var split = chosen.Select((id, i) => (id, i)).ToDictionary(x => $"Shares[{x.id}]", x => new[] { "50", "30", "20" }[x.i]);
        (await later.SubmitAsync("/stemmen/verdeling", split)).AssertRedirect("/stemmen/code");
        var ballot = Assert.Single(await ParticipationsAsync(2));
        Assert.Equal((row.VoterId, BallotChannel.Stemcode), (ballot.VoterId, ballot.Channel));
    }

    [Fact]
    public async Task A_code_that_voted_online_is_refused_at_check_in_and_its_online_ballot_stands()
    {
        await OpenRoundOneAsync();
        var code = (await _app.IssueCodesAsync())[0];
        var themes = await _app.ThemeIdsAsync();
        var resident = _app.CreateBrowserlessClient();
        await resident.EnterCodeAsync(code);
        (await ChooseThemesAsync(resident, themes[1])).AssertRedirect("/stemmen/code");
        var ev = await _app.CreateEventAsync("Wijkavond Malberg", 1);

        var refused = await _staff.CheckInAsync(ev, code);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Met deze code is deze ronde al online gestemd: die stem blijft staan; geef geen papieren stembiljet mee",
            Text(await Forms.ParseAsync(refused), "#Code-error"), StringComparison.Ordinal);
        Assert.Empty(await CheckInsAsync());
        Assert.Equal(BallotChannel.Stemcode, Assert.Single(await ParticipationsAsync(1)).Channel);
    }

    [Fact]
    public async Task A_code_checks_in_once_per_round_across_two_events()
    {
        await OpenRoundOneAsync();
        var code = (await _app.IssueCodesAsync())[0];
        var first = await _app.CreateEventAsync("Wijkavond Malberg", 1);
        var second = await _app.CreateEventAsync("Markt Wyck", 1);

        (await _staff.CheckInAsync(first, code)).AssertRedirect(EventScenario.EventUrl(first));
        var again = await _staff.CheckInAsync(second, code);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("Al ingecheckt bij Wijkavond Malberg", Text(await Forms.ParseAsync(again), "#Code-error"), StringComparison.Ordinal);
        Assert.Equal(first, Assert.Single(await CheckInsAsync()).EventId);
    }

    [Fact]
    public async Task Unknown_mistyped_and_revoked_codes_get_their_message_next_to_the_field_and_no_check_in()
    {
        await OpenRoundOneAsync();
        var codes = await _app.IssueCodesAsync(2);
        var ev = await _app.CreateEventAsync("Wijkavond Malberg", 1);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var edition = await scope.ServiceProvider.GetRequiredService<Burgerbegroting.Data.AppDbContext>().Editions.SingleAsync();
            await scope.ServiceProvider.GetRequiredService<StemcodeIssuer>().RevokeAsync(edition, (await _app.CodeRowAsync(codes[1])).Id, replace: false, "test");
        }

        var unknown = codes[0][..^1] + (codes[0][^1] == 'A' ? 'B' : 'A');
        foreach (var (typed, status, text) in new[] { (unknown, HttpStatusCode.BadRequest, "kennen we niet"), ("1234", HttpStatusCode.BadRequest, "Dit is geen stemcode"), (codes[1], HttpStatusCode.Forbidden, "ingetrokken") })
        {
            var response = await _staff.CheckInAsync(ev, typed);
            Assert.Equal(status, response.StatusCode);
            Assert.Contains(text, Text(await Forms.ParseAsync(response), "#Code-error"), StringComparison.Ordinal);
        }

        Assert.Empty(await CheckInsAsync());
    }

    [Fact]
    public async Task On_the_tablet_a_ballot_is_a_desk_ballot_and_the_next_voter_gets_an_empty_code_form()
    {
        await OpenRoundOneAsync();
        var codes = await _app.IssueCodesAsync(2);
        var themes = await _app.ThemeIdsAsync();
        var ev = await _app.CreateEventAsync("Wijkavond Malberg", 1);
        var device = await _app.SignInAsync(StaffEmail);
        var tabletUrl = EventScenario.EventUrl(ev) + "/tablet";

        var unconfirmed = await device.SubmitAsync(tabletUrl, new Dictionary<string, string>(), "main form[action*='handler=Start']");
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.NotNull((await Forms.ParseAsync(unconfirmed)).QuerySelector("#confirmed-error"));
        (await device.SubmitAsync(tabletUrl, new Dictionary<string, string> { ["confirmed"] = "true" }, "main form[action*='handler=Start']")).AssertRedirect("/stemmen/code");

        // The staff member is signed out on the tablet, and residents see no way to sign in there.
        (await device.GetAsync("/beheer")).AssertRedirect("/account/inloggen");
        var form = await device.GetDocumentAsync("/stemmen/code");
        Assert.Null(form.QuerySelector("a[href^='/account/inloggen']"));
        Assert.Contains("Stemtablet van Wijkavond Malberg", Text(form, "main"), StringComparison.Ordinal);

        foreach (var (code, theme) in codes.Zip(themes))
        {
            (await device.EnterCodeAsync(code)).AssertRedirect("/stemmen/themas");
            (await ChooseThemesAsync(device, theme)).AssertRedirect("/stemmen/code");
            var next = await device.GetDocumentAsync("/stemmen/code");
            Assert.Contains("Uw stem is opgeslagen. Volgende kiezer: typ uw stemcode.", Text(next, "main"), StringComparison.Ordinal);
            Assert.Equal("", next.QuerySelector("main input[name=Code]")!.GetAttribute("value"));
            Assert.Null(next.QuerySelector("#code-status"));
        }

        var ballots = await ParticipationsAsync(1);
        Assert.Equal(2, ballots.Count);
        Assert.All(ballots, b => Assert.Equal(BallotChannel.Desk, b.Channel));
    }

    [Fact]
    public async Task A_tablet_voter_who_walks_away_leaves_no_session_for_the_next_one()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new AppFactory().WithServices(s => s.AddSingleton<TimeProvider>(clock));
        await app.CreateStemcodeEditionAsync();
        await app.CreateAsync(StaffEmail, Roles.Staff);
        Assert.Equal(TransitionError.None, await app.StepAsync(1, (l, id) => l.OpenAsync(id)));
        var code = (await app.IssueCodesAsync())[0];
        var ev = await app.CreateEventAsync("Wijkavond Malberg", 1);
        var device = await app.SignInAsync(StaffEmail);
        (await device.SubmitAsync(EventScenario.EventUrl(ev) + "/tablet", new Dictionary<string, string> { ["confirmed"] = "true" }, "main form[action*='handler=Start']")).AssertRedirect("/stemmen/code");

        (await device.EnterCodeAsync(code)).AssertRedirect("/stemmen/themas");
        Assert.NotNull((await device.GetDocumentAsync("/stemmen/code")).QuerySelector("#code-status"));
        clock.Advance(TimeSpan.FromMinutes(new StemcodeOptions().IdleMinutes + 1));

        var next = await device.GetDocumentAsync("/stemmen/code");
        Assert.Null(next.QuerySelector("#code-status"));
        Assert.Equal("", next.QuerySelector("main input[name=Code]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Staff_stop_tablet_mode_after_signing_in_again_on_the_device()
    {
        await OpenRoundOneAsync();
        var ev = await _app.CreateEventAsync("Wijkavond Malberg", 1);
        var device = await _app.SignInAsync(StaffEmail);
        var tabletUrl = EventScenario.EventUrl(ev) + "/tablet";
        (await device.SubmitAsync(tabletUrl, new Dictionary<string, string> { ["confirmed"] = "true" }, "main form[action*='handler=Start']")).AssertRedirect("/stemmen/code");

        (await device.SubmitAsync("/account/inloggen", new Dictionary<string, string> { ["Input.Email"] = StaffEmail, ["Input.Password"] = TestAccounts.Password })).AssertRedirect("/");
        var page = await device.GetDocumentAsync(tabletUrl);
        Assert.Contains("Dit apparaat is nu de stemtablet van Wijkavond Malberg", Text(page, "main"), StringComparison.Ordinal);
        (await device.SubmitAsync(page, new Dictionary<string, string>(), "main form[action*='handler=Stop']", tabletUrl)).AssertRedirect(tabletUrl);

        Assert.Null((await device.GetDocumentAsync(tabletUrl)).QuerySelector("#this-device"));
        Assert.DoesNotContain("Stemtablet van", Text(await device.GetDocumentAsync("/stemmen/code"), "main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tablet_mode_does_not_start_while_the_events_round_is_not_open()
    {
        var ev = await _app.CreateEventAsync("Wijkavond Malberg", 1);

        var response = await _staff.SubmitToAsync(await _staff.GetDocumentAsync(EventScenario.EventUrl(ev)), new Dictionary<string, string> { ["confirmed"] = "true" },
            "main form", EventScenario.EventUrl(ev) + "/tablet?handler=Start");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("niet open", (await Forms.ParseAsync(response)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("bb.tablet=", StringComparison.Ordinal)));
        (await _staff.GetAsync("/beheer")).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_tablet_cookie_made_by_hand_does_nothing()
    {
        await OpenRoundOneAsync();
        var ev = await _app.CreateEventAsync("Wijkavond Malberg", 1);
        var client = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/stemmen/code");
        request.Headers.Add("Cookie", $"bb.tablet={ev}");

        var page = await Forms.ParseAsync(await client.SendAsync(request));

        Assert.NotNull(page.QuerySelector("a[href^='/account/inloggen']"));
        Assert.DoesNotContain("Stemtablet van", Text(page, "main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_desk_may_use_the_camera()
    {
        var ev = await _app.CreateEventAsync("Wijkavond Malberg", 1);

        var desk = await _staff.GetAsync(EventScenario.EventUrl(ev));
        var code = await _staff.GetAsync("/stemmen/code");

        Assert.Contains("camera=(self)", string.Join(",", desk.Headers.GetValues("Permissions-Policy")), StringComparison.Ordinal);
        Assert.Contains("camera=()", string.Join(",", code.Headers.GetValues("Permissions-Policy")), StringComparison.Ordinal);
    }
}
