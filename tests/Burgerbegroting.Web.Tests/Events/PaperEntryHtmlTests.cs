using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Tests.Events;

/// <summary>The paper pages of every round with a ballot, with and without messages, are valid HTML (Nu HTML Checker).</summary>
public sealed class PaperEntryHtmlTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();
    private readonly string _folder = TestEnvironment.NewTempDirectory("paper-html");
    private int _saved;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_entry_and_disputes_pages_are_valid_html_in_rounds_one_two_and_four()
    {
        await _app.CreateEditionAsync();
        await _app.CreateAsync("typist1@example.nl", Roles.Staff);
        await _app.CreateAsync("typist2@example.nl", Roles.Staff);
        await _app.CreateAsync("beheerder@example.nl", Roles.Admin);
        await _app.CreateAsync("indiener@example.nl", Roles.Resident);
        var typist1 = await _app.SignInAsync("typist1@example.nl");
        var typist2 = await _app.SignInAsync("typist2@example.nl");
        var admin = await _app.SignInAsync("beheerder@example.nl");

        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.OpenAsync(id)));
        var round1 = await _app.CreateEventAsync(1, "Markt Wyck");
        var themes = await _app.ThemeIdsAsync();
        await SaveAsync(typist1, PaperScenario.EntryUrl(round1));
        await SaveAsync(await typist1.SubmitAsync(PaperScenario.EntryUrl(round1), new Dictionary<string, string> { ["Input.Number"] = "een" }));
        await typist1.EnterSheetAsync(round1, 1, ticks: [themes[0]]);
        await typist2.EnterSheetAsync(round1, 1, ticks: [themes[1]]);
        await SaveAsync(admin, PaperScenario.DisputesUrl(round1));
        await SaveAsync(typist1, PaperScenario.DisputesUrl(round1));

        await _app.OpenRoundTwoAsync(chosen: 3);
        var round2 = await _app.CreateEventAsync(2, "Buurtavond Malberg");
        var chosen = await _app.ThemeIdsAsync(chosenOnly: true);
        await SaveAsync(typist1, PaperScenario.EntryUrl(round2));
        await SaveAsync(await typist1.SubmitAsync(PaperScenario.EntryUrl(round2), new Dictionary<string, string>(PaperScenario.Shares(chosen, "veel", "-5", "")) { ["Input.Number"] = "3" }));
        await typist1.EnterSheetAsync(round2, 2, shares: PaperScenario.Shares(chosen, "50", "30", "20"));
        await typist2.EnterSheetAsync(round2, 2, shares: PaperScenario.Shares(chosen, "50", "20", "30"));
        await typist1.EnterSheetAsync(round2, 3, shares: PaperScenario.Shares(chosen, "100", "", ""));
        await SaveAsync(typist1, PaperScenario.EntryUrl(round2));
        var disputes = await admin.GetDocumentAsync(PaperScenario.DisputesUrl(round2));
        var sheetId = await _app.WithDbAsync(db => db.PaperSheets.Where(s => s.EventId == round2 && s.Number == 2).Select(s => s.Id).SingleAsync());
        await SaveAsync(await admin.SubmitSheetAsync(disputes, $"main form[action*='sheetId={sheetId}']", PaperScenario.Shares(chosen, "50", "x", "20"), []));
        var editionId = await _app.WithDbAsync(db => db.Editions.Select(e => e.Id).SingleAsync());
        await SaveAsync(admin, $"/beheer/edities/{editionId}/rondes");

        var ideas = await _app.OpenRoundFourAsync("indiener@example.nl", ("Speeltuin", 0, 300_000), ("Bankjes", 0, 40_000), ("Zebrapad", 1, 120_000));
        var round4 = await _app.CreateEventAsync(4, "Wijkfeest Caberg");
        await SaveAsync(typist1, PaperScenario.EntryUrl(round4));
        await typist1.EnterSheetAsync(round4, 4, ticks: [ideas["Speeltuin"], ideas["Zebrapad"]]);
        await typist2.EnterSheetAsync(round4, 4, unreadable: true);
        await SaveAsync(admin, PaperScenario.DisputesUrl(round4));
        await SaveAsync(typist1, PaperScenario.EntryUrl(round1));

        var errors = await HtmlChecker.ErrorsAsync(_folder);
        Assert.True(errors.Count == 0, $"{errors.Count} HTML errors in {_saved} pages:\n" + string.Join("\n", errors.Take(40)));
    }

    private async Task SaveAsync(HttpClient client, string url) => await SaveAsync(await client.GetAsync(url));

    private async Task SaveAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(html.Contains("<html", StringComparison.Ordinal), $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode}, no page");
        await File.WriteAllTextAsync(Path.Combine(_folder, $"{_saved++:00}-{(int)response.StatusCode}.html"), html);
    }
}
