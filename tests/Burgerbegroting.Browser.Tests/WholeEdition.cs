using System.Text.RegularExpressions;
using Burgerbegroting.Browser.Tests.Infrastructure;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Tests.Infrastructure;
using static Burgerbegroting.Browser.Tests.Infrastructure.Steps;

namespace Burgerbegroting.Browser.Tests;

/// <summary>
/// The people of <see cref="EditionJourneyTests.A_whole_edition_from_nothing_to_published_winners"/> and the steps they
/// take, one method per step. Each person has a browser context of their own. The first time a page shows a new state
/// it goes through the gates (axe now, the HTML checker at the end); a second resident on the same page in the same
/// state does not add anything to check.
/// </summary>
internal sealed class WholeEdition
{
    private const string EditionName = "Burgerbegroting Maastricht 2027";
    private const string NextEditionName = "Burgerbegroting Maastricht 2028";
    private const long TotalBudget = 600_000;

    private static readonly string[] ThemeNames = ["Groen en spelen", "Verkeersveiligheid", "Ontmoeten", "Jongeren", "Schoon en heel", "Cultuur"];

    private readonly Journey _journey;
    private readonly Dictionary<string, int> _ideas = new(StringComparer.Ordinal);
    private int _editionId;

    private WholeEdition(Journey journey, IPage staff, Resident anna, Resident bram, Resident chantal, IPage network)
    {
        _journey = journey;
        Staff = staff;
        (Anna, Bram, Chantal) = (anna, bram, chantal);
        Network = network;
    }

    private sealed record Resident(IPage Page, string Name, string Email, string Password, string Postcode, string BirthYear);

    private IPage Staff { get; }
    private Resident Anna { get; }
    private Resident Bram { get; }
    private Resident Chantal { get; }
    private Resident[] Residents => [Anna, Bram, Chantal];
    private IPage Network { get; }

    private const string NetworkName = "Buurtnetwerk Malberg";
    private const string NetworkEmail = "sanne.hermans@buurtnetwerkmalberg.nl";
    private const string NetworkPassword = "samen-sterk-in-malberg";

    /// <summary>A beheerder account exists (the first one is made on the server); everyone else starts from nothing.</summary>
    public static async Task<WholeEdition> StartAsync(Journey journey)
    {
        await journey.App.CreateAsync("beheerder@maastricht.nl", Roles.Admin);
        var staff = await journey.NewPageAsync("Staff");
        var anna = new Resident(await journey.NewPageAsync("Anna"), "Anna Claessens", "anna.claessens@example.nl", "zonnig-vrijthof-2027", "6211 LE", "1985");
        var bram = new Resident(await journey.NewPageAsync("Bram"), "Bram Vermeulen", "bram.vermeulen@example.nl", "fietsen-langs-de-maas", "6215 CK", "1972");
        var chantal = new Resident(await journey.NewPageAsync("Chantal"), "Chantal Smeets", "chantal.smeets@example.nl", "vlaai-op-zondagmiddag", "6222 AA", "2001");
        var network = await journey.NewPageAsync("Buurtnetwerk");
        return new WholeEdition(journey, staff, anna, bram, chantal, network);
    }

    // ---- Before round 1 ---------------------------------------------------------------------------------------

    public async Task StaffCreateTheEditionAsync()
    {
        await SignInAsync(Staff, "beheerder@maastricht.nl");
        await Staff.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Beheer" }).ClickAsync();
        await Expect(Staff.GetByRole(AriaRole.Heading, new() { Name = "Beheer", Level = 1 })).ToBeVisibleAsync();
        await _journey.VisitedAsync(Staff, "staff: the staff menu");

        await Staff.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Edities" }).ClickAsync();
        await Expect(Staff.GetByRole(AriaRole.Heading, new() { Name = "Nieuwe editie", Level = 2 })).ToBeVisibleAsync();
        await _journey.VisitedAsync(Staff, "staff: editions, none yet");

        await Staff.GetByLabel("Naam van de editie").FillAsync(EditionName);
        await Staff.GetByLabel("Totaal budget").FillAsync("€ 600.000");
        await Staff.GetByLabel("Minimumleeftijd").FillAsync("16");
        await Staff.GetByLabel("Aantal thema's per stem (K)").FillAsync("3");
        await Staff.GetByLabel("Aantal thema's dat doorgaat (N)").FillAsync("3");
        await Staff.GetByLabel("Regel voor ronde 4").SelectOptionAsync(new SelectOptionValue { Label = "Meeste stemmen (wat past binnen het budget)" });
        await Staff.GetByLabel("Introductie", new() { Exact = true }).FillAsync("Samen bepalen we waar **€ 600.000** voor de buurten naartoe gaat.");
        await Staff.GetByRole(AriaRole.Button, new() { Name = "Editie aanmaken" }).ClickAsync();

        await Expect(Staff.GetByRole(AriaRole.Heading, new() { Name = EditionName, Level = 1 })).ToBeVisibleAsync();
        await Expect(Staff.GetByText("De editie is aangemaakt als concept")).ToBeVisibleAsync();
        await Expect(Staff.GetByLabel("Totaal budget")).ToHaveValueAsync("600.000");
        _editionId = IdFrom(Staff.Url, "/beheer/edities/");
        await _journey.VisitedAsync(Staff, "staff: the new edition's settings");

        // A new edition is a draft; residents see it once staff confirm it is the current one.
        await Staff.GetByRole(AriaRole.Link, new() { Name = "Maak dit de editie die inwoners zien…" }).ClickAsync();
        await Expect(Staff.GetByRole(AriaRole.Heading, new() { Name = $"{EditionName} huidig maken", Level = 1 })).ToBeVisibleAsync();
        await _journey.VisitedAsync(Staff, "staff: confirm making the edition current");
        await Staff.GetByRole(AriaRole.Button, new() { Name = "Ja, maak dit de huidige editie" }).ClickAsync();
        await Expect(Staff.GetByText($"{EditionName} is nu de editie die inwoners zien.")).ToBeVisibleAsync();
    }

    public async Task StaffEnterTheBuurtenAsync()
    {
        await EditionNav("Buurten").ClickAsync();
        await Expect(Staff.GetByRole(AriaRole.Heading, new() { Name = "Buurten", Level = 1 })).ToBeVisibleAsync();
        await _journey.VisitedAsync(Staff, "staff: buurten, none yet");

        await Staff.GetByLabel("Buurten", new() { Exact = true }).FillAsync("Binnenstad: 6211, 6212 AB\nMalberg: 6214-6215\nWyckerpoort: 6222");
        await Staff.GetByRole(AriaRole.Button, new() { Name = "Buurten opslaan" }).ClickAsync();

        await Expect(Staff.GetByText("3 buurten opgeslagen.")).ToBeVisibleAsync();
        var area = Staff.GetByRole(AriaRole.Table, new() { Name = "3 buurten in het gebied" });
        await Expect(area.GetByRole(AriaRole.Row, new() { Name = "Malberg" })).ToContainTextAsync("6214-6215");
        await _journey.VisitedAsync(Staff, "staff: buurten saved");
    }

    public async Task StaffAddSixThemesAndOpenRoundOneAsync()
    {
        await EditionNav("Thema's").ClickAsync();
        await Expect(Staff.GetByText("Er zijn nog geen thema's.")).ToBeVisibleAsync();
        await _journey.VisitedAsync(Staff, "staff: themes, none yet");

        foreach (var name in ThemeNames)
        {
            await Staff.GetByLabel("Naam van het thema").FillAsync(name);
            await Staff.GetByLabel("Korte beschrijving", new() { Exact = true }).FillAsync($"Ideeën over {name.ToLowerInvariant()} in uw buurt.");
            await Staff.GetByLabel("Toelichting", new() { Exact = true }).FillAsync($"Onder **{name}** valt alles wat de buurt hierin beter maakt.");
            await Staff.GetByRole(AriaRole.Button, new() { Name = "Thema toevoegen" }).ClickAsync();
            await Expect(Staff.GetByText($"Thema '{name}' is opgeslagen.")).ToBeVisibleAsync();
        }

        await Expect(Staff.GetByRole(AriaRole.Button, new() { Name = "verwijderen" })).ToHaveCountAsync(6);
        await _journey.VisitedAsync(Staff, "staff: six candidate themes");

        await EditionNav("Rondes").ClickAsync();
        await _journey.VisitedAsync(Staff, "staff: rounds, all planned");
        await RoundStepAsync(Staff, "Ronde 1 openen", _journey);
        await Expect(Staff.GetByText("De ronde is geopend.")).ToBeVisibleAsync();
        await Expect(RoundCard(1)).ToContainTextAsync("Open");
        await _journey.VisitedAsync(Staff, "staff: round 1 open");

        // From now on the settings that decide outcomes are fixed; the name can still change.
        await EditionNav("Instellingen").ClickAsync();
        await Expect(Staff.GetByText("Ronde 1 is geopend: budget, gebied, leeftijd, aantallen en regel liggen vast.")).ToBeVisibleAsync();
        await Expect(Staff.GetByLabel("Totaal budget")).Not.ToBeEditableAsync();
        await Expect(Staff.GetByLabel("Regel voor ronde 4")).ToBeDisabledAsync();
        await Expect(Staff.GetByLabel("Naam van de editie")).ToBeEditableAsync();
        await _journey.VisitedAsync(Staff, "staff: settings locked");
        await EditionNav("Rondes").ClickAsync();
    }

    // ---- Round 1 ----------------------------------------------------------------------------------------------

    public async Task ResidentsRegisterAndConfirmByMailAsync()
    {
        var first = true;
        foreach (var resident in Residents)
        {
            await RegisterAndConfirmAsync(resident, first);
            first = false;
        }
    }

    private async Task RegisterAndConfirmAsync(Resident resident, bool check)
    {
        var page = resident.Page;
        await page.GotoAsync("/");
        await Expect(page.GetByText("Ronde 1 is open: kies de thema's die u het belangrijkst vindt.")).ToBeVisibleAsync();
        if (check)
        {
            await _journey.VisitedAsync(page, "home: round 1 open, signed out");
        }

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Account aanmaken" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Account aanmaken", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Inwoner van Maastricht" })).ToBeCheckedAsync();
        await page.GetByLabel("Naam", new() { Exact = true }).FillAsync(resident.Name);
        await page.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(resident.Email);
        await page.GetByLabel("Postcode", new() { Exact = true }).FillAsync(resident.Postcode);
        await page.GetByLabel("Geboortejaar", new() { Exact = true }).FillAsync(resident.BirthYear);
        await page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(resident.Password);
        await page.GetByLabel("Herhaal het wachtwoord", new() { Exact = true }).FillAsync(resident.Password);
        if (check)
        {
            await _journey.VisitedAsync(page, "register: filled in");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Account aanmaken" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bevestig uw e-mailadres", Level = 1 })).ToBeVisibleAsync();
        if (check)
        {
            await _journey.VisitedAsync(page, "register: check your email");
        }

        var mail = await _journey.Smtp.WaitForMailAsync(resident.Email, m => m.Subject == "Bevestig uw e-mailadres voor de burgerbegroting");
        await page.GotoAsync(Link(mail, "/account/bevestigen", _journey.BaseAddress));
        await Expect(page.GetByText("Uw e-mailadres is bevestigd.")).ToBeVisibleAsync();
        if (check)
        {
            await _journey.VisitedAsync(page, "register: email confirmed");
        }

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Inloggen" }).ClickAsync();
        await page.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(resident.Email);
        await page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(resident.Password);
        if (check)
        {
            await _journey.VisitedAsync(page, "sign in: filled in");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" })).ToBeVisibleAsync();
    }

    public async Task ResidentsChooseThemesWithATieAtTheCutOffAsync()
    {
        // Groen en spelen 3 votes and Verkeersveiligheid 2 go through; Ontmoeten and Cultuur tie with 1 for the third place.
        await ChooseThemesAsync(Anna, check: true, "Groen en spelen", "Verkeersveiligheid", "Ontmoeten");
        await ChooseThemesAsync(Bram, check: false, "Groen en spelen", "Verkeersveiligheid", "Cultuur");
        await ChooseThemesAsync(Chantal, check: false, "Groen en spelen");
        var receipt = await _journey.Smtp.WaitForMailAsync(Anna.Email, m => m.Subject == "Uw stem is ontvangen");
        Assert.Contains("Thema's kiezen", receipt.Text, StringComparison.Ordinal);
    }

    private async Task ChooseThemesAsync(Resident resident, bool check, params string[] themes)
    {
        var page = resident.Page;
        await page.GotoAsync("/");
        if (check)
        {
            await _journey.VisitedAsync(page, "home: round 1 open, signed in");
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Kies thema's" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thema's kiezen", Level = 1 })).ToBeVisibleAsync();
        var ballot = page.GetByRole(AriaRole.Group, new() { Name = "Welke thema's vindt u het belangrijkst? (hoogstens 3)" });
        await Expect(ballot.GetByRole(AriaRole.Checkbox)).ToHaveCountAsync(6);
        if (check)
        {
            await _journey.VisitedAsync(page, "round 1: the ballot");

            // Each theme says more on a page of its own.
            await ballot.GetByRole(AriaRole.Link, new() { Name = "Meer over Ontmoeten" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ontmoeten", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Strong)).ToHaveTextAsync("Ontmoeten");
            await _journey.VisitedAsync(page, "a candidate theme's page");
            await page.GoBackAsync();
        }

        foreach (var theme in themes)
        {
            await ballot.GetByRole(AriaRole.Checkbox, new() { Name = theme, Exact = true }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Stem opslaan" }).ClickAsync();
        await Expect(page.GetByText("Uw stem is opgeslagen en telt mee.")).ToBeVisibleAsync();
        await Expect(ballot.GetByRole(AriaRole.Checkbox, new() { Checked = true })).ToHaveCountAsync(themes.Length);
        if (check)
        {
            await _journey.VisitedAsync(page, "round 1: ballot saved");
        }
    }

    public async Task StaffCloseRoundOneResolveTheTieAndPublishAsync()
    {
        await Staff.ReloadAsync();
        await Expect(RoundCard(1)).ToContainTextAsync("Uitgebrachte stemmen: 3");
        await RoundStepAsync(Staff, "Ronde 1 sluiten", _journey);
        await Expect(Staff.GetByText("De ronde is gesloten en de uitslag is berekend.")).ToBeVisibleAsync();
        await Expect(Staff.GetByText("2 thema's eindigden gelijk met 1 stem op de laatste plaats. Kies welke 1 doorgaan")).ToBeVisibleAsync();
        await _journey.VisitedAsync(Staff, "staff: round 1 closed with a tie");

        // Publishing waits for the tie to be resolved: no publish button, but the reason.
        await Expect(Staff.GetByRole(AriaRole.Link, new() { Name = "Uitslag ronde 1 publiceren" })).ToHaveCountAsync(0);
        await Expect(RoundCard(1)).ToContainTextAsync("Er is een gelijke stand op de laatste plaats: kies eerst welk thema doorgaat (1 plaats).");

        await Staff.GetByRole(AriaRole.Link, new() { Name = "Uitslag ronde 1 bekijken" }).ClickAsync();
        var table = Staff.GetByRole(AriaRole.Table, new() { Name = "Uitslag van Thema's kiezen" });
        await Expect(ResultRow(table, "Ontmoeten")).ToContainTextAsync("Gelijk geëindigd, wacht op besluit");
        await Expect(ResultRow(table, "Cultuur")).ToContainTextAsync("Gelijk geëindigd, wacht op besluit");
        await Expect(Staff.GetByText("Voorlopige uitslag, alleen zichtbaar voor medewerkers.")).ToBeVisibleAsync();
        await _journey.VisitedAsync(Staff, "results round 1: provisional, tied");
        await Staff.GotoAsync(RoundsUrl);

        var tie = Staff.GetByRole(AriaRole.Group, new() { Name = "Kies 1 thema dat doorgaat" });
        await tie.GetByRole(AriaRole.Checkbox, new() { Name = "Ontmoeten (1)" }).CheckAsync();
        await Staff.GetByLabel("Toelichting op de keuze (komt bij de uitslag)").FillAsync("Ontmoeten sluit aan bij de buurtgesprekken van dit jaar.");
        await Staff.GetByRole(AriaRole.Button, new() { Name = "Keuze vastleggen" }).ClickAsync();
        await Expect(Staff.GetByText("De keuze is vastgelegd")).ToBeVisibleAsync();
        await _journey.VisitedAsync(Staff, "staff: tie resolved");

        await RoundStepAsync(Staff, "Uitslag ronde 1 publiceren", _journey);
        await Expect(Staff.GetByText("De uitslag is gepubliceerd.")).ToBeVisibleAsync();
        await Expect(RoundCard(1)).ToContainTextAsync("Uitslag bekend");

        // The decision is in the audit log, with the tied themes and the note.
        await Staff.GotoAsync("/beheer");
        await Staff.GetByRole(AriaRole.Link, new() { Name = "Logboek" }).ClickAsync();
        await Expect(Staff.GetByRole(AriaRole.Row).Filter(new() { HasText = "Gelijke stand beslist" }))
            .ToContainTextAsync("gekozen: Ontmoeten; gelijk geëindigd: Ontmoeten, Cultuur; Ontmoeten sluit aan bij de buurtgesprekken van dit jaar.");
        await _journey.VisitedAsync(Staff, "staff: the audit log");
        await Staff.GotoAsync(RoundsUrl);

        // Anyone can now read the result, with the tie and how it was resolved.
        await Anna.Page.GotoAsync("/");
        await Anna.Page.GetByRole(AriaRole.Link, new() { Name = "Bekijk de uitslag van Thema's kiezen" }).ClickAsync();
        table = Anna.Page.GetByRole(AriaRole.Table, new() { Name = "Uitslag van Thema's kiezen" });
        await Expect(ResultRow(table, "Groen en spelen")).ToContainTextAsync("3");
        await Expect(ResultRow(table, "Groen en spelen")).ToContainTextAsync("Gekozen");
        await Expect(ResultRow(table, "Ontmoeten")).ToContainTextAsync("Gekozen na gelijke stand");
        await Expect(ResultRow(table, "Cultuur")).ToContainTextAsync("Niet gekozen na gelijke stand");
        await Expect(Anna.Page.GetByText("Bij een gelijke stand op de laatste plaats besloot de gemeente: Ontmoeten. Ontmoeten sluit aan bij de buurtgesprekken van dit jaar.")).ToBeVisibleAsync();
        await _journey.VisitedAsync(Anna.Page, "results round 1: published");

        await RoundStepAsync(Staff, "Ronde 2 openen");
        await Expect(RoundCard(2)).ToContainTextAsync("Open");
    }

    // ---- Round 2 ----------------------------------------------------------------------------------------------

    public async Task ResidentsSplitTheBudgetAsync()
    {
        // Anna types and watches the remaining amount follow; the others fill in their numbers.
        var page = Anna.Page;
        await page.GotoAsync("/");
        await Expect(page.GetByText("Ronde 2 is open: verdeel het budget over de gekozen thema's.")).ToBeVisibleAsync();
        await _journey.VisitedAsync(page, "home: round 2 open");
        await page.GetByRole(AriaRole.Link, new() { Name = "Verdeel het geld" }).ClickAsync();
        var remaining = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "verdeeld." });
        await Expect(remaining).ToContainTextAsync("Nog te verdelen: 100% (€ 600.000)");
        await _journey.VisitedAsync(page, "round 2: the ballot");

        await Share(page, "Groen en spelen").PressSequentiallyAsync("50");
        await Expect(remaining).ToContainTextAsync("Nog te verdelen: 50% (€ 300.000)");
        await Share(page, "Verkeersveiligheid").PressSequentiallyAsync("40");
        await Expect(remaining).ToContainTextAsync("Nog te verdelen: 10% (€ 60.000)");
        await Share(page, "Ontmoeten").PressSequentiallyAsync("20");
        await Expect(remaining).ToContainTextAsync("Te veel verdeeld: 10% (€ 60.000) te veel");
        await _journey.VisitedAsync(page, "round 2: too much divided");
        await Share(page, "Verkeersveiligheid").FillAsync("30");
        await Expect(remaining).ToContainTextAsync("Nog te verdelen: 0% (€ 0)");
        await Expect(remaining).ToContainTextAsync("U hebt 100% verdeeld.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Stem opslaan" }).ClickAsync();
        await Expect(page.GetByText("Uw stem is opgeslagen en telt mee.")).ToBeVisibleAsync();
        await _journey.VisitedAsync(page, "round 2: ballot saved");

        await SplitAsync(Bram.Page, ("Groen en spelen", 40), ("Verkeersveiligheid", 40), ("Ontmoeten", 20));
        await SplitAsync(Chantal.Page, ("Groen en spelen", 60), ("Verkeersveiligheid", 20), ("Ontmoeten", 20));
    }

    private static async Task SplitAsync(IPage page, params (string Theme, int Percentage)[] split)
    {
        await page.GotoAsync("/stemmen/verdeling");
        foreach (var (theme, percentage) in split)
        {
            await Share(page, theme).FillAsync(percentage.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "verdeeld." })).ToContainTextAsync("Nog te verdelen: 0%");
        await page.GetByRole(AriaRole.Button, new() { Name = "Stem opslaan" }).ClickAsync();
        await Expect(page.GetByText("Uw stem is opgeslagen en telt mee.")).ToBeVisibleAsync();
    }

    private static ILocator Share(IPage page, string theme) => page.GetByRole(AriaRole.Textbox, new() { Name = theme, Exact = true });

    public async Task StaffCloseAndPublishRoundTwoAsync()
    {
        await Staff.ReloadAsync();
        await Expect(RoundCard(2)).ToContainTextAsync("Uitgebrachte stemmen: 3");
        await RoundStepAsync(Staff, "Ronde 2 sluiten");
        await Expect(Staff.GetByText("De ronde is gesloten en de uitslag is berekend.")).ToBeVisibleAsync();
        await RoundStepAsync(Staff, "Uitslag ronde 2 publiceren");
        await Expect(Staff.GetByText("De uitslag is gepubliceerd.")).ToBeVisibleAsync();
        await _journey.VisitedAsync(Staff, "staff: round 2 published");

        // Mean shares 50%, 30% and 20% of € 600.000; the budgets add up to the total exactly.
        await Staff.GetByRole(AriaRole.Link, new() { Name = "Uitslag ronde 2 bekijken" }).ClickAsync();
        var table = Staff.GetByRole(AriaRole.Table, new() { Name = "Uitslag van Geld verdelen" });
        var budgets = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var theme in ThemeNames.Take(3))
        {
            budgets[theme] = Euros(await ResultRow(table, theme).GetByRole(AriaRole.Cell).Last.InnerTextAsync());
        }

        Assert.Equal(new Dictionary<string, long> { ["Groen en spelen"] = 300_000, ["Verkeersveiligheid"] = 180_000, ["Ontmoeten"] = 120_000 }, budgets);
        var total = Euros(await ResultRow(table, "Totaal").GetByRole(AriaRole.Cell).Last.InnerTextAsync());
        Assert.Equal(TotalBudget, total);
        Assert.Equal(total, budgets.Values.Sum());
        await _journey.VisitedAsync(Staff, "results round 2: published");

        await Staff.GotoAsync(RoundsUrl);
        await RoundStepAsync(Staff, "Ronde 3 openen");
        await Expect(RoundCard(3)).ToContainTextAsync("Open");
        await Expect(RoundCard(3)).ToContainTextAsync("Nog te beoordelen ideeën: 0");
        await _journey.VisitedAsync(Staff, "staff: round 3 open");
    }

    // ---- Round 3 ----------------------------------------------------------------------------------------------

    public async Task NetworkRegistersAndIsApprovedAsync()
    {
        await Network.GotoAsync("/account/registreren");
        await Network.GetByRole(AriaRole.Radio, new() { Name = "Buurtnetwerk (organisatie)" }).CheckAsync();
        await Network.GetByLabel("Naam van het buurtnetwerk").FillAsync(NetworkName);
        await Network.GetByLabel("Naam", new() { Exact = true }).FillAsync("Sanne Hermans");
        await Network.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(NetworkEmail);
        await Network.GetByLabel("Postcode", new() { Exact = true }).FillAsync("6215 AB");
        await Network.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(NetworkPassword);
        await Network.GetByLabel("Herhaal het wachtwoord", new() { Exact = true }).FillAsync(NetworkPassword);
        await Network.GetByRole(AriaRole.Button, new() { Name = "Account aanmaken" }).ClickAsync();
        await Expect(Network.GetByText("Een medewerker van de gemeente bekijkt de aanmelding van uw buurtnetwerk.")).ToBeVisibleAsync();
        await _journey.VisitedAsync(Network, "register: check your email, as a buurtnetwerk");

        var confirm = await _journey.Smtp.WaitForMailAsync(NetworkEmail, m => m.Subject == "Bevestig uw e-mailadres voor de burgerbegroting");
        await Network.GotoAsync(Link(confirm, "/account/bevestigen", _journey.BaseAddress));
        await Expect(Network.GetByText("Uw e-mailadres is bevestigd.")).ToBeVisibleAsync();

        await Staff.GotoAsync("/beheer");
        await Expect(Staff.GetByText("1 wachten op goedkeuring")).ToBeVisibleAsync();
        await Staff.GetByRole(AriaRole.Link, new() { Name = "Buurtnetwerken" }).ClickAsync();
        var card = Staff.GetByRole(AriaRole.Region, new() { Name = NetworkName });
        await Expect(card).ToContainTextAsync("Wacht op goedkeuring");
        await Expect(card).ToContainTextAsync("Sanne Hermans (" + NetworkEmail + ")");
        await _journey.VisitedAsync(Staff, "staff: a buurtnetwerk waiting for approval");
        await card.GetByRole(AriaRole.Button, new() { Name = $"{NetworkName} goedkeuren" }).ClickAsync();
        await Expect(Staff.GetByText("Het buurtnetwerk is goedgekeurd en krijgt een e-mail.")).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync("Goedgekeurd");
        await _journey.VisitedAsync(Staff, "staff: the buurtnetwerk approved");

        var approved = await _journey.Smtp.WaitForMailAsync(NetworkEmail, m => m.Subject == "Uw buurtnetwerk is goedgekeurd");
        Assert.Contains($"De gemeente heeft de aanmelding van {NetworkName} goedgekeurd.", approved.Text, StringComparison.Ordinal);
        await SignInAsync(Network, NetworkEmail, NetworkPassword);
    }

    /// <summary>Issue 4's browser line, first half: a buurtnetwerk submits an idea watching the live Markdown preview.</summary>
    public async Task NetworkSubmitsIdeasWithTheLivePreviewAsync()
    {
        await Network.GotoAsync("/");
        await Expect(Network.GetByText("Ronde 3 is open: ideeën kunnen worden ingediend.")).ToBeVisibleAsync();
        await Network.GetByRole(AriaRole.Link, new() { Name = "Dien een idee in" }).ClickAsync();
        await Expect(Network.GetByText($"U dient dit idee in namens buurtnetwerk {NetworkName}")).ToBeVisibleAsync();
        await _journey.VisitedAsync(Network, "new idea: the empty form");

        await Network.GetByLabel("Titel", new() { Exact = true }).FillAsync("Speeltuin aan de Malbergsingel");
        await Network.GetByLabel("Samenvatting").FillAsync("Een veilige speeltuin voor de kinderen van Malberg.");
        var description = Network.GetByLabel("Beschrijving", new() { Exact = true });
        var preview = Network.GetByRole(AriaRole.Region, new() { Name = "Voorbeeld van de beschrijving" });
        await description.PressSequentiallyAsync("Een **veilige** speeltuin met\n\n- een klimrek\n- schommels");
        await Expect(preview.GetByRole(AriaRole.Strong)).ToHaveTextAsync("veilige");
        await Expect(preview.GetByRole(AriaRole.Listitem)).ToHaveTextAsync(["een klimrek", "schommels"]);
        await description.PressSequentiallyAsync("\n\nMeer op [onze site](https://buurtnetwerkmalberg.nl).");
        await Expect(preview.GetByRole(AriaRole.Link, new() { Name = "onze site" })).ToHaveAttributeAsync("rel", new Regex("nofollow"));
        await Network.GetByLabel("Thema", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Groen en spelen (max. € 300.000)" });
        await Network.GetByLabel("Buurt", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Malberg" });
        await Network.GetByLabel("Geschatte kosten").FillAsync("€ 210.000,-");
        await _journey.VisitedAsync(Network, "new idea: filled in, with the live preview");

        await Network.GetByRole(AriaRole.Button, new() { Name = "Idee indienen" }).ClickAsync();
        await Expect(Network.GetByText("Uw idee is ingediend.")).ToBeVisibleAsync();
        await Expect(Network.GetByRole(AriaRole.Heading, new() { Name = "Speeltuin aan de Malbergsingel", Level = 1 })).ToBeVisibleAsync();
        await Expect(Network.GetByText($"{NetworkName} (buurtnetwerk)", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(Network.GetByRole(AriaRole.Main).GetByRole(AriaRole.Strong)).ToHaveTextAsync("veilige");
        _ideas["Speeltuin"] = IdFrom(Network.Url, "/ideeen/");
        await _journey.VisitedAsync(Network, "idea page: just submitted");
        var received = await _journey.Smtp.WaitForMailAsync(NetworkEmail, m => m.Subject == "Uw idee is ontvangen" && m.Text.Contains("Speeltuin", StringComparison.Ordinal));
        Assert.Contains("Speeltuin aan de Malbergsingel", received.Text, StringComparison.Ordinal);

        _ideas["Zebrapad"] = await SubmitIdeaAsync(Network, "Zebrapad bij basisschool De Sleutel", "Verkeersveiligheid (max. € 180.000)", "Malberg", "60.000");
    }

    public async Task ResidentsSubmitIdeasAsync()
    {
        _ideas["Bankjes"] = await SubmitIdeaAsync(Anna.Page, "Bankjes in het Stadspark", "Groen en spelen (max. € 300.000)", "Binnenstad", "150000");
        _ideas["Vuurwerk"] = await SubmitIdeaAsync(Bram.Page, "Vuurwerkshow op oudejaarsavond", "Ontmoeten (max. € 120.000)", "Malberg", "€ 20.000");

        await Anna.Page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Ideeën" }).ClickAsync();
        await Expect(Anna.Page.GetByText("4 ideeën gevonden")).ToBeVisibleAsync();
        await _journey.VisitedAsync(Anna.Page, "ideas: the public list");
    }

    private async Task<int> SubmitIdeaAsync(IPage page, string title, string theme, string buurt, string cost)
    {
        await page.GotoAsync("/ideeen/nieuw");
        await page.GetByLabel("Titel", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Samenvatting").FillAsync($"{title}: voor iedereen in de buurt.");
        await page.GetByLabel("Beschrijving", new() { Exact = true }).FillAsync($"Wij willen graag {title.ToLowerInvariant()}.");
        await page.GetByLabel("Thema", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = theme });
        await page.GetByLabel("Buurt", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = buurt });
        await page.GetByLabel("Geschatte kosten").FillAsync(cost);
        await page.GetByRole(AriaRole.Button, new() { Name = "Idee indienen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        return IdFrom(page.Url, "/ideeen/");
    }

    /// <summary>
    /// Issue 4's browser line, second half: staff admit the network's idea at their own cost estimate and its mail
    /// arrives; a resident's idea is refused with a reason, which arrives by mail and shows on the idea's page.
    /// </summary>
    public async Task StaffReviewTheIdeasAsync()
    {
        await Staff.GotoAsync("/beheer");
        await Staff.GetByRole(AriaRole.Link, new() { Name = "Ideeën beoordelen" }).ClickAsync();
        await Expect(Staff.GetByText("Nog te beoordelen: 4.")).ToBeVisibleAsync();
        await _journey.VisitedAsync(Staff, "staff: the review queue");

        await Staff.GetByRole(AriaRole.Link, new() { Name = "Speeltuin aan de Malbergsingel" }).ClickAsync();
        await Expect(Staff.GetByRole(AriaRole.Heading, new() { Name = "Speeltuin aan de Malbergsingel", Level = 1 })).ToBeVisibleAsync();
        var admit = Staff.GetByRole(AriaRole.Region, new() { Name = "Toelaten tot ronde 4" });
        await Expect(admit.GetByLabel("Kosten volgens de gemeente")).ToHaveValueAsync("210.000");
        await _journey.VisitedAsync(Staff, "staff: reviewing an idea");
        await admit.GetByLabel("Kosten volgens de gemeente").FillAsync("200.000");
        await admit.GetByLabel("Toelichting (openbaar, optioneel)").FillAsync("De gemeente levert de valondergrond zelf; dat scheelt € 10.000.");
        await admit.GetByRole(AriaRole.Button, new() { Name = "Toelaten" }).ClickAsync();
        await Expect(Staff.GetByText("Het idee is toegelaten; de indiener krijgt een e-mail.")).ToBeVisibleAsync();
        await _journey.VisitedAsync(Staff, "staff: an idea admitted");

        var admitted = await _journey.Smtp.WaitForMailAsync(NetworkEmail, m => m.Subject == "Uw idee is toegelaten" && m.Text.Contains("Speeltuin", StringComparison.Ordinal));
        Assert.Contains("Goed nieuws: uw idee 'Speeltuin aan de Malbergsingel' is toegelaten tot de stemronde. De gemeente schat de kosten op € 200.000.", admitted.Text, StringComparison.Ordinal);
        Assert.Contains("De gemeente levert de valondergrond zelf", admitted.Text, StringComparison.Ordinal);

        await AdmitAsIsAsync("Zebrapad bij basisschool De Sleutel");
        await AdmitAsIsAsync("Bankjes in het Stadspark");

        await Staff.GetByRole(AriaRole.Link, new() { Name = "Terug naar alle ideeën" }).ClickAsync();
        await Staff.GetByRole(AriaRole.Link, new() { Name = "Vuurwerkshow op oudejaarsavond" }).ClickAsync();
        var refuse = Staff.GetByRole(AriaRole.Region, new() { Name = "Niet toelaten" });
        await refuse.GetByRole(AriaRole.Button, new() { Name = "Niet toelaten" }).ClickAsync();
        await Expect(Staff.GetByRole(AriaRole.Alert)).ToContainTextAsync("Kies een reden uit de lijst.");
        await _journey.VisitedAsync(Staff, "staff: refusing without a reason");
        await refuse.GetByLabel("Reden").SelectOptionAsync(new SelectOptionValue { Label = "Dit is geen taak van de gemeente" });
        await refuse.GetByLabel("Toelichting (openbaar)").FillAsync("Vuurwerk is een evenement van een organisator met een vergunning.");
        await refuse.GetByRole(AriaRole.Button, new() { Name = "Niet toelaten" }).ClickAsync();

        // First what will be published and mailed; refused only on confirmation.
        var confirm = Staff.GetByRole(AriaRole.Region, new() { Name = "Dit idee niet toelaten?" });
        await Expect(confirm).ToContainTextAsync("Vuurwerk is een evenement van een organisator met een vergunning.");
        await Expect(confirm).ToContainTextAsync("Dit is geen taak van de gemeente");
        await _journey.VisitedAsync(Staff, "staff: confirm not admitting an idea");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Ja, niet toelaten" }).ClickAsync();
        await Expect(Staff.GetByText("Het idee is niet toegelaten; de indiener krijgt een e-mail met de reden.")).ToBeVisibleAsync();

        var refused = await _journey.Smtp.WaitForMailAsync(Bram.Email, m => m.Subject == "Uw idee is niet toegelaten");
        Assert.Contains("Uw idee 'Vuurwerkshow op oudejaarsavond' is niet toegelaten tot de stemronde. Reden: Dit is geen taak van de gemeente. Toelichting: Vuurwerk is een evenement van een organisator met een vergunning.", refused.Text, StringComparison.Ordinal);

        // The submitter opens the link in the mail: the reason is public on the idea's page.
        await Bram.Page.GotoAsync(Link(refused, "/ideeen/", _journey.BaseAddress));
        await Expect(Bram.Page.GetByRole(AriaRole.Heading, new() { Name = "Niet toegelaten", Level = 2 })).ToBeVisibleAsync();
        await Expect(Bram.Page.GetByText("Dit is geen taak van de gemeente. Vuurwerk is een evenement van een organisator met een vergunning.")).ToBeVisibleAsync();
        await _journey.VisitedAsync(Bram.Page, "idea page: not admitted, with the reason");

        await Network.GotoAsync($"/ideeen/{_ideas["Speeltuin"]}");
        await Expect(Network.GetByText("Toelichting van de gemeente: De gemeente levert de valondergrond zelf")).ToBeVisibleAsync();
        await Expect(Network.GetByRole(AriaRole.Definition).Filter(new() { HasText = "€ 200.000" })).ToHaveCountAsync(1);
        await _journey.VisitedAsync(Network, "idea page: admitted, with the final cost");

        await Network.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Mijn account" }).ClickAsync();
        await Expect(Network.GetByText($"U bent ingelogd als {NetworkEmail}.")).ToBeVisibleAsync();
        await _journey.VisitedAsync(Network, "my account, as a buurtnetwerk");
        await Network.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Mijn ideeën" }).ClickAsync();
        await Expect(Network.GetByRole(AriaRole.Heading, new() { Name = "Mijn ideeën", Level = 1 })).ToBeVisibleAsync();
        var mine = Network.GetByRole(AriaRole.Listitem).Filter(new() { Has = Network.GetByRole(AriaRole.Heading) });
        await Expect(mine).ToHaveCountAsync(2);
        await Expect(mine.Filter(new() { HasText = "Speeltuin aan de Malbergsingel" })).ToContainTextAsync("€ 200.000");
        await Expect(mine.Filter(new() { HasText = "Speeltuin aan de Malbergsingel" })).ToContainTextAsync("Toegelaten");
        await _journey.VisitedAsync(Network, "my ideas, as a buurtnetwerk");
    }

    private async Task AdmitAsIsAsync(string title)
    {
        await Staff.GetByRole(AriaRole.Link, new() { Name = "Terug naar alle ideeën" }).ClickAsync();
        await Staff.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Staff.GetByRole(AriaRole.Region, new() { Name = "Toelaten tot ronde 4" }).GetByRole(AriaRole.Button, new() { Name = "Toelaten" }).ClickAsync();
        await Expect(Staff.GetByText("Het idee is toegelaten; de indiener krijgt een e-mail.")).ToBeVisibleAsync();
    }

    public async Task StaffCloseAndPublishRoundThreeAsync()
    {
        await Staff.GotoAsync(RoundsUrl);
        await Expect(RoundCard(3)).ToContainTextAsync("Nog te beoordelen ideeën: 0");
        await RoundStepAsync(Staff, "Ronde 3 sluiten");
        await Expect(Staff.GetByText("De ronde is gesloten")).ToBeVisibleAsync();
        await RoundStepAsync(Staff, "Uitslag ronde 3 publiceren");
        await Expect(Staff.GetByText("De uitslag is gepubliceerd.")).ToBeVisibleAsync();
        await RoundStepAsync(Staff, "Ronde 4 openen");
        await Expect(RoundCard(4)).ToContainTextAsync("Open");
        await _journey.VisitedAsync(Staff, "staff: round 4 open");
    }

    // ---- Round 4 ----------------------------------------------------------------------------------------------

    /// <summary>
    /// Issue 5's browser line, first half: Anna votes in two themes watching each theme's budget bar; a choice above
    /// the budget is refused with the ticks kept.
    /// </summary>
    public async Task ResidentsChooseIdeasWatchingTheBudgetBarAsync()
    {
        var page = Anna.Page;
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Kies ideeën" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Selectie", Level = 1 })).ToBeVisibleAsync();
        var groen = page.GetByRole(AriaRole.Group, new() { Name = "Groen en spelen (budget € 300.000)" });
        var verkeer = page.GetByRole(AriaRole.Group, new() { Name = "Verkeersveiligheid (budget € 180.000)" });
        var groenBar = groen.GetByRole(AriaRole.Status);
        var verkeerBar = verkeer.GetByRole(AriaRole.Status);
        await Expect(groenBar).ToHaveTextAsync("U hebt € 0 gekozen van € 300.000; nog € 300.000 over.");
        await _journey.VisitedAsync(page, "round 4: the ballot");

        await groen.GetByRole(AriaRole.Checkbox, new() { Name = "Speeltuin aan de Malbergsingel — € 200.000" }).CheckAsync();
        await Expect(groenBar).ToHaveTextAsync("U hebt € 200.000 gekozen van € 300.000; nog € 100.000 over.");
        await groen.GetByRole(AriaRole.Checkbox, new() { Name = "Bankjes in het Stadspark — € 150.000" }).CheckAsync();
        await Expect(groenBar).ToHaveTextAsync("U hebt € 350.000 gekozen van € 300.000: € 50.000 te veel.");
        await verkeer.GetByRole(AriaRole.Checkbox, new() { Name = "Zebrapad bij basisschool De Sleutel — € 60.000" }).CheckAsync();
        await Expect(verkeerBar).ToHaveTextAsync("U hebt € 60.000 gekozen van € 180.000; nog € 120.000 over.");
        await Expect(groenBar).ToHaveTextAsync("U hebt € 350.000 gekozen van € 300.000: € 50.000 te veel.");
        await _journey.VisitedAsync(page, "round 4: over the budget of one theme");

        await page.GetByRole(AriaRole.Button, new() { Name = "Stem opslaan" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Groen en spelen: uw keuze kost € 350.000, meer dan het budget van € 300.000.");
        await Expect(groen.GetByRole(AriaRole.Checkbox, new() { Checked = true })).ToHaveCountAsync(2);
        await Expect(verkeer.GetByRole(AriaRole.Checkbox, new() { Checked = true })).ToHaveCountAsync(1);
        await _journey.VisitedAsync(page, "round 4: refused above the budget, ticks kept");

        await groen.GetByRole(AriaRole.Checkbox, new() { Name = "Bankjes in het Stadspark — € 150.000" }).UncheckAsync();
        await Expect(groenBar).ToHaveTextAsync("U hebt € 200.000 gekozen van € 300.000; nog € 100.000 over.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Stem opslaan" }).ClickAsync();
        await Expect(page.GetByText("Uw stem is opgeslagen en telt mee.")).ToBeVisibleAsync();
        await Expect(groen.GetByRole(AriaRole.Checkbox, new() { Checked = true })).ToHaveCountAsync(1);
        await Expect(verkeerBar).ToHaveTextAsync("U hebt € 60.000 gekozen van € 180.000; nog € 120.000 over.");
        await _journey.VisitedAsync(page, "round 4: ballot saved in two themes");

        await ChooseIdeasAsync(Bram.Page, "Bankjes in het Stadspark");
        await ChooseIdeasAsync(Chantal.Page, "Speeltuin aan de Malbergsingel");
    }

    private static async Task ChooseIdeasAsync(IPage page, params string[] titles)
    {
        await page.GotoAsync("/selectie");
        foreach (var title in titles)
        {
            await page.GetByRole(AriaRole.Checkbox, new() { Name = title }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Stem opslaan" }).ClickAsync();
        await Expect(page.GetByText("Uw stem is opgeslagen en telt mee.")).ToBeVisibleAsync();
    }

    public async Task StaffCloseAndPublishRoundFourAsync()
    {
        await Staff.ReloadAsync();
        await Expect(RoundCard(4)).ToContainTextAsync("Uitgebrachte stemmen: 3");
        await RoundStepAsync(Staff, "Ronde 4 sluiten");
        await Expect(Staff.GetByText("De ronde is gesloten en de uitslag is berekend.")).ToBeVisibleAsync();

        await Staff.GetByRole(AriaRole.Link, new() { Name = "Uitslag ronde 4 bekijken" }).ClickAsync();
        await Expect(Staff.GetByText("Voorlopige uitslag, alleen zichtbaar voor medewerkers.")).ToBeVisibleAsync();
        await Expect(IdeaRow(Staff, "Groen en spelen", "Speeltuin aan de Malbergsingel")).ToContainTextAsync("Gekozen met 2 stemmen.");
        await _journey.VisitedAsync(Staff, "results round 4: provisional");
        await Staff.GotoAsync(RoundsUrl);

        await RoundStepAsync(Staff, "Uitslag ronde 4 publiceren");
        await Expect(Staff.GetByText("De uitslag is gepubliceerd.")).ToBeVisibleAsync();
        await Expect(RoundCard(4)).ToContainTextAsync("Uitslag bekend");
        await _journey.VisitedAsync(Staff, "staff: every round published");

        var won = await _journey.Smtp.WaitForMailAsync(NetworkEmail, m => m.Subject == "De uitslag: uw idee is gekozen!" && m.Text.Contains("Speeltuin", StringComparison.Ordinal));
        Assert.Contains("uw idee 'Speeltuin aan de Malbergsingel' is gekozen en wordt uitgevoerd", won.Text, StringComparison.Ordinal);
    }

    /// <summary>Issue 5's browser line, second half: the resident reads why an idea lost, from the mail to the results.</summary>
    public async Task AnnaReadsWhyHerIdeaLostAsync()
    {
        var page = Anna.Page;
        var lost = await _journey.Smtp.WaitForMailAsync(Anna.Email, m => m.Subject == "De uitslag: uw idee is niet gekozen");
        Assert.Contains("Uw idee 'Bankjes in het Stadspark' is dit keer niet gekozen.", lost.Text, StringComparison.Ordinal);
        await page.GotoAsync(Link(lost, $"/ideeen/{_ideas["Bankjes"]}", _journey.BaseAddress));

        const string why = "Niet gekozen: 1 stem, maar toen het aan de beurt was, was er nog € 100.000 over en het kost € 150.000.";
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dit idee is niet gekozen", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.GetByText(why)).ToBeVisibleAsync();
        await _journey.VisitedAsync(page, "idea page: lost, with why");

        await page.GetByRole(AriaRole.Link, new() { Name = "Bekijk de uitslag" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Uitslag: Selectie", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Per thema zijn de ideeën met de meeste stemmen gekozen, zolang ze nog in het budget pasten.")).ToBeVisibleAsync();
        var groen = page.GetByRole(AriaRole.Region, new() { Name = "Groen en spelen", Exact = true });
        await Expect(groen).ToContainTextAsync("Budget € 300.000; gekozen voor € 200.000; over € 100.000; 1 idee gekozen.");
        await Expect(IdeaRow(page, "Groen en spelen", "Speeltuin aan de Malbergsingel")).ToContainTextAsync("Gekozen met 2 stemmen.");
        await Expect(IdeaRow(page, "Groen en spelen", "Bankjes in het Stadspark")).ToContainTextAsync(why);
        await Expect(IdeaRow(page, "Verkeersveiligheid", "Zebrapad bij basisschool De Sleutel")).ToContainTextAsync("Gekozen met 1 stem.");
        await _journey.VisitedAsync(page, "results round 4: published");

        await IdeaRow(page, "Groen en spelen", "Speeltuin aan de Malbergsingel").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dit idee is gekozen en wordt uitgevoerd", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Gekozen met 2 stemmen.")).ToBeVisibleAsync();
        await _journey.VisitedAsync(page, "idea page: won");
    }

    public async Task AnnaDownloadsTheOpenDataAsync()
    {
        var page = Anna.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Bekijk de uitslag" }).ClickAsync();
        var pabulib = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Stemmen bij Groen en spelen downloaden (pabulib, anoniem)" }).ClickAsync());
        Assert.EndsWith(".pb", pabulib.SuggestedFilename, StringComparison.Ordinal);
        var ballots = await File.ReadAllTextAsync(await pabulib.PathAsync());
        Assert.StartsWith("META", ballots, StringComparison.Ordinal);
        Assert.Contains("subunit;Groen en spelen", ballots, StringComparison.Ordinal);
        Assert.Contains("num_votes;3", ballots, StringComparison.Ordinal);
        Assert.Contains("PROJECTS", ballots, StringComparison.Ordinal);
        Assert.Contains("VOTES", ballots, StringComparison.Ordinal);
        Assert.DoesNotContain(Anna.Email, ballots, StringComparison.OrdinalIgnoreCase);

        var results = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "uitslag per idee (CSV)" }).ClickAsync());
        Assert.EndsWith(".csv", results.SuggestedFilename, StringComparison.Ordinal);
        var csv = (await File.ReadAllLinesAsync(await results.PathAsync())).ToList();
        Assert.Equal("idea_id;theme;title;cost;votes;selected;step;reason;remaining_at_turn;supporters_money_left", csv[0]);
        var bankjes = Assert.Single(csv, line => line.Contains("\"Bankjes in het Stadspark\"", StringComparison.Ordinal));
        Assert.StartsWith($"{_ideas["Bankjes"]};\"Groen en spelen\";\"Bankjes in het Stadspark\";150000;1;0;", bankjes, StringComparison.Ordinal);
        Assert.EndsWith(";100000;", bankjes, StringComparison.Ordinal);
        Assert.Equal(4, csv.Count); // the header and the three admitted ideas
    }

    /// <summary>
    /// The edition report for the council, reached from the home page: the tie staff decided, the winners per theme, a
    /// phone's width without scrolling sideways, and the PDF that reads back.
    /// </summary>
    public async Task AnnaReadsTheEditionReportAsync()
    {
        var page = Anna.Page;
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Verslag van deze burgerbegroting, voor de gemeenteraad (ook als PDF)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Verslag: {EditionName}", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Gelijke stand bij de thema's" }))
            .ToContainTextAsync("Ontmoeten, Cultuur eindigden gelijk op de laatste plaats; de gemeente koos Ontmoeten. Toelichting: Ontmoeten sluit aan bij de buurtgesprekken van dit jaar.");
        var groen = page.GetByRole(AriaRole.Table, new() { Name = "Gekozen ideeën bij Groen en spelen, in de volgorde waarin de regel ze koos" });
        await Expect(ResultRow(groen, "Speeltuin aan de Malbergsingel")).ToContainTextAsync("€ 200.000");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Deelnemers per buurt, met het aantal inwoners dat mocht stemmen en de opkomst, waar dat bekend is" }).First)
            .ToContainTextAsync("< 10");
        await _journey.VisitedAsync(page, "the edition report");

        // A phone: the page does not scroll sideways; a wide table scrolls in its own box, which the keyboard reaches.
        await page.SetViewportSizeAsync(320, 800);
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var wide = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 321).slice(0, 8).map(e => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`)");
        Assert.True(width <= 320, $"the edition report scrolls sideways on a phone: {width} px wide at 320 px; sticking out: {string.Join(", ", wide)}");
        await _journey.VisitedAsync(page, "the edition report on a phone");
        await page.SetViewportSizeAsync(1280, 900);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Verslag downloaden als PDF" }).ClickAsync());
        Assert.Equal("BurgerbegrotingMaastricht2027_verslag.pdf", download.SuggestedFilename);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await File.ReadAllBytesAsync(await download.PathAsync()));
        var text = string.Concat(pdf.GetPages().SelectMany(p => p.Text).Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains($"Verslag:{EditionName.Replace(" ", "", StringComparison.Ordinal)}", text, StringComparison.Ordinal);
        Assert.Contains("SpeeltuinaandeMalbergsingel", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Next year: staff start the 2028 edition as a copy of this one and prepare it out of sight; residents still see
    /// 2027. Once staff make 2028 current, 2027 stays in the archive with its results at its own address.
    /// </summary>
    public async Task NextYearsEditionIsPreparedAndThisOneGoesToTheArchiveAsync()
    {
        await Staff.GotoAsync("/beheer/edities");
        await Staff.GetByLabel("Beginnen vanuit een eerdere editie").SelectOptionAsync(new SelectOptionValue { Label = EditionName });
        await Staff.GetByRole(AriaRole.Button, new() { Name = "Gebruik deze editie" }).ClickAsync();
        await Expect(Staff.GetByText($"De buurten en de kandidaat-thema's van {EditionName} worden overgenomen")).ToBeVisibleAsync();
        await Expect(Staff.GetByLabel("Totaal budget")).ToHaveValueAsync("600.000");
        await _journey.VisitedAsync(Staff, "staff: next edition filled in from this one");
        await Staff.GetByLabel("Naam van de editie").FillAsync(NextEditionName);
        await Staff.GetByRole(AriaRole.Button, new() { Name = "Editie aanmaken" }).ClickAsync();
        await Expect(Staff.GetByRole(AriaRole.Heading, new() { Name = NextEditionName, Level = 1 })).ToBeVisibleAsync();
        var next = IdFrom(Staff.Url, "/beheer/edities/");
        await EditionNav("Thema's").ClickAsync();
        await Expect(Staff.GetByRole(AriaRole.Main).GetByText(ThemeNames[5], new() { Exact = true })).ToBeVisibleAsync();

        // A draft: staff can look at its results page, residents cannot, and the archive does not list it.
        await Staff.GotoAsync("/2028/uitslag");
        await Expect(Staff.GetByText("Dit is een concepteditie")).ToBeVisibleAsync();
        await _journey.VisitedAsync(Staff, "staff: the draft edition's results overview");
        var anna = Anna.Page;
        await anna.GotoAsync("/archief");
        await Expect(anna.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link)).ToHaveCountAsync(1);
        await _journey.VisitedAsync(anna, "the archive: one edition");

        await Staff.GotoAsync($"/beheer/edities/{next}/huidig");
        await Staff.GetByRole(AriaRole.Button, new() { Name = "Ja, maak dit de huidige editie" }).ClickAsync();
        await Expect(Staff.GetByText($"{NextEditionName} is nu de editie die inwoners zien.")).ToBeVisibleAsync();

        await anna.GotoAsync("/archief");
        await anna.GetByRole(AriaRole.Link, new() { Name = EditionName }).ClickAsync();
        await Expect(anna.GetByRole(AriaRole.Heading, new() { Name = $"Uitslagen van {EditionName}", Level = 1 })).ToBeVisibleAsync();
        await Expect(anna.GetByText("Dit is een eerdere editie.")).ToBeVisibleAsync();
        await _journey.VisitedAsync(anna, "an earlier edition's results overview");
        await anna.GetByRole(AriaRole.Link, new() { Name = "Bekijk de uitslag van Selectie" }).ClickAsync();
        Assert.EndsWith("/2027/uitslag/4", anna.Url, StringComparison.Ordinal);
        await Expect(IdeaRow(anna, "Groen en spelen", "Speeltuin aan de Malbergsingel")).ToContainTextAsync("Gekozen met 2 stemmen.");
        await _journey.VisitedAsync(anna, "an earlier edition's round 4 results");

        // The address without an edition now leads to 2028, whose round 4 is not known yet.
        await anna.GotoAsync("/uitslag/4");
        Assert.EndsWith("/2028/uitslag#ronde-4", anna.Url, StringComparison.Ordinal);
        await Expect(anna.Locator("#ronde-4")).ToContainTextAsync("nog niet bekend");
        await _journey.VisitedAsync(anna, "the current edition's results overview");
    }

    // ---- Locators ---------------------------------------------------------------------------------------------

    private string RoundsUrl => $"/beheer/edities/{_editionId}/rondes";

    private ILocator EditionNav(string name) =>
        Staff.GetByRole(AriaRole.Navigation, new() { Name = "Onderdelen van deze editie" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    private ILocator RoundCard(int number) => Staff.GetByRole(AriaRole.Region, new() { Name = $"Ronde {number}:" });

    private static ILocator ResultRow(ILocator table, string rowHeader) =>
        table.GetByRole(AriaRole.Row).Filter(new() { Has = table.Page.GetByRole(AriaRole.Rowheader, new() { Name = rowHeader, Exact = true }) });

    private static ILocator IdeaRow(IPage page, string theme, string title) =>
        ResultRow(page.GetByRole(AriaRole.Table, new() { Name = $"Ideeën bij {theme}" }), title);
}
