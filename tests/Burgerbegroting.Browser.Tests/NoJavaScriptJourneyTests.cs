using System.Text.RegularExpressions;
using Burgerbegroting.Browser.Tests.Infrastructure;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Burgerbegroting.Browser.Tests.Infrastructure.Steps;

namespace Burgerbegroting.Browser.Tests;

/// <summary>
/// The no-JavaScript gate: with scripts off in every browser of the journey, a resident registers, votes in every
/// round and submits an idea, and staff open, close and publish each round. Plain forms and post/redirect/get only; the
/// live parts have buttons ("Bedragen berekenen", "Voorbeeld bekijken") that do the same with a full page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NoJavaScriptJourneyTests(BrowserApp browser)
{
    private const string Email = "fleur.dassen@example.nl";
    private const string Password = "de-maas-bij-avond";

    [Fact(Timeout = 240_000)]
    public Task A_resident_and_staff_go_through_every_round_without_javascript() => browser.RunOnOwnAppAsync(async journey =>
    {
        var (resident, app) = (journey.Page, journey.App);
        await app.CreateEditionAsync(themes: 6, budget: 1_000_000, k: 3, n: 3);
        var editionId = await app.WithDbAsync(db => db.Editions.Select(e => e.Id).SingleAsync());
        await app.CreateAsync("medewerker@maastricht.nl", Roles.Staff);
        var staff = await journey.NewPageAsync("Staff");
        await SignInAsync(staff, "medewerker@maastricht.nl");
        var rounds = new StaffRounds(journey, staff, editionId);
        await rounds.OpenAsync(1);

        // Registering and confirming by the link in the mail.
        await resident.GotoAsync("/account/registreren");
        await resident.GetByLabel("Naam", new() { Exact = true }).FillAsync("Fleur Dassen");
        await resident.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(Email);
        await resident.GetByLabel("Postcode", new() { Exact = true }).FillAsync("6212 BX");
        await resident.GetByLabel("Geboortejaar", new() { Exact = true }).FillAsync("1995");
        await resident.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(Password);
        await resident.GetByLabel("Herhaal het wachtwoord", new() { Exact = true }).FillAsync(Password);
        await journey.VisitedAsync("register without JavaScript");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Account aanmaken" }).ClickAsync();
        await Expect(resident.GetByRole(AriaRole.Heading, new() { Name = "Bevestig uw e-mailadres", Level = 1 })).ToBeVisibleAsync();
        await journey.VisitedAsync("check your email without JavaScript");
        var mail = await journey.Smtp.WaitForMailAsync(Email, m => m.Subject == "Bevestig uw e-mailadres voor de burgerbegroting");
        await resident.GotoAsync(Link(mail, "/account/bevestigen", journey.BaseAddress));
        await Expect(resident.GetByText("Uw e-mailadres is bevestigd.")).ToBeVisibleAsync();
        await journey.VisitedAsync("email confirmed without JavaScript");
        await SignInAsync(resident, Email, Password);

        // Round 1.
        await resident.GotoAsync("/");
        await resident.GetByRole(AriaRole.Link, new() { Name = "Kies thema's" }).ClickAsync();
        foreach (var theme in new[] { "Groen en spelen", "Verkeersveiligheid", "Ontmoeten" })
        {
            await resident.GetByRole(AriaRole.Checkbox, new() { Name = theme, Exact = true }).CheckAsync();
        }

        await journey.VisitedAsync("round 1 ballot without JavaScript");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Stem opslaan" }).ClickAsync();
        await Expect(resident.GetByText("Uw stem is opgeslagen en telt mee.")).ToBeVisibleAsync();
        await Expect(resident.GetByRole(AriaRole.Checkbox, new() { Checked = true })).ToHaveCountAsync(3);
        await journey.VisitedAsync("round 1 ballot saved without JavaScript");

        await rounds.CloseAndPublishAsync(1);
        await rounds.OpenAsync(2);

        // Round 2: nothing moves while typing; "Bedragen berekenen" shows the amounts on a new page, "Stem opslaan" saves.
        await resident.GotoAsync("/stemmen/verdeling");
        var remaining = resident.GetByRole(AriaRole.Status).Filter(new() { HasText = "verdeeld." });
        await resident.GetByRole(AriaRole.Textbox, new() { Name = "Groen en spelen" }).FillAsync("50");
        await resident.GetByRole(AriaRole.Textbox, new() { Name = "Verkeersveiligheid" }).FillAsync("30");
        await resident.GetByRole(AriaRole.Textbox, new() { Name = "Ontmoeten" }).FillAsync("10");
        await Expect(remaining).ToContainTextAsync("Nog te verdelen: 100% (€ 1.000.000)");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Bedragen berekenen" }).ClickAsync();
        await Expect(remaining).ToContainTextAsync("Nog te verdelen: 10% (€ 100.000)");
        await Expect(resident.GetByRole(AriaRole.Textbox, new() { Name = "Verkeersveiligheid" })).ToHaveValueAsync("30");
        await journey.VisitedAsync("round 2 amounts calculated without JavaScript");
        await resident.GetByRole(AriaRole.Textbox, new() { Name = "Ontmoeten" }).FillAsync("20");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Stem opslaan" }).ClickAsync();
        await Expect(resident).ToHaveURLAsync(new Regex("/stemmen/verdeling$"));
        await Expect(resident.GetByText("Uw stem is opgeslagen en telt mee.")).ToBeVisibleAsync();
        await Expect(remaining).ToContainTextAsync("Nog te verdelen: 0% (€ 0)");
        await journey.VisitedAsync("round 2 ballot saved without JavaScript");

        await rounds.CloseAndPublishAsync(2);
        await rounds.OpenAsync(3);

        // Round 3: "Voorbeeld bekijken" renders the description on a new page with everything kept; then submit.
        await resident.GotoAsync("/ideeen/nieuw");
        await resident.GetByLabel("Titel", new() { Exact = true }).FillAsync("Bankjes op het Vrijthof");
        await resident.GetByLabel("Samenvatting").FillAsync("Meer plekken om even te zitten.");
        await resident.GetByLabel("Beschrijving", new() { Exact = true }).FillAsync("Vier **houten** bankjes in de schaduw.");
        await resident.GetByLabel("Thema", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Groen en spelen (max. € 500.000)" });
        await resident.GetByLabel("Buurt", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Centrum" });
        await resident.GetByLabel("Geschatte kosten").FillAsync("€ 40.000");
        var preview = resident.GetByRole(AriaRole.Region, new() { Name = "Voorbeeld van de beschrijving" });
        await Expect(preview.GetByRole(AriaRole.Strong)).ToHaveCountAsync(0);
        await resident.GetByRole(AriaRole.Button, new() { Name = "Voorbeeld bekijken" }).ClickAsync();
        await Expect(preview.GetByRole(AriaRole.Strong)).ToHaveTextAsync("houten");
        await Expect(resident.GetByLabel("Titel", new() { Exact = true })).ToHaveValueAsync("Bankjes op het Vrijthof");
        await Expect(resident.GetByLabel("Geschatte kosten")).ToHaveValueAsync("€ 40.000");
        await journey.VisitedAsync("new idea with its preview, without JavaScript");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Idee indienen" }).ClickAsync();
        await Expect(resident.GetByText("Uw idee is ingediend.")).ToBeVisibleAsync();
        await Expect(resident.GetByRole(AriaRole.Heading, new() { Name = "Bankjes op het Vrijthof", Level = 1 })).ToBeVisibleAsync();
        var ideaId = IdFrom(resident.Url, "/ideeen/");
        await journey.VisitedAsync("idea submitted without JavaScript");

        // Staff admit it without JavaScript; another resident's idea is already admitted.
        await staff.GotoAsync($"/beheer/ideeen/{ideaId}");
        await staff.GetByRole(AriaRole.Region, new() { Name = "Toelaten tot ronde 4" }).GetByRole(AriaRole.Button, new() { Name = "Toelaten" }).ClickAsync();
        await Expect(staff.GetByText("Het idee is toegelaten; de indiener krijgt een e-mail.")).ToBeVisibleAsync();
        await journey.VisitedAsync(staff, "staff: idea admitted without JavaScript");
        await app.AdmittedIdeasAsync("buurman@example.nl", ("Speeltuin in het Stadspark", "Groen en spelen", 300_000));
        await rounds.CloseAndPublishAsync(3);
        await rounds.OpenAsync(4);

        // Round 4: "Bedragen berekenen" shows each theme's budget bar; "Stem opslaan" saves.
        await resident.GotoAsync("/selectie");
        var groen = resident.GetByRole(AriaRole.Group, new() { Name = "Groen en spelen (budget € 500.000)" });
        await groen.GetByRole(AriaRole.Checkbox, new() { Name = "Bankjes op het Vrijthof" }).CheckAsync();
        await groen.GetByRole(AriaRole.Checkbox, new() { Name = "Speeltuin in het Stadspark" }).CheckAsync();
        await Expect(groen.GetByRole(AriaRole.Status)).ToHaveTextAsync("U hebt € 0 gekozen van € 500.000; nog € 500.000 over.");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Bedragen berekenen" }).ClickAsync();
        await Expect(groen.GetByRole(AriaRole.Status)).ToHaveTextAsync("U hebt € 340.000 gekozen van € 500.000; nog € 160.000 over.");
        await Expect(groen.GetByRole(AriaRole.Checkbox, new() { Checked = true })).ToHaveCountAsync(2);
        await journey.VisitedAsync("round 4 amounts calculated without JavaScript");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Stem opslaan" }).ClickAsync();
        await Expect(resident).ToHaveURLAsync(new Regex("/selectie$"));
        await Expect(resident.GetByText("Uw stem is opgeslagen en telt mee.")).ToBeVisibleAsync();
        await journey.VisitedAsync("round 4 ballot saved without JavaScript");

        await rounds.CloseAndPublishAsync(4);
        await resident.GotoAsync("/uitslag/4");
        var ideas = resident.GetByRole(AriaRole.Table, new() { Name = "Ideeën bij Groen en spelen" });
        await Expect(ideas.GetByRole(AriaRole.Row).Filter(new() { HasText = "Bankjes op het Vrijthof" })).ToContainTextAsync("Gekozen met 1 stem.");
        await journey.VisitedAsync("results round 4 without JavaScript");
    }, javaScriptEnabled: false);

    /// <summary>Staff on the rounds page, following its links and confirming each step.</summary>
    private sealed class StaffRounds(Journey journey, IPage staff, int editionId)
    {
        private bool _visited;

        public async Task OpenAsync(int round)
        {
            await staff.GotoAsync($"/beheer/edities/{editionId}/rondes");
            await RoundStepAsync(staff, $"Ronde {round} openen");
            await Expect(staff.GetByText("De ronde is geopend.")).ToBeVisibleAsync();
            await VisitOnceAsync();
        }

        public async Task CloseAndPublishAsync(int round)
        {
            await staff.GotoAsync($"/beheer/edities/{editionId}/rondes");
            await RoundStepAsync(staff, $"Ronde {round} sluiten");
            await Expect(staff.GetByText("De ronde is gesloten")).ToBeVisibleAsync();
            await RoundStepAsync(staff, $"Uitslag ronde {round} publiceren");
            await Expect(staff.GetByText("De uitslag is gepubliceerd.")).ToBeVisibleAsync();
            await Expect(staff.GetByRole(AriaRole.Region, new() { Name = $"Ronde {round}:" })).ToContainTextAsync("Uitslag bekend");
        }

        private async Task VisitOnceAsync()
        {
            if (!_visited)
            {
                _visited = true;
                await journey.VisitedAsync(staff, "staff: rounds without JavaScript");
            }
        }
    }
}
