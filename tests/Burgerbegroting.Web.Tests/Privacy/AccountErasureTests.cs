using System.Globalization;
using System.Net;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Email;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Burgerbegroting.Web.Tests.Privacy;

public sealed class AccountErasureSqliteTests() : AccountErasureTests(TestDatabase.Sqlite);

/// <summary>The deletion's SQL (withdrawals, outbox, pseudonyms) on PostgreSQL too.</summary>
public sealed class AccountErasurePostgresTests() : AccountErasureTests(TestDatabase.Postgres);

/// <summary>
/// Deleting one's own account (docs/privacy.md), end to end through the pages: the person can no longer sign in, no
/// mail goes to them (queued ones included), their vote in the open round is withdrawn, their idea stays without their
/// name, and the published results do not change.
/// </summary>
public abstract class AccountErasureTests(TestDatabase database) : IAsyncLifetime
{
    private const string Leaving = "weg@example.nl";
    private readonly AppFactory _app = new AppFactory(database).With("Email:RunSender", "false");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_deleted_resident_cannot_sign_in_gets_no_mail_loses_the_open_vote_and_published_results_stay()
    {
        await _app.CreateEditionAsync(k: 3, n: 2);
        var leaving = await _app.CreateAsync(Leaving, Roles.Resident, configure: u => { u.DisplayName = "Wendy Weggaan"; u.WantsUpdates = true; });
        await _app.CreateAsync("blijft@example.nl", Roles.Resident, configure: u => u.WantsUpdates = true);
        var client = await _app.SignInAsync(Leaving);
        var other = await _app.SignInAsync("blijft@example.nl");
        var themes = await _app.ThemeIdsAsync();

        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.OpenAsync(id)));
        (await Vote(client, themes[0], themes[1], themes[2])).AssertRedirect("/stemmen/themas");
        (await Vote(other, themes[0], themes[1], themes[3])).AssertRedirect("/stemmen/themas");
        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.CloseAsync(id)));
        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.PublishAsync(id)));
        var published = await PublishedAsync(1);
        Assert.Equal(TransitionError.None, await _app.StepAsync(2, (l, id) => l.OpenAsync(id)));
        var chosen = await _app.ThemeIdsAsync(chosenOnly: true);
        (await client.SubmitAsync("/stemmen/verdeling", new Dictionary<string, string> { [$"Shares[{chosen[0]}]"] = "70", [$"Shares[{chosen[1]}]"] = "30" }))
            .AssertRedirect("/stemmen/verdeling");
        (await other.SubmitAsync("/stemmen/verdeling", new Dictionary<string, string> { [$"Shares[{chosen[0]}]"] = "50", [$"Shares[{chosen[1]}]"] = "50" }))
            .AssertRedirect("/stemmen/verdeling");
        var ideaId = await AddIdeaAsync(leaving.Id);
        Assert.NotEmpty(await MailsToAsync(Leaving));
        Assert.NotNull(await _app.StoredBallotAsync(2, leaving.Id));

        var page = await client.GetDocumentAsync("/account/verwijderen");
        Assert.Contains("ingetrokken", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var wrong = await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Password"] = "niet-het-wachtwoord", ["Input.Understood"] = "true" }, "main form", "/account/verwijderen");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("klopt niet", (await Forms.ParseAsync(wrong)).QuerySelector("#Input_Password-error")!.TextContent, StringComparison.Ordinal);
        var unticked = await client.SubmitAsync("/account/verwijderen", new Dictionary<string, string> { ["Input.Password"] = TestAccounts.Password });
        Assert.Equal(HttpStatusCode.BadRequest, unticked.StatusCode);
        Assert.NotNull(await _app.WithDbAsync(db => db.Users.SingleOrDefaultAsync(u => u.Email == Leaving)));

        var deleted = await client.SubmitAsync("/account/verwijderen", new Dictionary<string, string> { ["Input.Password"] = TestAccounts.Password, ["Input.Understood"] = "true" });
        deleted.AssertRedirect("/");

        // Signed out everywhere, and the address and password no longer sign in.
        (await other.GetAsync("/account/profiel")).EnsureSuccessStatusCode();
        (await client.GetAsync("/account/profiel")).AssertRedirect("/account/inloggen");
        var signIn = await _app.CreateBrowserlessClient().SubmitAsync("/account/inloggen", new Dictionary<string, string> { ["Input.Email"] = Leaving, ["Input.Password"] = TestAccounts.Password });
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);

        // What is left of the account holds nothing about the person.
        var left = await _app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == leaving.Id));
        Assert.True(left.Erased);
        Assert.Equal((null, null, "", null, null, false), (left.Email, left.PasswordHash, left.DisplayName, left.Postcode, left.BirthYear, left.WantsUpdates));
        Assert.DoesNotContain("weg", left.UserName!.Replace("verwijderd-", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Empty(await _app.WithDbAsync(db => db.UserRoles.Where(r => r.UserId == leaving.Id).ToListAsync()));

        // The open round's vote is withdrawn; the published round's ballots and results are as they were.
        Assert.Null(await _app.StoredBallotAsync(2, leaving.Id));
        var round2 = await _app.RoundIdAsync(2);
        Assert.Equal(1, await _app.WithDbAsync(db => db.Participations.CountAsync(p => p.RoundId == round2)));
        Assert.Equal(1, await _app.WithDbAsync(db => db.Ballots.CountAsync(b => b.RoundId == round2)));
        Assert.Equal(published, await PublishedAsync(1));

        // The idea stays, without a name.
        var ideaPage = await _app.CreateBrowserlessClient().GetDocumentAsync($"/ideeen/{ideaId}");
        Assert.Equal("een inwoner", ideaPage.QuerySelectorAll(".bb-facts dt").Single(dt => dt.TextContent == "Ingediend door").NextElementSibling!.TextContent);
        Assert.DoesNotContain("Wendy", ideaPage.DocumentElement.OuterHtml, StringComparison.Ordinal);

        // No mail to the person: queued ones are gone, and later mails (results, the idea's outcome) are not queued.
        Assert.Empty(await MailsToAsync(Leaving));
        Assert.Equal(TransitionError.None, await _app.StepAsync(2, (l, id) => l.CloseAsync(id)));
        Assert.Equal(TransitionError.None, await _app.StepAsync(2, (l, id) => l.PublishAsync(id)));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var templates = scope.ServiceProvider.GetRequiredService<EmailTemplates>();
            Assert.Null(scope.ServiceProvider.GetRequiredService<Outbox>().Enqueue(templates.IdeaOutcome(left, "Bankjes", true, "http://localhost/ideeen/1")));
        }

        Assert.Empty(await _app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == Leaving || m.To == "").ToListAsync()));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None);
        }

        var sent = Directory.Exists(_app.PickupFolder) ? Directory.GetFiles(_app.PickupFolder).Select(File.ReadAllText).ToList() : [];
        Assert.Contains(sent, m => m.Contains("blijft@example.nl", StringComparison.Ordinal));
        Assert.DoesNotContain(sent, m => m.Contains(Leaving, StringComparison.Ordinal));
    }

    private static async Task<HttpResponseMessage> Vote(HttpClient client, params int[] themeIds)
    {
        var page = await client.GetDocumentAsync("/stemmen/themas");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
        fields.AddRange(themeIds.Select(id => new KeyValuePair<string, string>("Chosen", id.ToString(CultureInfo.InvariantCulture))));
        return await client.PostAsync("/stemmen/themas", new FormUrlEncodedContent(fields));
    }

    /// <summary>Everything a published round shows: its results, its ballot count, its ballots' lines and receipt codes.</summary>
    private async Task<string> PublishedAsync(int number)
    {
        var roundId = await _app.RoundIdAsync(number);
        return await _app.WithDbAsync(async db =>
        {
            var results = await db.ThemeResults.Where(r => r.RoundId == roundId).OrderBy(r => r.ThemeId)
                .Select(r => $"{r.ThemeId}:{r.Rank}:{r.Votes}:{r.PercentageSum}:{r.Outcome}").ToListAsync();
            var count = await db.Rounds.Where(r => r.Id == roundId).Select(r => r.BallotCount).SingleAsync();
            var ballots = await db.Ballots.Where(b => b.RoundId == roundId).OrderBy(b => b.ReceiptCode)
                .Select(b => b.ReceiptCode + "=" + string.Join(",", b.Entries.OrderBy(e => e.ThemeId).Select(e => e.ThemeId))).ToListAsync();
            return $"{count} | {string.Join(" ", results)} | {string.Join(" ", ballots)}";
        });
    }

    private Task<int> AddIdeaAsync(string submitterId) => _app.WithDbAsync(async db =>
    {
        var edition = await db.Editions.Include(e => e.Buurten).Include(e => e.Themes).SingleAsync();
        var idea = new Idea
        {
            EditionId = edition.Id, ThemeId = edition.Themes[0].Id, BuurtId = edition.Buurten[0].Id, Title = "Bankjes op het plein",
            Summary = "Meer bankjes", Description = "Bankjes", EstimatedCost = 10_000, SubmitterId = submitterId,
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        db.Ideas.Add(idea);
        await db.SaveChangesAsync();
        return idea.Id;
    });

    private Task<List<string>> MailsToAsync(string email) =>
        _app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == email).Select(m => m.Kind).ToListAsync());
}
