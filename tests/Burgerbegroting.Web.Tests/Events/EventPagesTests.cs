using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Events;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Paper;
using Burgerbegroting.Web.Audit;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Tests.Events;

/// <summary>
/// The staff pages around events (docs/events.md): making and listing events, the attendance list of an accounts
/// edition, the paper forms page, and the results that say how the ballots came in.
/// </summary>
public sealed class EventPagesTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();
    private HttpClient _staff = null!;
    private int _edition;

    public async ValueTask InitializeAsync()
    {
        _edition = (await _app.CreateEditionAsync()).Id;
        await _app.CreateAsync("medewerker@example.nl", Roles.Staff);
        _staff = await _app.SignInAsync("medewerker@example.nl");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private string EventsUrl => $"/beheer/edities/{_edition}/bijeenkomsten";

    private static string Error(IHtmlDocument page, string field) => page.QuerySelector($"#{field}-error")?.TextContent.Trim() ?? "";

    private Task<HttpResponseMessage> CreateEventAsync(string name, string place, string date, string round) =>
        _staff.SubmitAsync(EventsUrl, new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Place"] = place, ["Input.Date"] = date, ["Input.Round"] = round });

    [Fact]
    public async Task An_event_needs_a_name_a_place_a_date_and_a_round_with_a_ballot()
    {
        var empty = await CreateEventAsync("", "", "", "");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var page = await Forms.ParseAsync(empty);
        Assert.All(new[] { "Input_Name", "Input_Place", "Input_Date", "Input_Round" }, f => Assert.NotEqual("", Error(page, f)));

        var roundThree = await Forms.ParseAsync(await CreateEventAsync("Wijkavond", "Buurthuis", "2027-03-14", "3"));
        Assert.Contains("In deze ronde wordt niet gestemd", Error(roundThree, "Input_Round"), StringComparison.Ordinal);
        var junk = await CreateEventAsync("Wijkavond", "Buurthuis", "31-2-2027", "vier");
        Assert.Equal(HttpStatusCode.BadRequest, junk.StatusCode);
        var junkPage = await Forms.ParseAsync(junk);
        Assert.Contains("geen datum", Error(junkPage, "Input_Date"), StringComparison.Ordinal);
        Assert.NotEqual("", Error(junkPage, "Input_Round"));
        Assert.Equal(0, await _app.WithDbAsync(db => db.VotingEvents.CountAsync()));

        (await CreateEventAsync("Wijkavond Malberg", "Buurthuis De Romein", "14-3-2027", "4")).AssertRedirect(EventsUrl);
        var ev = await _app.WithDbAsync(db => db.VotingEvents.SingleAsync());
        Assert.Equal(("Wijkavond Malberg", "Buurthuis De Romein", new DateOnly(2027, 3, 14), (await _app.RoundAsync(4)).Id), (ev.Name, ev.Place, ev.Date, ev.RoundId));
        var audit = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditActions.EventCreated));
        Assert.Equal(ev.Id.ToString(CultureInfo.InvariantCulture), audit.SubjectId);
    }

    [Fact]
    public async Task The_list_shows_each_events_round_date_check_ins_and_sheets_by_status()
    {
        (await CreateEventAsync("Wijkavond Malberg", "Buurthuis De Romein", "2027-03-14", "1")).AssertRedirect(EventsUrl);
        var ev = await _app.WithDbAsync(db => db.VotingEvents.Select(e => e.Id).SingleAsync());
        await _app.CreateEventAsync("Markt Wyck", 2);
        await _app.SeedSheetsAsync(ev, SheetStatus.Waiting, SheetStatus.Disputed, SheetStatus.Counted, SheetStatus.Counted, SheetStatus.Invalid);

        var page = await _staff.GetDocumentAsync(EventsUrl);

        var rows = page.QuerySelectorAll("main table tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(2, rows.Count);
        var malberg = rows.Single(r => r[0].StartsWith("Wijkavond Malberg", StringComparison.Ordinal));
        Assert.Equal(["14-03-2027", "Ronde 1: Thema's kiezen", "0", "1", "1", "2", "1"], malberg[1..]);
        Assert.Equal("Ronde 2: Geld verdelen", rows.Single(r => r[0].StartsWith("Markt Wyck", StringComparison.Ordinal))[2]);
        Assert.NotNull(page.QuerySelector($"a[href='/beheer/bijeenkomsten/{ev}']"));
        Assert.NotNull(page.QuerySelector($"nav a[href='{EventsUrl}'][aria-current=page]"));
    }

    [Fact]
    public async Task In_an_accounts_edition_the_desk_keeps_an_attendance_list()
    {
        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.OpenAsync(id)));
        var ev = await _app.CreateEventAsync("Wijkavond Malberg", 1);
        var url = EventScenario.EventUrl(ev);
        Task<HttpResponseMessage> RegisterAsync(string name, string postcode) =>
            _staff.SubmitAsync(url, new Dictionary<string, string> { ["Attendee.Name"] = name, ["Attendee.Postcode"] = postcode });

        var bad = await RegisterAsync("", "62111");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badPage = await Forms.ParseAsync(bad);
        Assert.NotEqual("", Error(badPage, "Attendee_Name"));
        Assert.Contains("postcode", Error(badPage, "Attendee_Postcode"), StringComparison.Ordinal);

        (await RegisterAsync(" Jan Janssen ", "6211 ab")).AssertRedirect(url);
        var again = await RegisterAsync("Jan Janssen", "6211AB");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("Al op de presentielijst bij Wijkavond Malberg", Error(await Forms.ParseAsync(again), "Attendee_Name"), StringComparison.Ordinal);

        var page = await _staff.GetDocumentAsync(url);
        Assert.Equal(["Jan Janssen", "6211 AB"], page.QuerySelectorAll("main table tbody tr > *").Take(2).Select(c => c.TextContent.Trim()));
        Assert.Null(page.QuerySelector("form#check-in"));
        var checkIn = Assert.Single(await _app.WithDbAsync(db => db.EventCheckIns.ToListAsync()));
        Assert.Equal(("Jan Janssen", "6211AB", (long?)null), (checkIn.AttendeeName, checkIn.AttendeePostcode, checkIn.VotingCodeId));
    }

    [Fact]
    public async Task The_forms_page_checks_its_input_and_gives_the_numbered_sheets_as_pdf()
    {
        var url = $"/beheer/edities/{_edition}/stembiljetten";
        Task<HttpResponseMessage> AskAsync(string round, string first, string count) =>
            _staff.SubmitAsync(url, new Dictionary<string, string> { ["Round"] = round, ["FirstNumber"] = first, ["Count"] = count });

        foreach (var (round, first, count, field) in new[] { ("3", "1", "10", "Round"), ("", "1", "10", "Round"), ("1", "0", "10", "FirstNumber"), ("1", "1", "0", "Count"), ("1", "1", "1001", "Count"), ("1", "1", "tien", "Count"), ("1", "99999", "2", "Count") })
        {
            var response = await AskAsync(round, first, count);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{round}/{first}/{count}: {(int)response.StatusCode}");
            Assert.NotEqual("", Error(await Forms.ParseAsync(response), field));
        }

        // The preselected round from the event page's link; round 1's sheets 7..9 as one PDF.
        Assert.NotNull((await _staff.GetDocumentAsync(url + "?round=4")).QuerySelector("select#Round option[value='4'][selected]"));
        var pdf = await AskAsync("1", "7", "3");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        using var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        Assert.Contains("00007", text, StringComparison.Ordinal);
        Assert.Contains("00009", text, StringComparison.Ordinal);
        Assert.DoesNotContain("00010", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_see_how_many_ballots_came_from_each_channel_and_how_many_sheets_were_invalid_and_the_public_no_small_numbers()
    {
        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.OpenAsync(id)));
        var themes = await _app.ThemeIdsAsync();
        await _app.SeedBallotsAsync(1, i => [new BallotEntry { ThemeId = themes[i % themes.Count], Value = 1 }],
            BallotChannel.Account, BallotChannel.Account, BallotChannel.Stemcode, BallotChannel.Desk, BallotChannel.Paper, BallotChannel.Paper, BallotChannel.Paper);
        var ev = await _app.CreateEventAsync("Wijkavond Malberg", 1);
        await _app.SeedSheetsAsync(ev, SheetStatus.Invalid, SheetStatus.Waiting);
        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.CloseAsync(id)));

        var live = await _staff.GetDocumentAsync($"/beheer/edities/{_edition}/deelname");
        var results = await _staff.GetDocumentAsync("/2027/uitslag/1");

        static List<(string, string)> Rows(IHtmlDocument page) => [.. page.QuerySelectorAll("section[aria-labelledby=figures-1-kanalen] tbody tr")
            .Select(r => (r.Children[0].TextContent.Trim(), r.Children[1].TextContent.Trim()))];
        Assert.Equal([("Online met account", "2"), ("Online met stemcode", "1"), ("Stemtablet op een bijeenkomst", "1"), ("Papier", "3"), ("Ongeldig stembiljet (papier)", "1")], Rows(live));
        Assert.All(Rows(results), r => Assert.Equal("< 10", r.Item2));
    }
}
