using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Burgerbegroting.Browser.Tests.Infrastructure;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;
using Burgerbegroting.Web.Tests.Stemcodes;
using static Burgerbegroting.Browser.Tests.Infrastructure.Steps;

namespace Burgerbegroting.Browser.Tests;

/// <summary>
/// An event with paper ballots in a real browser (docs/events.md): staff create an event for round 2 and check a
/// resident in at the desk; two staff members type the same paper sheets in with only the keyboard; where they differ
/// a beheerder decides against the paper; the round cannot be published until then, and afterwards the results count
/// the paper ballots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EventJourneyTests(BrowserApp browser)
{
    private const string StaffA = "medewerker.a@maastricht.nl";
    private const string StaffB = "medewerker.b@maastricht.nl";
    private const string Beheerder = "beheerder@maastricht.nl";

    /// <summary>The longest a typist may need for one round 2 sheet, from the number field to the saved message.</summary>
    private static readonly TimeSpan MaxSheetTime = TimeSpan.FromSeconds(20);

    /// <summary>The chosen themes of round 2, in the order of the entry form.</summary>
    private static readonly string[] Chosen = ["Groen en spelen", "Verkeersveiligheid", "Ontmoeten"];

    [Fact(Timeout = 240_000)]
    public Task Staff_run_an_event_type_paper_sheets_twice_a_beheerder_settles_the_dispute_and_the_results_count_paper() => browser.RunOnOwnAppAsync(async journey =>
    {
        var (staffA, app) = (journey.Page, journey.App);
        var edition = await app.CreateStemcodeEditionAsync();
        await app.OpenRoundTwoAsync(chosen: 3);
        var code = (await app.IssueCodesAsync())[0];
        await app.CreateAsync(StaffA, Roles.Staff);
        await app.CreateAsync(StaffB, Roles.Staff);
        await app.CreateAsync(Beheerder, Roles.Admin);
        await SignInAsync(staffA, StaffA);

        // Staff member A creates the event for round 2.
        await staffA.GotoAsync($"/beheer/edities/{edition.Id}/bijeenkomsten");
        await Expect(staffA.GetByText("Er zijn nog geen bijeenkomsten.")).ToBeVisibleAsync();
        await journey.VisitedAsync(staffA, "staff: events, none yet");
        await staffA.GetByLabel("Naam van de bijeenkomst").FillAsync("Buurtavond Malberg");
        await staffA.GetByLabel("Plaats").FillAsync("Buurthuis Malberg, Malbergsingel 1");
        await staffA.GetByLabel("Datum").FillAsync("2027-03-14");
        await staffA.GetByLabel("Ronde", new() { Exact = true }).SelectOptionAsync("2");
        await staffA.GetByRole(AriaRole.Button, new() { Name = "Bijeenkomst aanmaken" }).ClickAsync();
        await Expect(staffA.GetByText("De bijeenkomst Buurtavond Malberg is aangemaakt.")).ToBeVisibleAsync();
        await journey.VisitedAsync(staffA, "staff: events, one created");

        // At the desk A checks in a resident's code, typed as it comes from the letter.
        await staffA.GetByRole(AriaRole.Link, new() { Name = "Buurtavond Malberg" }).ClickAsync();
        await Expect(staffA).ToHaveURLAsync(new Regex("/beheer/bijeenkomsten/\\d+$"));
        var eventId = IdFrom(staffA.Url, "/bijeenkomsten/");
        await Expect(staffA.GetByRole(AriaRole.Heading, new() { Name = "Buurtavond Malberg", Level = 1 })).ToBeVisibleAsync();
        await journey.VisitedAsync(staffA, "staff: the event's desk");
        await staffA.GetByRole(AriaRole.Textbox, new() { Name = "Stemcode" }).FillAsync(code.ToLowerInvariant().Replace('-', ' '));
        await staffA.GetByRole(AriaRole.Button, new() { Name = "Inchecken" }).ClickAsync();
        await Expect(staffA.GetByText("Ingecheckt: geef een papieren stembiljet mee.")).ToBeVisibleAsync();
        await Expect(staffA.GetByText("Ingecheckt met een stemcode: 1")).ToBeVisibleAsync();
        await journey.VisitedAsync(staffA, "staff: the desk after a check-in");

        // A types sheets 1, 2 and 3; on the first the live total shows 100% before saving.
        await staffA.GetByRole(AriaRole.Link, new() { Name = "Stembiljetten invoeren" }).ClickAsync();
        await Expect(staffA.GetByRole(AriaRole.Heading, new() { Name = "Papieren stembiljetten invoeren", Level = 1 })).ToBeVisibleAsync();
        await journey.VisitedAsync(staffA, "staff A: paper entry, empty");
        await TypeSheetAsync(staffA, 1, ["50", "30", "20"], submit: false);
        await Expect(staffA.GetByText("Opgeteld: 100%")).ToBeVisibleAsync();
        await journey.VisitedAsync(staffA, "staff A: paper entry, sheet 1 typed with its live total");
        await staffA.Keyboard.PressAsync("Enter");
        await Expect(staffA.GetByText("Blad 1 is opgeslagen als eerste invoer.")).ToBeVisibleAsync();
        await journey.VisitedAsync(staffA, "staff A: paper entry, sheet 1 saved");
        await TypeSheetAsync(staffA, 2, ["100", "", ""]);
        await Expect(staffA.GetByText("Blad 2 is opgeslagen als eerste invoer.")).ToBeVisibleAsync();
        await TypeSheetAsync(staffA, 3, ["40", "40", "20"]);
        await Expect(staffA.GetByText("Blad 3 is opgeslagen als eerste invoer.")).ToBeVisibleAsync();
        await Expect(staffA.GetByRole(AriaRole.Row).Filter(new() { HasText = "Wacht op tweede invoer" }).GetByRole(AriaRole.Cell)).ToHaveTextAsync(["3", "1–3"]);
        await journey.VisitedAsync(staffA, "staff A: paper entry, three sheets waiting");

        // B types the same sheets on another device; B's time for one round 2 sheet is measured.
        var staffB = await journey.NewPageAsync("Staff B");
        await SignInAsync(staffB, StaffB);
        await staffB.GotoAsync($"/beheer/bijeenkomsten/{eventId}/invoer");
        await journey.VisitedAsync(staffB, "staff B: paper entry");
        var times = new List<TimeSpan>();
        foreach (var (number, shares, message) in new (int, string[], string)[]
        {
            (1, ["50", "30", "20"], "Blad 1: beide invoeren zijn gelijk. Het stembiljet is geteld."),
            (2, ["100", "", ""], "Blad 2: beide invoeren zijn gelijk. Het stembiljet is geteld."),
            (3, ["40", "45", "20"], "Blad 3: deze invoer verschilt van de eerste."),
        })
        {
            var clock = Stopwatch.StartNew();
            await TypeSheetAsync(staffB, number, shares);
            await Expect(staffB.GetByText(message)).ToBeVisibleAsync();
            clock.Stop();
            times.Add(clock.Elapsed);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Second typist, one round 2 sheet from the number field to the saved message: {string.Join(", ", times.Select(t => $"{t.TotalSeconds:0.00} s"))}"));
        Assert.All(times, t => Assert.True(t < MaxSheetTime, $"typing one sheet took {t.TotalSeconds:0.0} s"));
        await Expect(staffB.GetByRole(AriaRole.Row).Filter(new() { HasText = "Geteld" }).GetByRole(AriaRole.Cell)).ToHaveTextAsync(["2", "1–2"]);
        await Expect(staffB.GetByRole(AriaRole.Row).Filter(new() { HasText = "In geschil" }).GetByRole(AriaRole.Cell)).ToHaveTextAsync(["1", "3"]);
        await journey.VisitedAsync(staffB, "staff B: paper entry, one sheet in dispute");

        // A closes round 2; publishing waits for the sheet in dispute, and the rounds page says where it is.
        await staffA.GotoAsync($"/beheer/edities/{edition.Id}/rondes");
        await journey.VisitedAsync(staffA, "staff: rounds, round 2 open with a sheet in dispute");
        await RoundStepAsync(staffA, "Ronde 2 sluiten");
        await Expect(staffA.GetByText("De ronde is gesloten en de uitslag is berekend.")).ToBeVisibleAsync();
        await Expect(staffA.GetByRole(AriaRole.Link, new() { Name = "1 in geschil" })).ToBeVisibleAsync();
        await journey.VisitedAsync(staffA, "staff: rounds, round 2 closed");
        await staffA.GetByRole(AriaRole.Link, new() { Name = "Uitslag ronde 2 publiceren" }).ClickAsync();
        await Expect(staffA.GetByRole(AriaRole.Button, new() { Name = "Uitslag ronde 2 publiceren" })).ToHaveCountAsync(0);
        await Expect(staffA.GetByText("Nog 1 papieren stembiljet van een bijeenkomst van deze ronde is maar één keer ingevoerd of in geschil.").First).ToBeVisibleAsync();
        await journey.VisitedAsync(staffA, "staff: rounds, publishing refused while paper is pending");

        // The beheerder sees both entries side by side, types what the paper says and decides.
        var beheerder = await journey.NewPageAsync("Beheerder");
        await SignInAsync(beheerder, Beheerder);
        await beheerder.GotoAsync($"/beheer/bijeenkomsten/{eventId}/geschillen");
        await Expect(beheerder.GetByRole(AriaRole.Heading, new() { Name = "Geschillen over papieren stembiljetten", Level = 1 })).ToBeVisibleAsync();
        var sheet = beheerder.GetByRole(AriaRole.Region, new() { Name = "Blad 3" });
        var table = sheet.GetByRole(AriaRole.Table, new() { Name = "De twee invoeren van blad 3, veld voor veld" });
        await Expect(table.GetByRole(AriaRole.Columnheader)).ToHaveCountAsync(3);
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Verkeersveiligheid" }).GetByRole(AriaRole.Cell)).ToHaveTextAsync(["40%", "45%"]);
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Verkeersveiligheid" })).ToContainTextAsync("verschilt");
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Groen en spelen" })).Not.ToContainTextAsync("verschilt");
        await journey.VisitedAsync(beheerder, "beheerder: a sheet in dispute");
        var decide = sheet.GetByRole(AriaRole.Form, new() { Name = "Besluit over blad 3: wat staat er op het papier?" });
        foreach (var (theme, share) in Chosen.Zip(["40", "40", "20"]))
        {
            await decide.GetByLabel(theme, new() { Exact = true }).FillAsync(share);
        }

        await decide.GetByRole(AriaRole.Checkbox, new() { Name = "Ik heb blad 3 zelf bekeken en dit is wat erop staat. Dit besluit is definitief." }).CheckAsync();
        await journey.VisitedAsync(beheerder, "beheerder: the decision filled in");
        await decide.GetByRole(AriaRole.Button, new() { Name = "Besluit over blad 3 vastleggen" }).ClickAsync();
        await Expect(beheerder.GetByText("Het besluit over blad 3 is vastgelegd: het stembiljet is geteld.")).ToBeVisibleAsync();
        await Expect(beheerder.GetByText("Er zijn geen bladen in geschil.")).ToBeVisibleAsync();
        await journey.VisitedAsync(beheerder, "beheerder: no disputes left");

        // Now the round publishes, and its results count the three paper ballots.
        await staffA.GotoAsync($"/beheer/edities/{edition.Id}/rondes");
        await Expect(staffA.GetByRole(AriaRole.Link, new() { Name = "1 in geschil" })).ToHaveCountAsync(0);
        await RoundStepAsync(staffA, "Uitslag ronde 2 publiceren");
        await Expect(staffA.GetByText("De uitslag is gepubliceerd.")).ToBeVisibleAsync();
        await journey.VisitedAsync(staffA, "staff: rounds, round 2 published");

        var resident = await journey.NewPageAsync("Resident");
        await resident.GotoAsync("/uitslag/2");
        // The public sees the three paper ballots as a small group; staff see them exactly.
        var channels = resident.GetByRole(AriaRole.Region, new() { Name = "Stembiljetten per manier van stemmen" });
        await Expect(channels.GetByRole(AriaRole.Row).Filter(new() { HasTextRegex = new Regex(@"^\s*Papier") }).GetByRole(AriaRole.Cell)).ToHaveTextAsync(["< 10"]);
        await staffA.GotoAsync($"/beheer/edities/{edition.Id}/deelname");
        var live = staffA.GetByRole(AriaRole.Region, new() { Name = "Geld verdelen" }).GetByRole(AriaRole.Region, new() { Name = "Stembiljetten per manier van stemmen" });
        await Expect(live.GetByRole(AriaRole.Row).Filter(new() { HasTextRegex = new Regex(@"^\s*Papier") }).GetByRole(AriaRole.Cell)).ToHaveTextAsync(["3"]);
        foreach (var other in new[] { "Online met account", "Online met stemcode", "Stemtablet op een bijeenkomst", "Ongeldig stembiljet (papier)" })
        {
            await Expect(live.GetByRole(AriaRole.Row).Filter(new() { HasTextRegex = new Regex("^\\s*" + Regex.Escape(other)) }).GetByRole(AriaRole.Cell)).ToHaveTextAsync(["0"]);
        }

        await journey.VisitedAsync(staffA, "staff: participation, exact counts");
        await journey.VisitedAsync(resident, "results of round 2 with paper ballots");
    });

    /// <summary>
    /// Types one round 2 sheet with only the keyboard: the sheet number, then Tab to each chosen theme's percentage
    /// (an empty one is left empty), and Enter to save unless <paramref name="submit"/> is false.
    /// </summary>
    private static async Task TypeSheetAsync(IPage page, int number, string[] shares, bool submit = true)
    {
        var field = page.GetByRole(AriaRole.Textbox, new() { Name = "Bladnummer" });
        await field.FocusAsync();
        await page.Keyboard.TypeAsync(number.ToString(CultureInfo.InvariantCulture));
        foreach (var share in shares)
        {
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync(share);
        }

        if (submit)
        {
            await page.Keyboard.PressAsync("Enter");
        }
    }
}
