using System.Globalization;
using System.Text.Json;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Tests.Privacy;

/// <summary>"Mijn gegevens" (AVG art. 15 and 20): everything about the person, on the page and as JSON — whether they voted, never how.</summary>
public sealed class PersonalDataTests : IAsyncLifetime
{
    private readonly AppFactory _app = new AppFactory().With("Email:RunSender", "false");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task My_data_shows_account_ideas_reports_mails_and_whether_I_voted_but_not_how()
    {
        await _app.CreateEditionAsync(k: 3, n: 2);
        var user = await _app.CreateAsync("lotte@example.nl", Roles.Resident, configure: u => { u.DisplayName = "Lotte Peeters"; u.BirthYear = 1988; });
        var client = await _app.SignInAsync("lotte@example.nl");
        var themes = await _app.ThemeIdsAsync();
        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.OpenAsync(id)));
        var ballot = await client.GetDocumentAsync("/stemmen/themas");
        (await client.SubmitAsync(ballot, new Dictionary<string, string> { ["Chosen"] = themes[2].ToString(CultureInfo.InvariantCulture) }, "main form", "/stemmen/themas"))
            .AssertRedirect("/stemmen/themas");
        // The voting page shows the receipt code once, after saving (docs/secrecy.md); that is not this page's doing.
        await client.GetStringAsync("/stemmen/themas");
        await _app.WithDbAsync(async db =>
        {
            var edition = await db.Editions.Include(e => e.Buurten).Include(e => e.Themes).SingleAsync();
            var idea = new Idea
            {
                EditionId = edition.Id, ThemeId = edition.Themes[0].Id, BuurtId = edition.Buurten[0].Id, Title = "Een moestuin bij de school",
                Summary = "Samen tuinieren", Description = "Tuin", EstimatedCost = 5_000, SubmitterId = user.Id, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            db.Ideas.Add(idea);
            await db.SaveChangesAsync();
            db.IdeaReports.Add(new IdeaReport { IdeaId = idea.Id, ReporterId = user.Id, Reason = "Dubbel ingediend", CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        var page = await client.GetDocumentAsync("/account/gegevens");
        var main = page.QuerySelector("main")!.TextContent;
        foreach (var expected in new[] { "lotte@example.nl", "Lotte Peeters", "1988", "Een moestuin bij de school", "Dubbel ingediend", "Burgerbegroting Maastricht 2027" })
        {
            Assert.Contains(expected, main, StringComparison.Ordinal);
        }

        var receiptSubject = await _app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == "lotte@example.nl").Select(m => m.Subject).FirstAsync());
        Assert.Contains(receiptSubject, main, StringComparison.Ordinal);

        var json = await client.GetAsync("/account/gegevens?handler=Json");
        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
        Assert.Equal("mijn-gegevens.json", json.Content.Headers.ContentDisposition!.FileNameStar ?? json.Content.Headers.ContentDisposition.FileName);
        var text = await json.Content.ReadAsStringAsync();
        var root = JsonDocument.Parse(text).RootElement;
        Assert.Equal("lotte@example.nl", root.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal("Een moestuin bij de school", root.GetProperty("ideas")[0].GetProperty("title").GetString());
        Assert.Equal("Dubbel ingediend", root.GetProperty("reports")[0].GetProperty("reason").GetString());
        Assert.Contains(root.GetProperty("mails").EnumerateArray(), m => m.GetProperty("subject").GetString() == receiptSubject);
        var round = Assert.Single(root.GetProperty("rounds").EnumerateArray());
        Assert.True(round.GetProperty("voted").GetBoolean());
        Assert.Equal("Account", round.GetProperty("channel").GetString());

        // Not how: neither the ballot's receipt code nor the theme chosen appears anywhere in the export.
        var receipt = await _app.WithDbAsync(db => db.Ballots.Select(b => b.ReceiptCode).SingleAsync());
        var chosenTheme = await _app.WithDbAsync(db => db.Themes.Where(t => t.Id == themes[2]).Select(t => t.Name).SingleAsync());
        Assert.DoesNotContain(receipt, text, StringComparison.Ordinal);
        Assert.DoesNotContain(chosenTheme, text, StringComparison.Ordinal);
        Assert.DoesNotContain(receipt, main, StringComparison.Ordinal);

        var html = await client.GetAsync("/account/gegevens?handler=Html");
        Assert.Equal("attachment", html.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("Een moestuin bij de school", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_data_and_deleting_need_a_signed_in_visitor()
    {
        var visitor = _app.CreateBrowserlessClient();
        (await visitor.GetAsync("/account/gegevens")).AssertRedirect("/account/inloggen");
        (await visitor.GetAsync("/account/gegevens?handler=Json")).AssertRedirect("/account/inloggen");
        (await visitor.GetAsync("/account/verwijderen")).AssertRedirect("/account/inloggen");
    }
}
