using System.Globalization;
using System.Net;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Events;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Paper;
using Burgerbegroting.Web.Audit;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Tests.Events;

/// <summary>
/// Paper sheets typed in twice through the entry page, disputes settled by a coordinator, and paper that counts
/// exactly like online ballots (docs/events.md, "Double entry").
/// </summary>
public sealed class PaperEntryTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();
    private HttpClient _typist1 = null!;
    private HttpClient _typist2 = null!;

    public async ValueTask InitializeAsync()
    {
        await _app.CreateEditionAsync(budget: 1_000_000);
        foreach (var email in new[] { "typist1@example.nl", "typist2@example.nl", "typist3@example.nl", "coordinator@example.nl" })
        {
            await _app.CreateAsync(email, Roles.Staff);
        }

        _typist1 = await _app.SignInAsync("typist1@example.nl");
        _typist2 = await _app.SignInAsync("typist2@example.nl");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<(int EventId, List<int> Themes)> RoundOneEventAsync()
    {
        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.OpenAsync(id)));
        return (await _app.CreateEventAsync(1), await _app.ThemeIdsAsync());
    }

    private async Task<(int EventId, List<int> Themes)> RoundTwoEventAsync()
    {
        await _app.OpenRoundTwoAsync(chosen: 3);
        return (await _app.CreateEventAsync(2), await _app.ThemeIdsAsync(chosenOnly: true));
    }

    private Task<PaperSheet> SheetAsync(int number) =>
        _app.WithDbAsync(db => db.PaperSheets.AsNoTracking().Include(s => s.Entries).SingleAsync(s => s.Number == number));

    private async Task<List<long?>> BudgetsAsync() =>
        await _app.WithDbAsync(db => db.Themes.Where(t => t.Chosen).OrderBy(t => t.Position).Select(t => t.Budget).ToListAsync());

    [Fact]
    public async Task Equal_entries_by_two_typists_count_as_one_paper_ballot_that_the_results_include()
    {
        var (eventId, themes) = await RoundOneEventAsync();

        var first = await _typist1.FollowAsync(await _typist1.EnterSheetAsync(eventId, 7, ticks: [themes[0], themes[2]]), PaperScenario.EntryUrl(eventId));
        Assert.Contains("Blad 7 is opgeslagen als eerste invoer", first.Status(), StringComparison.Ordinal);
        Assert.Equal(SheetStatus.Waiting, (await SheetAsync(7)).Status);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Ballots.CountAsync()));

        var second = await _typist2.FollowAsync(await _typist2.EnterSheetAsync(eventId, 7, ticks: [themes[2], themes[0]]), PaperScenario.EntryUrl(eventId));
        Assert.Contains("Blad 7: beide invoeren zijn gelijk. Het stembiljet is geteld.", second.Status(), StringComparison.Ordinal);
        // The form is empty again, ready for the next sheet.
        Assert.Equal("", second.QuerySelector("#Input_Number")!.GetAttribute("value"));
        Assert.Empty(second.QuerySelectorAll("input[name='Input.Themes'][checked]"));

        var ballot = await _app.WithDbAsync(db => db.Ballots.AsNoTracking().Include(b => b.Entries).SingleAsync());
        var participation = await _app.WithDbAsync(db => db.Participations.AsNoTracking().SingleAsync());
        Assert.Equal(BallotChannel.Paper, participation.Channel);
        Assert.Equal([(themes[0], 1), (themes[2], 1)], ballot.Entries.OrderBy(e => e.ThemeId).Select(e => (e.ThemeId, e.Value)));
        var sheet = await SheetAsync(7);
        Assert.Equal((SheetStatus.Counted, participation.VoterId), (sheet.Status, sheet.BallotVoterId));
        Assert.Equal(["typist1@example.nl", "typist2@example.nl"], sheet.Entries.OrderBy(e => e.Position).Select(e => e.TypistName));

        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.CloseAsync(id)));
        var votes = await _app.WithDbAsync(db => db.ThemeResults.ToDictionaryAsync(r => r.ThemeId, r => r.Votes));
        Assert.Equal([1, 0, 1, 0, 0, 0], themes.Select(t => votes[t]));
        Assert.Equal(1, (await _app.RoundAsync(1)).BallotCount);
    }

    [Fact]
    public async Task The_same_staff_member_cannot_make_both_entries_of_a_sheet_and_a_third_entry_is_refused()
    {
        var (eventId, themes) = await RoundOneEventAsync();
        await _typist1.EnterSheetAsync(eventId, 3, ticks: [themes[0]]);

        var again = await _typist1.EnterSheetAsync(eventId, 3, ticks: [themes[0]]);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var page = await Forms.ParseAsync(again);
        Assert.Contains("U heeft blad 3 al ingevoerd", page.QuerySelector("#Input_Number-error")!.TextContent, StringComparison.Ordinal);
        var sheet = await SheetAsync(3);
        Assert.Equal((SheetStatus.Waiting, 1), (sheet.Status, sheet.Entries.Count));

        (await _typist2.EnterSheetAsync(eventId, 3, ticks: [themes[0]])).AssertRedirect(PaperScenario.EntryUrl(eventId));
        var third = await (await _app.SignInAsync("typist3@example.nl")).EnterSheetAsync(eventId, 3, ticks: [themes[1]]);
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        Assert.Contains("Blad 3 is al twee keer ingevoerd", (await Forms.ParseAsync(third)).QuerySelector("#Input_Number-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await _app.WithDbAsync(db => db.Ballots.CountAsync()));
    }

    [Fact]
    public async Task Four_ticks_when_k_is_three_and_an_unreadable_sheet_are_taken_as_written_and_recorded_invalid_not_as_ballots()
    {
        var (eventId, themes) = await RoundOneEventAsync();
        var four = themes.Take(4).ToArray();
        (await _typist1.EnterSheetAsync(eventId, 11, ticks: four)).AssertRedirect(PaperScenario.EntryUrl(eventId));
        var page = await _typist2.FollowAsync(await _typist2.EnterSheetAsync(eventId, 11, ticks: four), PaperScenario.EntryUrl(eventId));
        Assert.Contains("Het stembiljet is ongeldig (meer thema's aangevinkt dan mag)", page.Status(), StringComparison.Ordinal);

        await _typist1.EnterSheetAsync(eventId, 12, unreadable: true);
        page = await _typist2.FollowAsync(await _typist2.EnterSheetAsync(eventId, 12, unreadable: true), PaperScenario.EntryUrl(eventId));
        Assert.Contains("ongeldig (onleesbaar)", page.Status(), StringComparison.Ordinal);

        var sheets = await _app.WithDbAsync(db => db.PaperSheets.OrderBy(s => s.Number).Select(s => new { s.Status, s.InvalidReason, s.Marks, s.BallotVoterId }).ToListAsync());
        Assert.Equal(
            [(SheetStatus.Invalid, SheetInvalidReason.TooManyThemes), (SheetStatus.Invalid, SheetInvalidReason.Unreadable)],
            sheets.Select(s => (s.Status, s.InvalidReason!.Value)));
        Assert.Equal(string.Join(';', four.Order().Select(t => $"{t}=1")), sheets[0].Marks);
        Assert.All(sheets, s => Assert.Null(s.BallotVoterId));
        Assert.Equal(0, await _app.WithDbAsync(db => db.Ballots.CountAsync()));
        Assert.Contains("11–12", page.QuerySelector("#sheets")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Percentages_adding_up_to_90_are_taken_as_written_and_the_sheet_is_recorded_invalid()
    {
        var (eventId, themes) = await RoundTwoEventAsync();
        var ninety = PaperScenario.Shares(themes, "50", "30", "10");

        (await _typist1.EnterSheetAsync(eventId, 4, shares: ninety)).AssertRedirect(PaperScenario.EntryUrl(eventId));
        var page = await _typist2.FollowAsync(await _typist2.EnterSheetAsync(eventId, 4, shares: ninety), PaperScenario.EntryUrl(eventId));

        Assert.Contains("ongeldig (de percentages zijn samen geen 100)", page.Status(), StringComparison.Ordinal);
        var sheet = await SheetAsync(4);
        Assert.Equal((SheetStatus.Invalid, SheetInvalidReason.NotHundred), (sheet.Status, sheet.InvalidReason));
        Assert.Equal(0, await _app.WithDbAsync(db => db.Ballots.CountAsync()));
    }

    [Fact]
    public async Task Input_that_is_no_mark_gets_a_message_next_to_its_field_and_400_and_nothing_is_stored()
    {
        var (eventId, themes) = await RoundTwoEventAsync();
        foreach (var number in new[] { "", "abc", "0", "100000", "-3" })
        {
            var response = await _typist1.SubmitAsync(PaperScenario.EntryUrl(eventId), new Dictionary<string, string>(PaperScenario.Shares(themes, "100", "", "")) { ["Input.Number"] = number });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = await Forms.ParseAsync(response);
            Assert.Contains("een heel getal van 1 tot en met 99999", page.QuerySelector("#Input_Number-error")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(number, page.QuerySelector("#Input_Number")!.GetAttribute("value"));
        }

        var bad = await _typist1.SubmitAsync(PaperScenario.EntryUrl(eventId), new Dictionary<string, string>(PaperScenario.Shares(themes, "veel", "-5", "150")) { ["Input.Number"] = "8" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = await Forms.ParseAsync(bad);
        Assert.All(themes, t => Assert.Contains("heel getal van 0 tot en met 100", errors.QuerySelector($"#Input_Shares_{t}_-error")!.TextContent, StringComparison.Ordinal));
        Assert.Equal(["veel", "-5", "150"], themes.Select(t => errors.QuerySelector($"#Input_Shares_{t}_")!.GetAttribute("value")));
        Assert.Null(errors.QuerySelector("#Input_Number-error"));
        Assert.Equal(0, await _app.WithDbAsync(db => db.PaperSheets.CountAsync()));
    }

    [Fact]
    public async Task The_running_total_comes_as_an_htmx_fragment_and_without_javascript_from_the_button()
    {
        var (eventId, themes) = await RoundTwoEventAsync();
        var page = await _typist1.GetDocumentAsync(PaperScenario.EntryUrl(eventId));
        Assert.True(page.QuerySelector("#Input_Number")!.HasAttribute("autofocus"));
        Assert.Equal("numeric", page.QuerySelector("#Input_Number")!.GetAttribute("inputmode"));
        var live = page.QuerySelector("main form [data-hx-post]")!.GetAttribute("data-hx-post")!;
        Assert.Equal($"{PaperScenario.EntryUrl(eventId)}?handler=Total", live);
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, live)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(PaperScenario.Shares(themes, "50", "30", "10")) { ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("HX-Request", "true");
        var fragment = await _typist1.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        Assert.Contains("HX-Request", fragment.Headers.Vary);
        var html = await fragment.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", html, StringComparison.Ordinal);
        Assert.Contains("Opgeteld: 90%", html, StringComparison.Ordinal);

        var button = page.QuerySelector("main form button[formaction]")!.GetAttribute("formaction")!;
        Assert.Equal($"{PaperScenario.EntryUrl(eventId)}?handler=Total", button);
        var plain = await Forms.ParseAsync(await _typist1.SubmitToAsync(page, PaperScenario.Shares(themes, "50", "30", "20"), "main form", button));
        Assert.Contains("Opgeteld: 100%", plain.QuerySelector("#entry-total")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("30", plain.QuerySelector($"#Input_Shares_{themes[1]}_")!.GetAttribute("value"));
        Assert.Equal(0, await _app.WithDbAsync(db => db.PaperSheets.CountAsync()));
    }

    [Fact]
    public async Task The_second_typist_sees_nothing_of_the_first_entry()
    {
        var (eventId, themes) = await RoundTwoEventAsync();
        await _typist1.EnterSheetAsync(eventId, 21, shares: PaperScenario.Shares(themes, "37", "", "63"));

        var page = await _typist2.GetDocumentAsync(PaperScenario.EntryUrl(eventId));
        Assert.All(page.QuerySelectorAll("main input[name^='Input.']"), i => Assert.True(i.GetAttribute("type") == "checkbox" || string.IsNullOrEmpty(i.GetAttribute("value"))));
        var text = page.QuerySelector("main")!.TextContent;
        Assert.DoesNotContain("37", text, StringComparison.Ordinal);
        Assert.DoesNotContain("63", text, StringComparison.Ordinal);
        Assert.Contains("21", page.QuerySelector("#sheets")!.ParentElement!.TextContent, StringComparison.Ordinal);

        // Nor after typing it differently: the entry goes to a coordinator, the page shows only that it did.
        var after = await _typist2.FollowAsync(await _typist2.EnterSheetAsync(eventId, 21, shares: PaperScenario.Shares(themes, "36", "", "64")), PaperScenario.EntryUrl(eventId));
        Assert.Contains("Blad 21: deze invoer verschilt van de eerste", after.Status(), StringComparison.Ordinal);
        Assert.DoesNotContain("37", after.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(after.QuerySelector($"main a[href='{PaperScenario.DisputesUrl(eventId)}']"));
    }

    [Fact]
    public async Task A_disputed_sheet_blocks_publishing_until_a_coordinator_who_typed_neither_entry_decides()
    {
        var (eventId, themes) = await RoundTwoEventAsync();
        var editionId = await _app.WithDbAsync(db => db.Editions.Select(e => e.Id).SingleAsync());
        var roundsUrl = $"/beheer/edities/{editionId}/rondes";
        await _typist1.EnterSheetAsync(eventId, 5, shares: PaperScenario.Shares(themes, "50", "30", "20"));
        await _typist2.EnterSheetAsync(eventId, 5, shares: PaperScenario.Shares(themes, "50", "20", "30"));
        await _typist1.EnterSheetAsync(eventId, 6, shares: PaperScenario.Shares(themes, "100", "", ""));
        Assert.Equal(SheetStatus.Disputed, (await SheetAsync(5)).Status);
        Assert.Equal(TransitionError.None, await _app.StepAsync(2, (l, id) => l.CloseAsync(id)));

        var rounds = await _typist1.GetDocumentAsync(roundsUrl);
        var pending = rounds.QuerySelector("#round-2")!.ParentElement!.QuerySelector("ul")!;
        Assert.Equal("Buurtavond Malberg: 1 één keer ingevoerd, 1 in geschil", string.Join(' ', pending.TextContent.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal([PaperScenario.EntryUrl(eventId), PaperScenario.DisputesUrl(eventId)], pending.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        var (refused, _) = await _typist1.RoundStepPageAsync(roundsUrl, "publiceren");
        Assert.Null(refused.QuerySelector("main form"));
        var refusedText = refused.QuerySelector("main")!.TextContent;
        Assert.True(refusedText.Contains("Nog 2 papieren stembiljetten", StringComparison.Ordinal), refusedText);
        (await _typist2.EnterSheetAsync(eventId, 6, shares: PaperScenario.Shares(themes, "100", "0", "0"))).AssertRedirect(PaperScenario.EntryUrl(eventId));

        // One of the two typists may not settle it: no form, and a hand-made decision is refused.
        var own = await _typist1.GetDocumentAsync(PaperScenario.DisputesUrl(eventId));
        Assert.Null(own.QuerySelector("main form"));
        Assert.Contains("U heeft blad 5 zelf ingevoerd", own.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var token = own.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var sheetId = (await SheetAsync(5)).Id;
        var forbidden = await _typist1.PostAsync($"{PaperScenario.DisputesUrl(eventId)}?sheetId={sheetId}", new FormUrlEncodedContent(
            new Dictionary<string, string>(PaperScenario.Shares(themes, "50", "30", "20")) { ["Confirm"] = "true", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("U heeft blad 5 zelf ingevoerd", (await Forms.ParseAsync(forbidden)).QuerySelector(".bb-error-summary")!.TextContent, StringComparison.Ordinal);

        // The coordinator sees both entries field by field, the differences marked, and decides from the paper.
        var coordinator = await _app.SignInAsync("coordinator@example.nl");
        var disputes = await coordinator.GetDocumentAsync(PaperScenario.DisputesUrl(eventId));
        var table = disputes.QuerySelector("main table")!;
        Assert.Equal(["Veld", "Invoer 1 (typist1@example.nl)", "Invoer 2 (typist2@example.nl)"], table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));
        var rows = table.QuerySelectorAll("tbody tr").Select(r => (Values: string.Join(" | ", r.QuerySelectorAll("td").Select(c => c.TextContent.Trim())), Differs: r.ClassList.Contains("bb-diff"))).ToList();
        Assert.Equal([("50% | 50%", false), ("30% | 20%", true), ("20% | 30%", true), ("— | —", false)], rows);
        Assert.Contains("verschilt", table.QuerySelectorAll("tbody tr")[1].QuerySelector("th")!.TextContent, StringComparison.Ordinal);
        var form = $"main form[action*='sheetId={sheetId}']";
        Assert.All(disputes.QuerySelectorAll($"{form} input[name^='Input.Shares']"), i => Assert.True(string.IsNullOrEmpty(i.GetAttribute("value"))));

        var unconfirmed = await coordinator.SubmitSheetAsync(disputes, form, PaperScenario.Shares(themes, "50", "30", "20"), []);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        var again = await Forms.ParseAsync(unconfirmed);
        Assert.NotNull(again.QuerySelector("#Confirm-error"));
        Assert.Equal("30", again.QuerySelector($"#Input_Shares_{themes[1]}_")!.GetAttribute("value"));
        Assert.Equal(SheetStatus.Disputed, (await SheetAsync(5)).Status);

        var decided = await coordinator.FollowAsync(
            await coordinator.SubmitSheetAsync(disputes, form, new Dictionary<string, string>(PaperScenario.Shares(themes, "50", "30", "20")) { ["Confirm"] = "true" }, []),
            PaperScenario.DisputesUrl(eventId));
        Assert.Contains("Het besluit over blad 5 is vastgelegd: het stembiljet is geteld.", decided.Status(), StringComparison.Ordinal);
        var sheet = await SheetAsync(5);
        Assert.Equal((SheetStatus.Counted, "coordinator@example.nl"), (sheet.Status, sheet.DecidedBy));
        var audit = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditActions.SheetDecided));
        Assert.Equal("coordinator@example.nl", audit.ActorName);
        Assert.Contains(sheet.Entries.Single(e => e.Position == 2).Marks, audit.Details, StringComparison.Ordinal);

        var before = await _typist1.GetDocumentAsync(PaperScenario.EntryUrl(eventId));
        (await _typist1.RoundStepAsync(roundsUrl, "publiceren")).AssertRedirect(roundsUrl);
        Assert.Equal([750_000, 150_000, 100_000], await BudgetsAsync());

        // Published: no more paper, also not from a form still open in a browser.
        Assert.Null((await _typist1.GetDocumentAsync(PaperScenario.EntryUrl(eventId))).QuerySelector("main form"));
        var late = await _typist1.SubmitSheetAsync(before, "main form", new Dictionary<string, string>(PaperScenario.Shares(themes, "100", "", "")) { ["Input.Number"] = "99" }, []);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("neemt geen papieren stembiljetten aan", (await Forms.ParseAsync(late)).QuerySelector(".bb-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await _app.WithDbAsync(db => db.PaperSheets.SingleOrDefaultAsync(s => s.Number == 99)));
    }

    [Fact]
    public async Task A_sheet_entered_after_the_close_counts_and_the_published_results_include_it()
    {
        var (eventId, themes) = await RoundTwoEventAsync();
        await _app.CreateAsync("inwoner@example.nl", Roles.Resident);
        var resident = await _app.SignInAsync("inwoner@example.nl");
        (await resident.SubmitAsync("/stemmen/verdeling", new Dictionary<string, string>(themes.Select((t, i) => new KeyValuePair<string, string>($"Shares[{t}]", i == 0 ? "100" : "0"))))).AssertRedirect("/stemmen/verdeling");
        Assert.Equal(TransitionError.None, await _app.StepAsync(2, (l, id) => l.CloseAsync(id)));
        Assert.NotNull((await _app.RoundAsync(2)).ResultsComputedAt);

        var page = await _typist1.GetDocumentAsync(PaperScenario.EntryUrl(eventId));
        Assert.NotNull(page.QuerySelector("main form #Input_Number"));
        await _typist1.EnterSheetAsync(eventId, 1, shares: PaperScenario.Shares(themes, "", "100", ""));
        var counted = await _typist2.FollowAsync(await _typist2.EnterSheetAsync(eventId, 1, shares: PaperScenario.Shares(themes, "0", "100", "0")), PaperScenario.EntryUrl(eventId));
        Assert.Contains("geteld", counted.Status(), StringComparison.Ordinal);
        Assert.Null((await _app.RoundAsync(2)).ResultsComputedAt);

        Assert.Equal(TransitionError.None, await _app.StepAsync(2, (l, id) => l.PublishAsync(id)));
        Assert.Equal([500_000, 500_000, 0], await BudgetsAsync());
        Assert.Equal(2, (await _app.RoundAsync(2)).BallotCount);
        Assert.Equal([BallotChannel.Account, BallotChannel.Paper], (await _app.WithDbAsync(db => db.Participations.Select(p => p.Channel).ToListAsync())).Order());
    }

    [Fact]
    public async Task Paper_ballots_change_the_outcome_exactly_as_the_same_online_ballots_would()
    {
        string[][] splits = [["50", "30", "20"], ["100", "0", "0"], ["33", "33", "34"], ["10", "", "90"], ["0", "71", "29"]];
        var (eventId, themes) = await RoundTwoEventAsync();
        for (var i = 0; i < splits.Length; i++)
        {
            await _typist1.EnterSheetAsync(eventId, i + 1, shares: PaperScenario.Shares(themes, splits[i]));
            (await _typist2.EnterSheetAsync(eventId, i + 1, shares: PaperScenario.Shares(themes, splits[i]))).AssertRedirect(PaperScenario.EntryUrl(eventId));
        }

        await using var online = new AppFactory();
        await online.CreateEditionAsync(budget: 1_000_000);
        await online.OpenRoundTwoAsync(chosen: 3);
        var onlineThemes = await online.ThemeIdsAsync(chosenOnly: true);
        for (var i = 0; i < splits.Length; i++)
        {
            var email = $"inwoner{i}@example.nl";
            await online.CreateAsync(email, Roles.Resident);
            var fields = onlineThemes.Select((t, j) => (t, j)).ToDictionary(x => $"Shares[{x.t}]", x => splits[i][x.j]);
            (await (await online.SignInAsync(email)).SubmitAsync("/stemmen/verdeling", fields)).AssertRedirect("/stemmen/verdeling");
        }

        foreach (var app in new[] { _app, online })
        {
            Assert.Equal(TransitionError.None, await app.StepAsync(2, (l, id) => l.CloseAsync(id)));
            Assert.Equal(TransitionError.None, await app.StepAsync(2, (l, id) => l.PublishAsync(id)));
        }

        var paperResults = await Results(_app);
        Assert.Equal(await Results(online), paperResults);
        Assert.Equal(1_000_000, paperResults.Sum(r => r.Budget));
        Assert.Equal(splits.Length, await _app.WithDbAsync(db => db.Participations.CountAsync(p => p.Channel == BallotChannel.Paper)));

        static async Task<List<(int Position, long PercentageSum, long? Budget, ThemeOutcome Outcome)>> Results(AppFactory app) =>
            (await app.WithDbAsync(db => db.ThemeResults.Include(r => r.Theme).OrderBy(r => r.Rank).ToListAsync()))
                .Select(r => (r.Theme.Position, r.PercentageSum, r.Theme.Budget, r.Outcome)).ToList();
    }

    [Fact]
    public async Task A_round_that_is_not_open_shows_no_form_and_a_round_four_sheet_casts_its_ideas()
    {
        var planned = await _app.CreateEventAsync(1);
        var page = await _typist1.GetDocumentAsync(PaperScenario.EntryUrl(planned));
        Assert.Null(page.QuerySelector("main form"));
        Assert.Contains("neemt nu geen papieren stembiljetten aan", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _typist1.GetAsync(PaperScenario.EntryUrl(planned + 1000))).StatusCode);

        await _app.CreateAsync("indiener@example.nl", Roles.Resident);
        var ideas = await _app.OpenRoundFourAsync("indiener@example.nl", ("Speeltuin", 0, 300_000), ("Bankjes", 0, 40_000), ("Zebrapad", 1, 120_000));
        var eventId = await _app.CreateEventAsync(4);
        var form = await _typist1.GetDocumentAsync(PaperScenario.EntryUrl(eventId));
        Assert.Contains("€ 300.000", form.QuerySelector($"label[for=Input_Ideas_{ideas["Speeltuin"]}]")!.TextContent, StringComparison.Ordinal);
        int[] ticked = [ideas["Bankjes"], ideas["Zebrapad"]];
        await _typist1.EnterSheetAsync(eventId, 40, ticks: ticked);
        (await _typist2.EnterSheetAsync(eventId, 40, ticks: ticked)).AssertRedirect(PaperScenario.EntryUrl(eventId));

        var ballot = await _app.WithDbAsync(db => db.Ballots.AsNoTracking().Include(b => b.Entries).SingleAsync());
        Assert.Equal(BallotChannel.Paper, (await _app.WithDbAsync(db => db.Participations.SingleAsync())).Channel);
        Assert.Equal(ticked.Order(), ballot.Entries.Select(e => e.IdeaId!.Value).Order());
        Assert.Equal(
            await _app.WithDbAsync(db => db.Ideas.Where(i => ticked.Contains(i.Id)).OrderBy(i => i.Id).Select(i => i.ThemeId).ToListAsync()),
            ballot.Entries.OrderBy(e => e.IdeaId).Select(e => e.ThemeId));
    }
}
