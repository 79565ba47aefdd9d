using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Events;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Paper;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;
using Burgerbegroting.Web.Tests.Stemcodes;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Tests.Events;

/// <summary>The event pages (with their messages), the voting tablet and the results with channel counts are valid HTML (Nu HTML Checker).</summary>
public sealed class EventPagesHtmlTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_event_pages_are_valid_html()
    {
        var edition = (await _app.CreateEditionAsync()).Id;
        await _app.CreateAsync("inwoner@example.nl", Roles.Resident);
        await _app.CreateAsync("medewerker@example.nl", Roles.Staff);
        var staff = await _app.SignInAsync("medewerker@example.nl");
        var folder = TestEnvironment.NewTempDirectory("html");
        var saved = 0;
        async Task SaveAsync(HttpResponseMessage response, string name)
        {
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(html.Contains("<html", StringComparison.Ordinal), $"{name}: {(int)response.StatusCode}, no page");
            await File.WriteAllTextAsync(Path.Combine(folder, $"{saved++:00}-{name}.html"), html);
        }

        // An accounts edition: the list with an event and its sheets, the attendance list, bad input on every form.
        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.OpenAsync(id)));
        var events = $"/beheer/edities/{edition}/bijeenkomsten";
        var ev = await _app.CreateEventAsync("Wijkavond Malberg", 1);
        await _app.SeedSheetsAsync(ev, SheetStatus.Waiting, SheetStatus.Counted, SheetStatus.Invalid);
        var desk = EventScenario.EventUrl(ev);
        await staff.SubmitAsync(desk, new Dictionary<string, string> { ["Attendee.Name"] = "Jan Janssen", ["Attendee.Postcode"] = "6211AB" });
        await SaveAsync(await staff.GetAsync(events), "events");
        await SaveAsync(await staff.SubmitAsync(events, new Dictionary<string, string> { ["Input.Name"] = "", ["Input.Round"] = "3" }), "events-invalid");
        await SaveAsync(await staff.GetAsync(desk), "desk-accounts");
        await SaveAsync(await staff.SubmitAsync(desk, new Dictionary<string, string> { ["Attendee.Name"] = "", ["Attendee.Postcode"] = "x" }), "desk-accounts-invalid");
        await SaveAsync(await staff.GetAsync(desk + "/tablet"), "tablet-accounts");
        var forms = $"/beheer/edities/{edition}/stembiljetten";
        await SaveAsync(await staff.GetAsync(forms), "forms");
        await SaveAsync(await staff.SubmitAsync(forms, new Dictionary<string, string> { ["Round"] = "3", ["Count"] = "0" }), "forms-invalid");
        await SaveAsync(await staff.SubmitAsync(forms, new Dictionary<string, string> { ["Round"] = "4" }), "forms-nothing-to-choose");

        // The same edition by stemcode: the desk with a refused code, the tablet page and the tablet itself.
        await _app.WithDbAsync(db => db.Editions.ExecuteUpdateAsync(s => s.SetProperty(e => e.VoterRoll, VoterRoll.Stemcodes)));
        var code = (await _app.IssueCodesAsync())[0];
        await SaveAsync(await staff.GetAsync(desk), "desk-stemcodes");
        await SaveAsync(await staff.CheckInAsync(ev, "ABCD"), "desk-stemcodes-invalid");
        await staff.CheckInAsync(ev, code);
        await SaveAsync(await staff.CheckInAsync(ev, code), "desk-stemcodes-again");
        await SaveAsync(await staff.SubmitAsync(desk + "/tablet", new Dictionary<string, string>(), "main form[action*='handler=Start']"), "tablet-unconfirmed");
        var device = await _app.SignInAsync("medewerker@example.nl");
        await device.SubmitAsync(desk + "/tablet", new Dictionary<string, string> { ["confirmed"] = "true" }, "main form[action*='handler=Start']");
        await SaveAsync(await device.GetAsync("/stemmen/code"), "tablet-code");
        await SaveAsync(await device.GetAsync("/stemmen/themas"), "tablet-ballot");

        // Results with ballots of every channel and an invalid sheet: rounds 1 and 4.
        var themes = await _app.ThemeIdsAsync();
        await _app.SeedBallotsAsync(1, i => [new BallotEntry { ThemeId = themes[i], Value = 1 }], BallotChannel.Account, BallotChannel.Stemcode, BallotChannel.Desk, BallotChannel.Paper);
        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.CloseAsync(id)));
        await SaveAsync(await staff.GetAsync("/2027/uitslag/1"), "results-1");
        var ideas = await _app.OpenRoundFourAsync("inwoner@example.nl", ("Speeltuin", 0, 300_000), ("Zebrapad", 1, 120_000));
        var chosen = await _app.ThemeIdsAsync(chosenOnly: true);
        await _app.SeedBallotsAsync(4, i => [new BallotEntry { ThemeId = chosen[i % 2], IdeaId = i % 2 == 0 ? ideas["Speeltuin"] : ideas["Zebrapad"], Value = 1 }],
            BallotChannel.Stemcode, BallotChannel.Desk, BallotChannel.Paper);
        var selectionEvent = await _app.CreateEventAsync("Markt Wyck", 4);
        await _app.SeedSheetsAsync(selectionEvent, SheetStatus.Invalid);
        Assert.Equal(TransitionError.None, await _app.StepAsync(4, (l, id) => l.CloseAsync(id)));
        await SaveAsync(await staff.GetAsync("/2027/uitslag/4"), "results-4");

        var errors = await HtmlChecker.ErrorsAsync(folder);
        Assert.True(errors.Count == 0, $"{errors.Count} HTML errors in {saved} pages:\n" + string.Join("\n", errors.Take(40)));
    }
}
