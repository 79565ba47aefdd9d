using System.Text.RegularExpressions;
using Burgerbegroting.Browser.Tests.Infrastructure;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Burgerbegroting.Browser.Tests.Infrastructure.Steps;

namespace Burgerbegroting.Browser.Tests;

/// <summary>
/// The privacy and accessibility statements, "Mijn gegevens" and deleting an account, on a phone of 320 CSS pixels and
/// by keyboard: reached from the footer, axe-clean, without sideways scrolling (docs/privacy.md).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PrivacyJourneyTests(BrowserApp browser)
{
    private const int PhoneWidth = 320;

    [Fact(Timeout = 180_000)]
    public Task A_resident_reads_the_statements_sees_their_data_and_deletes_their_account_by_keyboard_on_a_phone() => browser.RunOnOwnAppAsync(async journey =>
    {
        var (page, app) = (journey.Page, journey.App);
        await app.CreateAsync("sanne@example.nl", Roles.Resident, configure: u => u.DisplayName = "Sanne Smeets");
        await app.CreateAsync("medewerker@maastricht.nl", Roles.Staff);
        await page.SetViewportSizeAsync(PhoneWidth, 800);

        await page.GotoAsync("/");
        var footer = page.Locator("footer");
        await TabToAsync(page, footer.GetByRole(AriaRole.Link, new() { Name = "Privacy" }), maxStops: 60);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Privacyverklaring", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "privacy@maastricht.example" })).ToBeVisibleAsync();
        await Expect(page.GetByText("bb.auth")).ToBeVisibleAsync();
        await CheckedAsync(journey, page, "the privacy statement");

        await page.GotoAsync("/");
        await TabToAsync(page, footer.GetByRole(AriaRole.Link, new() { Name = "Toegankelijkheid" }), maxStops: 60);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Toegankelijkheidsverklaring", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nalevingsstatus" })).ToBeVisibleAsync();
        await CheckedAsync(journey, page, "the accessibility statement");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accessibility statement", Level = 1 })).ToBeVisibleAsync();
        await CheckedAsync(journey, page, "the accessibility statement in English");
        await page.GotoAsync("/privacy");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Privacy statement", Level = 1 })).ToBeVisibleAsync();
        await CheckedAsync(journey, page, "the privacy statement in English");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nederlands" }).ClickAsync();

        await SignInAsync(page, "sanne@example.nl");
        await page.GotoAsync("/account/profiel");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mijn gegevens" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mijn gegevens", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main).GetByText("Sanne Smeets")).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download als bestand (JSON)" }).ClickAsync());
        Assert.Equal("mijn-gegevens.json", download.SuggestedFilename);
        await CheckedAsync(journey, page, "my data");

        await page.GetByRole(AriaRole.Link, new() { Name = "Wat er gebeurt als u uw account verwijdert" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Account verwijderen", Level = 1 })).ToBeVisibleAsync();
        await CheckedAsync(journey, page, "the delete-account page");
        var password = page.GetByLabel("Wachtwoord", new() { Exact = true });
        await TabToAsync(page, password, maxStops: 60);
        await page.Keyboard.TypeAsync(TestAccounts.Password);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Controleer de volgende punten" })).ToBeVisibleAsync();
        await CheckedAsync(journey, page, "the delete-account page without the tick");

        await TabToAsync(page, password, maxStops: 60);
        await page.Keyboard.TypeAsync(TestAccounts.Password);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Account definitief verwijderen" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByText("Uw account is verwijderd.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Inloggen" }).First).ToBeVisibleAsync();
        await CheckedAsync(journey, page, "the home page after deleting");
        Assert.True(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == null && u.DisplayName == "")));

        var staff = await journey.NewPageAsync("Staff");
        await staff.SetViewportSizeAsync(PhoneWidth, 800);
        await SignInAsync(staff, "medewerker@maastricht.nl");
        await staff.GotoAsync("/beheer");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Bewaartermijnen" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Bewaartermijnen", Level = 1 })).ToBeVisibleAsync();
        await Expect(staff).ToHaveURLAsync(new Regex("/beheer/privacy$"));
        await CheckedAsync(journey, staff, "the retention overview");
    });

    /// <summary>axe and the Nu checker (through the journey), and no sideways scrolling at 320 px (WCAG 1.4.10).</summary>
    private static async Task CheckedAsync(Journey journey, IPage page, string what)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= PhoneWidth, $"{what} scrolls sideways on a phone: {width} px wide at {PhoneWidth} px");
        await journey.VisitedAsync(page, what);
    }
}
