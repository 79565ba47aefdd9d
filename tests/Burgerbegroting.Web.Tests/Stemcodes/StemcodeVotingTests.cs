using Burgerbegroting.Data.Editions;
using System.Globalization;
using System.Net;
using Burgerbegroting.Data.Accounts;
using Ballot = Burgerbegroting.Data.Editions.Ballot;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Stemcodes;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Burgerbegroting.Web.Tests.Stemcodes;

public sealed class StemcodeVotingTests() : StemcodeVotingTestsBase(TestDatabase.Sqlite);

/// <summary>The same on PostgreSQL, where concurrent saves really run side by side.</summary>
public sealed class StemcodeVotingPostgresTests() : StemcodeVotingTestsBase(TestDatabase.Postgres);

/// <summary>Residents vote with the code from their letter, with or without an account, through the same ballot pages.</summary>
public abstract class StemcodeVotingTestsBase(TestDatabase database) : IAsyncLifetime
{
    private readonly AppFactory _app = new(database);

    public async ValueTask InitializeAsync() => await _app.CreateStemcodeEditionAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<List<ParticipationRecord>> ParticipationsAsync(int round) =>
        await _app.WithDbAsync(async db =>
        {
            var id = await db.Rounds.Where(r => r.Number == round).Select(r => r.Id).SingleAsync();
            return await db.Participations.AsNoTracking().Where(p => p.RoundId == id).ToListAsync();
        });

    private async Task<List<Ballot>> BallotsAsync(int round) =>
        await _app.WithDbAsync(async db =>
        {
            var id = await db.Rounds.Where(r => r.Number == round).Select(r => r.Id).SingleAsync();
            return await db.Ballots.AsNoTracking().Include(b => b.Entries).Where(b => b.RoundId == id).ToListAsync();
        });

    private static async Task<HttpResponseMessage> ChooseThemesAsync(HttpClient client, params int[] themes)
    {
        var page = await client.GetDocumentAsync("/stemmen/themas");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = themes.Select(id => new KeyValuePair<string, string>("Chosen", id.ToString(CultureInfo.InvariantCulture))).Prepend(new("__RequestVerificationToken", token));
        return await client.PostAsync("/stemmen/themas", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task A_code_votes_in_rounds_one_two_and_four_without_an_account_and_each_session_ends_with_the_ballot()
    {
        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.OpenAsync(id)));
        var code = (await _app.IssueCodesAsync())[0];
        var row = await _app.CodeRowAsync(code);
        var themes = await _app.ThemeIdsAsync();
        var client = _app.CreateBrowserlessClient();

        // Typed the way people type: lower case, spaces instead of dashes.
        (await client.EnterCodeAsync(code.ToLowerInvariant().Replace('-', ' '))).AssertRedirect("/stemmen/themas");
        (await ChooseThemesAsync(client, themes[0], themes[2])).AssertRedirect("/stemmen/code");
        Assert.Single(await BallotsAsync(1));
        Assert.Equal(row.VoterId, Assert.Single(await ParticipationsAsync(1)).VoterId);
        // The session ended with the ballot: the ballot page asks for the code again.
        var after = await client.GetDocumentAsync("/stemmen/themas");
        Assert.Null(after.QuerySelector("main form input[name=Chosen]"));
        Assert.NotNull(after.QuerySelector("main a[href='/stemmen/code']"));

        await _app.OpenRoundTwoAsync(chosen: 3);
        var chosen = await _app.ThemeIdsAsync(chosenOnly: true);
        (await client.EnterCodeAsync(code)).AssertRedirect("/stemmen/verdeling");
        var split = chosen.Select((id, i) => (id, i)).ToDictionary(x => $"Shares[{x.id}]", x => new[] { "50", "30", "20" }[x.i]);
        (await client.SubmitAsync("/stemmen/verdeling", split)).AssertRedirect("/stemmen/code");
        Assert.Equal(100, Assert.Single(await BallotsAsync(2)).Entries.Sum(e => e.Value));

        await _app.CreateAsync("indiener@example.nl", Roles.Resident);
        var ideas = await _app.OpenRoundFourAsync("indiener@example.nl", ("Moestuin", 0, 100_000), ("Bankjes", 1, 50_000));
        (await client.EnterCodeAsync(code)).AssertRedirect("/selectie");
        var page = await client.GetDocumentAsync("/selectie");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        (await client.PostAsync("/selectie", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Chosen", ideas["Moestuin"].ToString(CultureInfo.InvariantCulture))])))
            .AssertRedirect("/stemmen/code");
        var selection = Assert.Single(await BallotsAsync(4));
        Assert.Equal(row.VoterId, Assert.Single(await ParticipationsAsync(4)).VoterId);
        Assert.Equal(ideas["Moestuin"], Assert.Single(selection.Entries).IdeaId);
    }

    [Fact]
    public async Task A_code_changes_its_ballot_until_the_close_and_the_page_says_it_has_voted()
    {
        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.OpenAsync(id)));
        var code = (await _app.IssueCodesAsync())[0];
        var themes = await _app.ThemeIdsAsync();
        var client = _app.CreateBrowserlessClient();
        await client.EnterCodeAsync(code);
        var status = await client.GetDocumentAsync("/stemmen/code");
        Assert.Contains("nog niet gestemd", status.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        await ChooseThemesAsync(client, themes[0]);

        await client.EnterCodeAsync(code);
        status = await client.GetDocumentAsync("/stemmen/code");
        Assert.Contains("met deze code is gestemd", status.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var ballot = await client.GetDocumentAsync("/stemmen/themas");
        Assert.NotNull(ballot.QuerySelector($"input[name=Chosen][value='{themes[0]}'][checked]"));
        (await ChooseThemesAsync(client, themes[1], themes[3])).AssertRedirect("/stemmen/code");
        Assert.Equal([themes[1], themes[3]], Assert.Single(await BallotsAsync(1)).Entries.Select(e => e.ThemeId).Order());

        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.CloseAsync(id)));
        await client.EnterCodeAsync(code);
        var closed = await client.GetAsync("/stemmen/themas");
        Assert.Null((await Forms.ParseAsync(closed)).QuerySelector("main form input[name=Chosen]"));
    }

    [Fact]
    public async Task A_revoked_code_is_refused_and_its_ballot_in_the_open_round_is_withdrawn()
    {
        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.OpenAsync(id)));
        var code = (await _app.IssueCodesAsync())[0];
        var themes = await _app.ThemeIdsAsync();
        var client = _app.CreateBrowserlessClient();
        await client.EnterCodeAsync(code);
        await ChooseThemesAsync(client, themes[0]);
        Assert.Single(await BallotsAsync(1));

        var row = await _app.CodeRowAsync(code);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var edition = await scope.ServiceProvider.GetRequiredService<Burgerbegroting.Data.AppDbContext>().Editions.SingleAsync();
            Assert.True((await scope.ServiceProvider.GetRequiredService<StemcodeIssuer>().RevokeAsync(edition, row.Id, replace: false, "test")).Revoked);
        }

        Assert.Empty(await BallotsAsync(1));
        var refused = await client.EnterCodeAsync(code);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("ingetrokken", (await Forms.ParseAsync(refused)).QuerySelector("#Code-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_linked_to_an_account_votes_from_either_side_into_one_ballot()
    {
        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.OpenAsync(id)));
        var code = (await _app.IssueCodesAsync())[0];
        var themes = await _app.ThemeIdsAsync();
        // An account without a linked code may not vote in a stemcodes edition, whatever its postcode.
        await _app.CreateAsync("bewoner@example.nl", Roles.Resident, configure: u => (u.Postcode, u.BirthYear) = ("6211AB", 1980));
        var account = await _app.SignInAsync("bewoner@example.nl");
        Assert.Null((await account.GetDocumentAsync("/stemmen/themas")).QuerySelector("main form input[name=Chosen]"));

        (await account.EnterCodeAsync(code)).AssertRedirect("/stemmen/themas");
        (await ChooseThemesAsync(account, themes[0])).AssertRedirect("/stemmen/themas");
        var byCode = _app.CreateBrowserlessClient();
        await byCode.EnterCodeAsync(code);
        (await ChooseThemesAsync(byCode, themes[4])).AssertRedirect("/stemmen/code");

        var ballot = Assert.Single(await BallotsAsync(1));
        Assert.Equal(themes[4], Assert.Single(ballot.Entries).ThemeId);
        Assert.Equal((await _app.CodeRowAsync(code)).VoterId, Assert.Single(await ParticipationsAsync(1)).VoterId);
        // The account sees the ballot cast with the code; another account cannot link the same code.
        Assert.NotNull((await account.GetDocumentAsync("/stemmen/themas")).QuerySelector($"input[name=Chosen][value='{themes[4]}'][checked]"));
        await _app.CreateAsync("buurman@example.nl", Roles.Resident);
        var other = await _app.SignInAsync("buurman@example.nl");
        Assert.Equal(HttpStatusCode.Conflict, (await other.EnterCodeAsync(code)).StatusCode);
    }

    [Fact]
    public async Task Fifty_concurrent_saves_with_one_code_leave_one_ballot()
    {
        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.OpenAsync(id)));
        var code = (await _app.IssueCodesAsync())[0];
        var themes = await _app.ThemeIdsAsync();
        // Fifty sessions of the same code (fifty devices), each with its ballot page open.
        var sessions = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            var client = _app.CreateBrowserlessClient();
            (await client.EnterCodeAsync(code)).AssertRedirect("/stemmen/themas");
            var page = await client.GetDocumentAsync("/stemmen/themas");
            return (client, token: page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!);
        }));
        var responses = await Task.WhenAll(sessions.Select((s, i) => s.client.PostAsync("/stemmen/themas", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", s.token), new("Chosen", themes[i % themes.Count].ToString(CultureInfo.InvariantCulture))]))));

        Assert.All(responses, r => r.AssertRedirect("/stemmen/code"));
        Assert.Single(Assert.Single(await BallotsAsync(1)).Entries);
        Assert.Equal(50, (await _app.RoundAsync(1)).BallotWrites);
    }
}
