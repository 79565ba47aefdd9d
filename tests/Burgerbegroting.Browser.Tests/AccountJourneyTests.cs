using System.Text.RegularExpressions;
using Burgerbegroting.Browser.Tests.Infrastructure;

namespace Burgerbegroting.Browser.Tests;

/// <summary>A resident's first visit in a real browser, with axe-core checking every page on the way.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountJourneyTests(BrowserApp browser)
{
    private const string Email = "lotte.peeters@example.nl";
    private const string Password = "zonnig-vrijthof-2027";

    [Fact]
    public Task Register_confirm_sign_in_and_switch_to_English() => browser.RunAsync(async journey =>
    {
        var page = journey.Page;
        await page.GotoAsync("/account/registreren");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Account aanmaken", Level = 1 })).ToBeVisibleAsync();
        await journey.VisitedAsync("the register page");

        var submit = page.GetByRole(AriaRole.Button, new() { Name = "Account aanmaken" });
        await submit.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Controleer de volgende punten" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("E-mailadres", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await journey.VisitedAsync("the register page with validation errors");

        await page.GetByLabel("Inwoner van Maastricht").CheckAsync();
        await page.GetByLabel("Naam", new() { Exact = true }).FillAsync("Lotte Peeters");
        await page.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(Email);
        await page.GetByLabel("Postcode", new() { Exact = true }).FillAsync("6211 LE");
        await page.GetByLabel("Geboortejaar", new() { Exact = true }).FillAsync("1988");
        await page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Herhaal het wachtwoord", new() { Exact = true }).FillAsync(Password);
        await submit.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/account/registreren/controleer-je-email$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bevestig uw e-mailadres", Level = 1 })).ToBeVisibleAsync();
        await journey.VisitedAsync("the check-your-email page");

        var mail = await browser.Smtp.WaitForMailAsync(Email, timeoutSeconds: 15);
        var link = Assert.Single(mail.Links(), l => l.Contains("/account/bevestigen", StringComparison.Ordinal));
        Assert.StartsWith(browser.BaseAddress.GetLeftPart(UriPartial.Authority), link, StringComparison.Ordinal);
        await page.GotoAsync(link);
        await Expect(page.GetByText("Uw e-mailadres is bevestigd")).ToBeVisibleAsync();
        await journey.VisitedAsync("the confirmation page");

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Inloggen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inloggen", Level = 1 })).ToBeVisibleAsync();
        await journey.VisitedAsync("the sign-in page");
        await page.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(Email);
        await page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();

        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" });
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Mijn account" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(browser.BaseAddress.ToString());
        await journey.VisitedAsync("the home page, signed in");

        await navigation.GetByRole(AriaRole.Link, new() { Name = "Mijn account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mijn account", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText($"U bent ingelogd als {Email}.")).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        await journey.VisitedAsync("the profile page in Dutch");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page).ToHaveURLAsync(new Regex("/account/profiel$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My account", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText($"You are signed in as {Email}.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "English" })).ToHaveAttributeAsync("aria-pressed", "true");
        await journey.VisitedAsync("the profile page in English");

        await page.GetByRole(AriaRole.Link, new() { Name = "Home", Exact = true }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Maastricht citizens' budget", Level = 1 })).ToBeVisibleAsync();
        await journey.VisitedAsync("the home page in English");
    });

    [Fact]
    public Task Skip_link_and_language_switch_work_with_the_keyboard_only() => browser.RunAsync(async journey =>
    {
        var page = journey.Page;
        await page.GotoAsync("/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        await journey.VisitedAsync("the home page");

        await page.Keyboard.PressAsync("Tab");
        var skipLink = page.GetByRole(AriaRole.Link, new() { Name = "Naar de inhoud" });
        await Expect(skipLink).ToBeFocusedAsync();
        var box = await skipLink.BoundingBoxAsync();
        Assert.True(box is { Width: > 10, Height: > 10 }, $"the focused skip link should be visible, its box is {box?.Width}x{box?.Height}");

        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("#inhoud$"));
        await Expect(page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();

        // From the top of the page, Tab through the header to the language switch.
        await page.GotoAsync("/");
        var english = page.GetByRole(AriaRole.Button, new() { Name = "English" });
        var stops = new List<string>();
        for (var i = 0; i < 20 && !await IsFocusedAsync(english); i++)
        {
            await page.Keyboard.PressAsync("Tab");
            stops.Add(await page.EvaluateAsync<string>("() => (document.activeElement?.textContent ?? '').trim()"));
        }

        Assert.True(await IsFocusedAsync(english), "Tab never reached the English button; tab stops: " + string.Join(" | ", stops));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" })).ToBeAttachedAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Maastricht citizens' budget", Level = 1 })).ToBeVisibleAsync();
    });

    private static Task<bool> IsFocusedAsync(ILocator locator) =>
        locator.EvaluateAsync<bool>("element => element === document.activeElement");
}
