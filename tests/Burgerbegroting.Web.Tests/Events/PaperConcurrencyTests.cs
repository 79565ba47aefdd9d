using System.Net;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Events;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Tests.Events;

/// <summary>
/// One paper sheet is one ballot, also when two staff members act on it at the same moment, on PostgreSQL where
/// concurrent transactions really run side by side.
/// </summary>
public sealed class PaperConcurrencyTests : IAsyncLifetime
{
    private const int Sheets = 15;
    private readonly AppFactory _app = new(TestDatabase.Postgres);
    private int _eventId;
    private List<int> _themes = [];

    public async ValueTask InitializeAsync()
    {
        await _app.CreateEditionAsync();
        await _app.OpenRoundTwoAsync(chosen: 3);
        _eventId = await _app.CreateEventAsync(2);
        _themes = await _app.ThemeIdsAsync(chosenOnly: true);
        foreach (var email in new[] { "typist1@example.nl", "typist2@example.nl", "typist3@example.nl", "coordinator@example.nl" })
        {
            await _app.CreateAsync(email, Roles.Staff);
        }

        await _app.CreateAsync("beheerder@example.nl", Roles.Admin);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private Dictionary<string, string> Split(int sheet) => PaperScenario.Shares(_themes, $"{sheet}", $"{100 - sheet}", "");

    [Fact]
    public async Task Two_second_entries_of_a_sheet_at_the_same_moment_cast_one_ballot_and_the_other_is_refused()
    {
        var typist1 = await _app.SignInAsync("typist1@example.nl");
        for (var sheet = 1; sheet <= Sheets; sheet++)
        {
            (await typist1.EnterSheetAsync(_eventId, sheet, shares: Split(sheet))).AssertRedirect(PaperScenario.EntryUrl(_eventId));
        }

        var typist2 = await _app.SignInAsync("typist2@example.nl");
        var typist3 = await _app.SignInAsync("typist3@example.nl");
        var (page2, page3) = (await typist2.GetDocumentAsync(PaperScenario.EntryUrl(_eventId)), await typist3.GetDocumentAsync(PaperScenario.EntryUrl(_eventId)));
        var outcomes = await Task.WhenAll(Enumerable.Range(1, Sheets).SelectMany(sheet => new[] { (typist2, page2), (typist3, page3) }.Select(t =>
            Task.Run(() => t.Item1.SubmitSheetAsync(t.Item2, "main form", new Dictionary<string, string>(Split(sheet)) { ["Input.Number"] = $"{sheet}" }, [])))));

        Assert.All(outcomes, o => Assert.True(o.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Conflict, $"{(int)o.StatusCode}"));
        Assert.Equal(Sheets, outcomes.Count(o => o.StatusCode == HttpStatusCode.Redirect));
        var sheets = await _app.WithDbAsync(db => db.PaperSheets.AsNoTracking().Include(s => s.Entries).ToListAsync());
        Assert.All(sheets, s => Assert.Equal((SheetStatus.Counted, 2), (s.Status, s.Entries.Count)));
        var ballots = await _app.WithDbAsync(db => db.Participations.Select(p => p.VoterId).ToListAsync());
        Assert.Equal(sheets.Select(s => s.BallotVoterId).Order(StringComparer.Ordinal), ballots.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Two_decisions_on_a_disputed_sheet_at_the_same_moment_cast_one_ballot_and_the_other_is_refused()
    {
        var (typist1, typist2) = (await _app.SignInAsync("typist1@example.nl"), await _app.SignInAsync("typist2@example.nl"));
        for (var sheet = 1; sheet <= Sheets; sheet++)
        {
            await typist1.EnterSheetAsync(_eventId, sheet, shares: Split(sheet));
            await typist2.EnterSheetAsync(_eventId, sheet, shares: PaperScenario.Shares(_themes, "100", "", ""));
        }

        var ids = await _app.WithDbAsync(db => db.PaperSheets.Where(s => s.Status == SheetStatus.Disputed).OrderBy(s => s.Number).Select(s => new { s.Id, s.Number }).ToListAsync());
        Assert.Equal(Sheets, ids.Count);
        var coordinators = new[] { await _app.SignInAsync("coordinator@example.nl"), await _app.SignInAsync("beheerder@example.nl") };
        var pages = await Task.WhenAll(coordinators.Select(c => c.GetDocumentAsync(PaperScenario.DisputesUrl(_eventId))));
        var outcomes = await Task.WhenAll(ids.SelectMany(sheet => coordinators.Select((c, i) => Task.Run(() => c.SubmitSheetAsync(pages[i],
            $"main form[action*='sheetId={sheet.Id}']", new Dictionary<string, string>(Split(sheet.Number)) { ["Confirm"] = "true" }, [])))));

        Assert.All(outcomes, o => Assert.True(o.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Conflict, $"{(int)o.StatusCode}"));
        Assert.Equal(Sheets, outcomes.Count(o => o.StatusCode == HttpStatusCode.Redirect));
        var sheets = await _app.WithDbAsync(db => db.PaperSheets.AsNoTracking().ToListAsync());
        Assert.All(sheets, s => Assert.Equal(SheetStatus.Counted, s.Status));
        var ballots = await _app.WithDbAsync(db => db.Participations.Select(p => p.VoterId).ToListAsync());
        Assert.Equal(sheets.Select(s => s.BallotVoterId).Order(StringComparer.Ordinal), ballots.Order(StringComparer.Ordinal));
    }
}
