using Burgerbegroting.Browser.Tests.Infrastructure;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Burgerbegroting.Browser.Tests.Infrastructure.Steps;

namespace Burgerbegroting.Browser.Tests;

/// <summary>Round 4 in a real browser, with the keyboard only: ticking ideas per theme while each theme's budget bar follows.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SelectionJourneyTests(BrowserApp browser)
{
    private const string Resident = "noor.janssen@example.nl";

    [Fact(Timeout = 120_000)]
    public Task Round_four_ballot_can_be_completed_with_the_keyboard_only() => browser.RunOnOwnAppAsync(async journey =>
    {
        var (page, app) = (journey.Page, journey.App);
        await app.CreateEditionAsync();
        var voter = await app.CreateAsync(Resident, Roles.Resident);
        // Groen en spelen has a budget of € 500.000, Verkeersveiligheid € 300.000.
        var ideas = await app.OpenRoundFourAsync(Resident, ("Speeltuin", 0, 300_000), ("Bankjes", 0, 150_000), ("Zebrapad", 1, 120_000));
        await SignInAsync(page, Resident);
        await page.GotoAsync("/selectie");
        var groen = page.GetByRole(AriaRole.Group, new() { Name = "Groen en spelen (budget € 500.000)" });
        var verkeer = page.GetByRole(AriaRole.Group, new() { Name = "Verkeersveiligheid (budget € 300.000)" });
        await Expect(groen.GetByRole(AriaRole.Status)).ToHaveTextAsync("U hebt € 0 gekozen van € 500.000; nog € 500.000 over.");
        await journey.VisitedAsync("round 4 ballot, before the keyboard");

        // The status region must stay in the page while its text changes: screen readers announce changes inside a
        // live region, not a region that is replaced by a new one.
        var groenBar = await groen.GetByRole(AriaRole.Status).ElementHandleAsync();

        // From here on only the keyboard: Tab to a checkbox, Space to tick it.
        var speeltuin = groen.GetByRole(AriaRole.Checkbox, new() { Name = "Speeltuin — € 300.000" });
        await TabToAsync(page, speeltuin);
        await page.Keyboard.PressAsync("Space");
        await Expect(speeltuin).ToBeCheckedAsync();
        await Expect(groen.GetByRole(AriaRole.Status)).ToHaveTextAsync("U hebt € 300.000 gekozen van € 500.000; nog € 200.000 over.");
        await Expect(speeltuin).ToBeFocusedAsync();
        Assert.True(await groenBar.EvaluateAsync<bool>("e => e.isConnected"), "the budget bar's status region was replaced instead of updated, so the change may not be announced");

        var bankjes = groen.GetByRole(AriaRole.Checkbox, new() { Name = "Bankjes — € 150.000" });
        // Back with Shift+Tab: past the link about the idea before it, to its checkbox.
        await page.Keyboard.PressAsync("Shift+Tab");
        await Expect(groen.GetByRole(AriaRole.Link, new() { Name = "Meer over Bankjes" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await Expect(bankjes).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(groen.GetByRole(AriaRole.Status)).ToHaveTextAsync("U hebt € 450.000 gekozen van € 500.000; nog € 50.000 over.");

        var zebrapad = verkeer.GetByRole(AriaRole.Checkbox, new() { Name = "Zebrapad — € 120.000" });
        await TabToAsync(page, zebrapad);
        await page.Keyboard.PressAsync("Space");
        await Expect(verkeer.GetByRole(AriaRole.Status)).ToHaveTextAsync("U hebt € 120.000 gekozen van € 300.000; nog € 180.000 over.");
        await journey.VisitedAsync("round 4 ballot, ticked with the keyboard");

        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Stem opslaan" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByText("Uw stem is opgeslagen en telt mee.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Stem wijzigen" })).ToBeVisibleAsync();
        await journey.VisitedAsync("round 4 ballot, saved with the keyboard");

        var saved = await app.StoredBallotAsync(4, voter.Id);
        Assert.Equal(new[] { ideas["Speeltuin"], ideas["Bankjes"], ideas["Zebrapad"] }.Order(), saved!.Select(line => line.IdeaId!.Value).Order());
    });
}
