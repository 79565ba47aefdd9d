using System.Text.RegularExpressions;
using Burgerbegroting.Browser.Tests.Infrastructure;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Stemcodes;
using Burgerbegroting.Web.Stemcodes;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;
using Burgerbegroting.Web.Tests.Stemcodes;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using static Burgerbegroting.Browser.Tests.Infrastructure.Steps;

namespace Burgerbegroting.Browser.Tests;

/// <summary>
/// Stemcodes in a real browser (docs/stemcodes.md): staff issue codes, download the print file and the letters and
/// erase the codes; a resident on a phone opens the letter's link and votes without an account; a resident without
/// JavaScript types the code and comes back to change the vote; staff replace a lost letter's code; an account links
/// its code once and votes through it afterwards.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StemcodeJourneyTests(BrowserApp browser)
{
    private const string Staff = "medewerker@maastricht.nl";
    private const int PhoneWidth = 320;

    /// <summary>A vote with a code that no account holds gets no receipt, so the page must not promise one.</summary>
    private const string NoMailForCodes = "bevestiging per e-mail";

    [Fact(Timeout = 180_000)]
    public Task Staff_issue_and_print_codes_and_a_resident_on_a_phone_votes_with_the_letters_link() => browser.RunOnOwnAppAsync(async journey =>
    {
        var (resident, app) = (journey.Page, journey.App);
        var edition = await app.CreateStemcodeEditionAsync();
        await app.OpenAsync(1);
        // A letter from the register, for staff to find later; it is not what this journey is about.
        await app.IssueCodesAsync(kind: StemcodeBatchKind.Register, holders: [new CodeHolder("Malberg", "6214AB", "7", "J. Peeters")]);
        await app.CreateAsync(Staff, Roles.Staff);
        var staff = await journey.NewPageAsync("Staff");
        await SignInAsync(staff, Staff);

        // Staff make three codes without an address for Centrum, and land on the new batch's page.
        await staff.GotoAsync($"/beheer/edities/{edition.Id}/stemcodes");
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Stemcodes", Level = 1 })).ToBeVisibleAsync();
        await journey.VisitedAsync(staff, "staff: stemcodes overview");
        var anonymous = staff.GetByRole(AriaRole.Region, new() { Name = "Codes zonder adres" });
        await anonymous.GetByLabel("Buurt").SelectOptionAsync(new SelectOptionValue { Label = "Centrum" });
        await anonymous.GetByLabel("Aantal codes").FillAsync("3");
        await anonymous.GetByRole(AriaRole.Button, new() { Name = "Codes maken" }).ClickAsync();
        await Expect(staff).ToHaveURLAsync(new Regex($"/beheer/edities/{edition.Id}/stemcodes/reeks/\\d+$"));
        var batch = IdFrom(staff.Url, "/reeks/");
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = $"Reeks {batch}: codes zonder adres, 3 codes", Level = 1 })).ToBeVisibleAsync();
        await Expect(staff.GetByText("3 codes gemaakt.")).ToBeVisibleAsync();
        await journey.VisitedAsync(staff, "staff: a new batch");

        // The print file, read back as the print house reads it: one row per letter with its code and link.
        var printFileLink = staff.GetByRole(AriaRole.Link, new() { Name = "Bestand voor de drukker (CSV, alle 3 codes)" });
        var printFileHref = await printFileLink.GetAttributeAsync("href");
        var printFile = await staff.RunAndWaitForDownloadAsync(() => printFileLink.ClickAsync());
        Assert.Equal($"stemcodes-reeks-{batch}.csv", printFile.SuggestedFilename);
        var rows = new List<string[]>();
        await using (var csv = File.OpenRead(await printFile.PathAsync()))
        {
            using var reader = CsvReader.Create(csv, new CsvReaderOptions { Separator = ';' });
            Assert.Equal(PrintFile.Header, reader.Headers);
            foreach (var row in reader)
            {
                rows.Add(row.ToArray());
            }
        }

        Assert.Equal(3, rows.Count);
        Assert.All(rows, row => Assert.Equal("Centrum", row[1]));
        var (code, link) = (rows[0][0], rows[0][5]);
        Assert.Matches("^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$", code);
        Assert.Equal(new Uri(journey.BaseAddress, "/stemmen/code#code=" + code).AbsoluteUri, link);

        // The letters for Centrum: one page per code, in the print file's order.
        var letters = await staff.RunAndWaitForDownloadAsync(() => staff.GetByRole(AriaRole.Link, new() { Name = "Brieven Centrum (PDF, 3 brieven)" }).ClickAsync());
        using (var pdf = PdfDocument.Open(await File.ReadAllBytesAsync(await letters.PathAsync())))
        {
            Assert.Equal(3, pdf.NumberOfPages);
            for (var i = 0; i < rows.Count; i++)
            {
                Assert.Contains(rows[i][0], pdf.GetPage(i + 1).Text, StringComparison.Ordinal);
            }
        }

        // The resident, on a phone, finds the code page from the home page.
        await resident.SetViewportSizeAsync(PhoneWidth, 640);
        await resident.GotoAsync("/");
        await AssertFitsThePhoneAsync(resident, "the home page");
        await resident.GetByRole(AriaRole.Link, new() { Name = "Stemcode invoeren" }).ClickAsync();
        var field = resident.GetByRole(AriaRole.Textbox, new() { Name = "Stemcode" });
        await Expect(field).ToBeEmptyAsync();
        await AssertFitsThePhoneAsync(resident, "the empty code page");
        await journey.VisitedAsync("code page, empty, on a phone");

        // Later they scan the letter's QR code: a new page load (from a blank tab), with the code after the '#'.
        await resident.GotoAsync("about:blank");
        await resident.GotoAsync(link);
        await Expect(field).ToHaveValueAsync(code);
        Assert.Equal(new Uri(journey.BaseAddress, "/stemmen/code").AbsoluteUri, resident.Url);
        Assert.Equal("", await resident.EvaluateAsync<string>("() => location.hash"));
        var next = resident.GetByRole(AriaRole.Button, new() { Name = "Verder" });
        await Expect(next).ToBeFocusedAsync();
        await AssertFitsThePhoneAsync(resident, "the code page filled from the link");
        await journey.VisitedAsync("code page, filled from the letter's link, on a phone");

        await next.ClickAsync();
        await Expect(resident).ToHaveURLAsync(new Regex("/stemmen/themas$"));
        await Expect(resident.GetByText("Uw stemcode is geaccepteerd.")).ToBeVisibleAsync();
        await Expect(resident.GetByText("U stemt met een stemcode.")).ToBeVisibleAsync();
        await AssertFitsThePhoneAsync(resident, "the round 1 ballot");
        await journey.VisitedAsync("round 1 ballot with a code, on a phone");

        // Only the keyboard: Tab to a theme, Space to tick it, Tab to the button, Enter.
        foreach (var theme in new[] { "Verkeersveiligheid", "Jongeren" })
        {
            var box = resident.GetByRole(AriaRole.Checkbox, new() { Name = theme, Exact = true });
            await TabToAsync(resident, box);
            await resident.Keyboard.PressAsync("Space");
            await Expect(box).ToBeCheckedAsync();
        }

        await TabToAsync(resident, resident.GetByRole(AriaRole.Button, new() { Name = "Stem opslaan" }));
        await resident.Keyboard.PressAsync("Enter");

        // Saved, and the code's session ended: the code page asks for a code again.
        await Expect(resident).ToHaveURLAsync(new Regex("/stemmen/code$"));
        await Expect(resident.GetByText("Uw stem is opgeslagen en telt mee.")).ToBeVisibleAsync();
        await Expect(resident.GetByText("U bent afgemeld; om uw stem te wijzigen typt u de code opnieuw.")).ToBeVisibleAsync();
        await Expect(resident.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(NoMailForCodes);
        await Expect(field).ToBeEmptyAsync();
        await Expect(resident.GetByRole(AriaRole.Button, new() { Name = "Stoppen" })).ToHaveCountAsync(0);
        await AssertFitsThePhoneAsync(resident, "the code page after saving");
        await journey.VisitedAsync("code page after saving, on a phone");
        Assert.Equal(["Jongeren", "Verkeersveiligheid"], await ChosenThemesAsync(app, code));

        // Staff erase the codes: the downloads are gone, from the page and at their address.
        await staff.GetByRole(AriaRole.Checkbox, new() { Name = "Ik heb de bestanden opgeslagen en wil de codes definitief wissen" }).CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Codes wissen" }).ClickAsync();
        await Expect(staff.GetByText("De codes zijn gewist; ze zijn niet meer te tonen.")).ToBeVisibleAsync();
        await Expect(staff.GetByRole(AriaRole.Link, new() { Name = "Bestand voor de drukker" })).ToHaveCountAsync(0);
        await Expect(staff.GetByRole(AriaRole.Link, new() { Name = "Brieven" })).ToHaveCountAsync(0);
        await journey.VisitedAsync(staff, "staff: the batch after erasing its codes");
        var gone = await staff.APIRequest.GetAsync(new Uri(journey.BaseAddress, printFileHref).AbsoluteUri);
        Assert.Equal(410, gone.Status);

        // The overview counts the vote in Centrum; the register letter is found by its address.
        await staff.GetByRole(AriaRole.Link, new() { Name = "Terug naar de stemcodes" }).ClickAsync();
        var centrum = staff.GetByRole(AriaRole.Row, new() { Name = "Centrum" });
        await Expect(centrum.GetByRole(AriaRole.Cell)).ToHaveTextAsync(["3", "0", "0", "1", "0", "0"]);
        await staff.GetByRole(AriaRole.Link, new() { Name = "Brief kwijt? Code zoeken, intrekken en vervangen" }).ClickAsync();
        await staff.GetByRole(AriaRole.Textbox, new() { Name = "Postcode" }).FillAsync("6214 ab");
        await staff.GetByRole(AriaRole.Textbox, new() { Name = "Huisnummer" }).FillAsync("7");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "1 codes gevonden" })).ToBeVisibleAsync();
        await Expect(staff.GetByRole(AriaRole.Region, new() { Name = "J. Peeters" })).ToContainTextAsync("buurt Malberg");
        await journey.VisitedAsync(staff, "staff: a code found by its address");
    });

    [Fact(Timeout = 180_000)]
    public Task Without_javascript_a_resident_types_the_code_votes_and_changes_the_vote_and_staff_replace_a_lost_letter() => browser.RunOnOwnAppAsync(async journey =>
    {
        var (resident, app) = (journey.Page, journey.App);
        var edition = await app.CreateStemcodeEditionAsync();
        await app.OpenAsync(1);
        var code = (await app.IssueCodesAsync())[0];
        var lost = (await app.IssueCodesAsync(kind: StemcodeBatchKind.Register, holders: [new CodeHolder("Centrum", "6211AB", "12", "A. Janssen")]))[0];

        // Typed the way people type a code from paper: lower case, spaces instead of dashes.
        await resident.GotoAsync("/stemmen/code");
        var field = resident.GetByRole(AriaRole.Textbox, new() { Name = "Stemcode" });
        await field.FillAsync(code.ToLowerInvariant().Replace('-', ' '));
        await journey.VisitedAsync("code page, typed, without JavaScript");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Verder" }).ClickAsync();
        await Expect(resident).ToHaveURLAsync(new Regex("/stemmen/themas$"));
        foreach (var theme in new[] { "Groen en spelen", "Ontmoeten" })
        {
            await resident.GetByRole(AriaRole.Checkbox, new() { Name = theme, Exact = true }).CheckAsync();
        }

        await journey.VisitedAsync("round 1 ballot with a code, without JavaScript");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Stem opslaan" }).ClickAsync();
        await Expect(resident).ToHaveURLAsync(new Regex("/stemmen/code$"));
        await Expect(resident.GetByText("Uw stem is opgeslagen en telt mee.")).ToBeVisibleAsync();
        await Expect(resident.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(NoMailForCodes);
        await journey.VisitedAsync("code page after saving, without JavaScript");
        Assert.Equal(["Groen en spelen", "Ontmoeten"], await ChosenThemesAsync(app, code));

        // Back with the code: the page says this code has voted in round 1, and the vote can be changed.
        await field.FillAsync(code);
        await resident.GetByRole(AriaRole.Button, new() { Name = "Verder" }).ClickAsync();
        await Expect(resident).ToHaveURLAsync(new Regex("/stemmen/themas$"));
        await resident.GetByRole(AriaRole.Link, new() { Name = "Uw stemcode en stoppen" }).ClickAsync();
        var roundOne = resident.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Thema's kiezen" });
        await Expect(roundOne).ToContainTextAsync("met deze code is gestemd.");
        await journey.VisitedAsync("code status, voted in round 1, without JavaScript");
        await roundOne.GetByRole(AriaRole.Link, new() { Name = "Stem wijzigen" }).ClickAsync();
        await Expect(resident.GetByRole(AriaRole.Checkbox, new() { Name = "Groen en spelen", Exact = true })).ToBeCheckedAsync();
        await resident.GetByRole(AriaRole.Checkbox, new() { Name = "Groen en spelen", Exact = true }).UncheckAsync();
        await resident.GetByRole(AriaRole.Checkbox, new() { Name = "Cultuur", Exact = true }).CheckAsync();
        await journey.VisitedAsync("round 1 ballot changed with a code, without JavaScript");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Stem wijzigen" }).ClickAsync();
        await Expect(resident).ToHaveURLAsync(new Regex("/stemmen/code$"));
        await Expect(resident.GetByText("Uw stem is gewijzigd; de nieuwe stem telt.")).ToBeVisibleAsync();
        await Expect(resident.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(NoMailForCodes);
        Assert.Equal(["Cultuur", "Ontmoeten"], await ChosenThemesAsync(app, code));

        // A code that is none of this edition's: the message is next to the field and tied to it.
        await field.FillAsync("ABCD-EFGH-JKMN");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Verder" }).ClickAsync();
        await ExpectFieldErrorAsync(field, "Deze stemcode kennen we niet.");
        await journey.VisitedAsync("code page, unknown code, without JavaScript");

        // Staff replace the lost letter's code; without the confirmation nothing happens.
        await app.CreateAsync(Staff, Roles.Staff);
        var staff = await journey.NewPageAsync("Staff");
        await SignInAsync(staff, Staff);
        await staff.GotoAsync($"/beheer/edities/{edition.Id}/stemcodes/zoeken");
        await staff.GetByRole(AriaRole.Textbox, new() { Name = "Postcode" }).FillAsync("6211 AB");
        await staff.GetByRole(AriaRole.Textbox, new() { Name = "Huisnummer" }).FillAsync("12");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        var found = staff.GetByRole(AriaRole.Region, new() { Name = "A. Janssen" });
        await Expect(found).ToContainTextAsync("geldig.");
        await journey.VisitedAsync(staff, "staff: a code found by its address, without JavaScript");
        var replace = found.GetByRole(AriaRole.Button, new() { Name = "Intrekken en nieuwe code maken" });
        await replace.ClickAsync();
        var confirm = found.GetByRole(AriaRole.Checkbox, new() { Name = "Ik weet zeker dat deze code moet worden ingetrokken" });
        await ExpectFieldErrorAsync(confirm, "Vink aan dat u zeker weet dat de code moet worden ingetrokken.");
        await journey.VisitedAsync(staff, "staff: revoking without the confirmation, without JavaScript");
        Assert.True((await app.CodeRowAsync(lost)).IsActive);

        await confirm.CheckAsync();
        await replace.ClickAsync();
        await Expect(staff).ToHaveURLAsync(new Regex($"/beheer/edities/{edition.Id}/stemcodes/reeks/\\d+$"));
        var batch = IdFrom(staff.Url, "/reeks/");
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = $"Reeks {batch}: vervangende code, 1 codes", Level = 1 })).ToBeVisibleAsync();
        await Expect(staff.GetByText("De oude code is ingetrokken en er is een nieuwe gemaakt.")).ToBeVisibleAsync();
        await Expect(staff.GetByRole(AriaRole.Link, new() { Name = "Brieven Centrum (PDF, 1 brieven)" })).ToBeVisibleAsync();
        await journey.VisitedAsync(staff, "staff: the replacement's batch, without JavaScript");
        Assert.False((await app.CodeRowAsync(lost)).IsActive);
        var replacement = await app.WithDbAsync(db => db.VotingCodes.AsNoTracking().SingleAsync(c => c.BatchId == batch));
        Assert.Equal(("6211AB", "12", "A. Janssen", true), (replacement.Postcode, replacement.HouseNumber, replacement.Name, replacement.IsActive));

        // The old letter's code no longer votes.
        await field.FillAsync(lost);
        await resident.GetByRole(AriaRole.Button, new() { Name = "Verder" }).ClickAsync();
        await ExpectFieldErrorAsync(field, "Deze stemcode is ingetrokken");
    }, javaScriptEnabled: false);

    [Fact(Timeout = 120_000)]
    public Task A_resident_with_an_account_types_the_code_once_and_later_votes_without_it() => browser.RunOnOwnAppAsync(async journey =>
    {
        const string resident = "sanne.lemmens@example.nl";
        var (page, app) = (journey.Page, journey.App);
        await app.CreateStemcodeEditionAsync();
        await app.OpenAsync(1);
        var code = (await app.IssueCodesAsync())[0];
        await app.CreateAsync(resident, Roles.Resident, configure: u => (u.Postcode, u.BirthYear) = ("6211AB", 1980));

        // Signed in without a linked code, the ballot asks for the code.
        await SignInAsync(page, resident);
        await page.GotoAsync("/stemmen/themas");
        await Expect(page.GetByText("In deze burgerbegroting stemt u met de stemcode uit de brief van de gemeente.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox)).ToHaveCountAsync(0);
        await journey.VisitedAsync("round 1 ballot, account without a code");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Stemcode invoeren" }).ClickAsync();
        await Expect(page.GetByText("De code wordt aan uw account gekoppeld.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Stemcode" }).FillAsync(code);
        await journey.VisitedAsync("code page, signed in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verder" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/stemmen/themas$"));
        await Expect(page.GetByText("Uw stemcode is gekoppeld aan uw account.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Stem opslaan" })).ToBeVisibleAsync();
        await journey.VisitedAsync("round 1 ballot, code linked");
        Assert.NotNull((await app.CodeRowAsync(code)).AccountId);

        // They leave without voting, and come back another day.
        await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Inloggen" }).First).ToBeVisibleAsync();
        await SignInAsync(page, resident);
        await page.GotoAsync("/stemmen/themas");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Schoon en heel", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Stem opslaan" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/stemmen/themas$"));
        // The linked code's receipt goes to the account, as the message says.
        await Expect(page.GetByText("Uw stem is opgeslagen en telt mee. U krijgt een bevestiging per e-mail.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Schoon en heel", Exact = true })).ToBeCheckedAsync();
        await journey.Smtp.WaitForMailAsync(resident, m => m.Subject == "Uw stem is ontvangen");
        await journey.VisitedAsync("round 1 ballot saved through the linked code");
        Assert.Equal(["Schoon en heel"], await ChosenThemesAsync(app, code));

        // The code page shows the linked code and its vote, and asks for no code.
        await page.GotoAsync("/stemmen/code");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Uw stemcode is gekoppeld aan uw account" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Thema's kiezen" })).ToContainTextAsync("met deze code is gestemd.");
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Stemcode" })).ToHaveCountAsync(0);
        await journey.VisitedAsync("code page, linked code that has voted");
    });

    /// <summary>A phone of 320 CSS pixels shows the page without scrolling sideways (WCAG 1.4.10, reflow).</summary>
    private static async Task AssertFitsThePhoneAsync(IPage page, string what)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= PhoneWidth, $"{what} scrolls sideways on a phone: {width} px wide at {PhoneWidth} px");
    }

    /// <summary>The field is marked invalid and its error message, containing <paramref name="message"/>, is tied to it by aria-describedby.</summary>
    private static async Task ExpectFieldErrorAsync(ILocator field, string message)
    {
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        var described = (await field.GetAttributeAsync("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var errors = new List<string>();
        foreach (var id in described)
        {
            var text = await field.Page.Locator($"[id='{id}']").TextContentAsync();
            errors.Add(text ?? "");
        }

        Assert.Contains(errors, text => text.Contains(message, StringComparison.Ordinal));
    }

    /// <summary>The names of the themes on the round 1 ballot cast with <paramref name="code"/>, in order.</summary>
    private static async Task<List<string>> ChosenThemesAsync(AppFactory app, string code)
    {
        var voter = (await app.CodeRowAsync(code)).VoterId;
        var themes = (await app.StoredBallotAsync(1, voter) ?? []).Select(line => line.ThemeId).ToList();
        return await app.WithDbAsync(db => db.Themes.Where(t => themes.Contains(t.Id)).OrderBy(t => t.Name).Select(t => t.Name).ToListAsync());
    }
}
