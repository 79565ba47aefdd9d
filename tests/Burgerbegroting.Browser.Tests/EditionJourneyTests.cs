using Burgerbegroting.Browser.Tests.Infrastructure;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;
using static Burgerbegroting.Browser.Tests.Infrastructure.Steps;

namespace Burgerbegroting.Browser.Tests;

/// <summary>
/// One edition of the Maastricht citizens' budget from an empty database to published winners, in Dutch, everything
/// through the browser and the mail that really arrives: staff, three residents and a buurtnetwerk, each in a browser
/// of their own. On the way it checks two stories in particular: a buurtnetwerk submits an idea with the live
/// preview, staff admit it and the submitter's mail arrives (<see cref="WholeEdition.NetworkSubmitsIdeasWithTheLivePreviewAsync"/>
/// and <see cref="WholeEdition.StaffReviewTheIdeasAsync"/>); a resident votes in two themes watching the budget
/// bar, staff publish, the resident reads why an idea lost: <see cref="WholeEdition.ResidentsChooseIdeasWatchingTheBudgetBarAsync"/>
/// and <see cref="WholeEdition.AnnaReadsWhyHerIdeaLostAsync"/>).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EditionJourneyTests(BrowserApp browser)
{
    [Fact(Timeout = 300_000)]
    public Task A_whole_edition_from_nothing_to_published_winners() => browser.RunOnOwnAppAsync(async journey =>
    {
        var edition = await WholeEdition.StartAsync(journey);

        // Before round 1: the edition, its area and six candidate themes.
        await edition.StaffCreateTheEditionAsync();
        await edition.StaffEnterTheBuurtenAsync();
        await edition.StaffAddSixThemesAndOpenRoundOneAsync();

        // Round 1: three residents register, confirm by mail and choose themes; two tie for the last place.
        await edition.ResidentsRegisterAndConfirmByMailAsync();
        await edition.ResidentsChooseThemesWithATieAtTheCutOffAsync();
        await edition.StaffCloseRoundOneResolveTheTieAndPublishAsync();

        // Round 2: the residents divide the budget; the published budgets add up to the total.
        await edition.ResidentsSplitTheBudgetAsync();
        await edition.StaffCloseAndPublishRoundTwoAsync();

        // Round 3: a buurtnetwerk joins and submits ideas, residents too; staff admit and refuse, the mails arrive.
        await edition.NetworkRegistersAndIsApprovedAsync();
        await edition.NetworkSubmitsIdeasWithTheLivePreviewAsync();
        await edition.ResidentsSubmitIdeasAsync();
        await edition.StaffReviewTheIdeasAsync();
        await edition.StaffCloseAndPublishRoundThreeAsync();

        // Round 4: residents choose ideas within each theme's budget; staff publish; why each idea won or lost.
        await edition.ResidentsChooseIdeasWatchingTheBudgetBarAsync();
        await edition.StaffCloseAndPublishRoundFourAsync();
        await edition.AnnaReadsWhyHerIdeaLostAsync();
        await edition.AnnaDownloadsTheOpenDataAsync();

        // The report for the council: the whole edition on one page and in a PDF.
        await edition.AnnaReadsTheEditionReportAsync();

        // Next year: a copy prepared as a draft, made current; this edition stays in the archive.
        await edition.NextYearsEditionIsPreparedAndThisOneGoesToTheArchiveAsync();
    });

    /// <summary>
    /// The same edition for someone who reads English: a resident switches language, registers, confirms by the English
    /// mail, votes in rounds 1, 2 and 4 and reads every result in English. Staff's steps and the neighbours' ballots are
    /// seeded: they are the Dutch journey's subject.
    /// </summary>
    [Fact(Timeout = 180_000)]
    public Task A_resident_takes_part_in_English_from_registering_to_the_results() => browser.RunOnOwnAppAsync(async journey =>
    {
        var (page, app) = (journey.Page, journey.App);
        const string email = "james.wilson@example.nl";
        const string password = "a-walk-along-the-maas";
        await app.CreateEditionAsync(themes: 6, budget: 1_000_000, k: 3, n: 3);
        await app.OpenAsync(1);
        await app.CastAsync("buurvrouw@example.nl", 1, new() { ["Groen en spelen"] = 1, ["Ontmoeten"] = 1 });

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByText("Round 1 is open: choose the themes you find most important.")).ToBeVisibleAsync();
        await journey.VisitedAsync("home in English: round 1 open");

        // Registering in English: the confirmation mail comes in English too.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" }).GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Create an account", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Resident of Maastricht" })).ToBeCheckedAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("James Wilson");
        await page.GetByLabel("Email address", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Postcode", new() { Exact = true }).FillAsync("6212 CD");
        await page.GetByLabel("Year of birth", new() { Exact = true }).FillAsync("1990");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Repeat the password", new() { Exact = true }).FillAsync(password);
        await journey.VisitedAsync("register in English");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Confirm your email address", Level = 1 })).ToBeVisibleAsync();
        await journey.VisitedAsync("check your email, in English");

        var confirm = await journey.Smtp.WaitForMailAsync(email, m => m.Subject == "Confirm your email address for the citizens' budget");
        Assert.StartsWith("Dear James Wilson,", confirm.Text, StringComparison.Ordinal);
        await page.GotoAsync(Link(confirm, "/account/bevestigen", journey.BaseAddress));
        await Expect(page.GetByText("Thank you. Your email address has been confirmed.")).ToBeVisibleAsync();
        await journey.VisitedAsync("email confirmed, in English");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Email address", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await journey.VisitedAsync("sign in, in English");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();

        // Round 1.
        await page.GetByRole(AriaRole.Link, new() { Name = "Choose themes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choosing themes", Level = 1 })).ToBeVisibleAsync();
        var themes = page.GetByRole(AriaRole.Group, new() { Name = "Which themes do you find most important? (at most 3)" });
        await journey.VisitedAsync("round 1 ballot in English");
        foreach (var theme in new[] { "Groen en spelen", "Verkeersveiligheid", "Ontmoeten" })
        {
            await themes.GetByRole(AriaRole.Checkbox, new() { Name = theme, Exact = true }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save my vote" }).ClickAsync();
        await Expect(page.GetByText("Your vote has been saved and counts. You will get a confirmation by email.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Change my vote" })).ToBeVisibleAsync();
        await journey.VisitedAsync("round 1 ballot saved, in English");
        var receipt = await journey.Smtp.WaitForMailAsync(email, m => m.Subject == "Your vote has been received");
        Assert.Contains("Choosing themes", receipt.Text, StringComparison.Ordinal);

        await app.CloseAndPublishAsync(1);
        await app.OpenAsync(2);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "See the results of Choosing themes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Results: Choosing themes", Level = 1 })).ToBeVisibleAsync();
        var round1 = page.GetByRole(AriaRole.Table, new() { Name = "Results of Choosing themes" });
        await Expect(Row(round1, "Groen en spelen")).ToContainTextAsync("Chosen");
        await Expect(Row(round1, "Verkeersveiligheid")).ToContainTextAsync("Chosen");
        await Expect(Row(round1, "Cultuur")).ToContainTextAsync("Not chosen");
        await journey.VisitedAsync("results round 1 in English");

        // Round 2: the remaining amount in English, with English number formatting.
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Divide the money" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dividing the money", Level = 1 })).ToBeVisibleAsync();
        var remaining = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "You have divided" });
        await Expect(remaining).ToContainTextAsync("Still to divide: 100% (€1,000,000)");
        await journey.VisitedAsync("round 2 ballot in English");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Groen en spelen" }).PressSequentiallyAsync("50");
        await Expect(remaining).ToContainTextAsync("Still to divide: 50% (€500,000)");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Verkeersveiligheid" }).PressSequentiallyAsync("30");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Ontmoeten" }).PressSequentiallyAsync("20");
        await Expect(remaining).ToContainTextAsync("Still to divide: 0% (€0)");
        await Expect(remaining).ToContainTextAsync("You have divided 100%.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my vote" }).ClickAsync();
        await Expect(page.GetByText("Your vote has been saved and counts.")).ToBeVisibleAsync();
        await journey.VisitedAsync("round 2 ballot saved, in English");

        await app.CastAsync("buurvrouw@example.nl", 2, new() { ["Groen en spelen"] = 50, ["Verkeersveiligheid"] = 30, ["Ontmoeten"] = 20 });
        await app.CloseAndPublishAsync(2);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "See the results of Dividing the money" }).ClickAsync();
        var round2 = page.GetByRole(AriaRole.Table, new() { Name = "Results of Dividing the money" });
        await Expect(Row(round2, "Groen en spelen")).ToContainTextAsync("€500,000");
        await Expect(Row(round2, "Verkeersveiligheid")).ToContainTextAsync("€300,000");
        await Expect(Row(round2, "Ontmoeten")).ToContainTextAsync("€200,000");
        await Expect(Row(round2, "Total")).ToContainTextAsync("€1,000,000");
        await journey.VisitedAsync("results round 2 in English");

        // Rounds 3 and 4: ideas from another resident, admitted; two neighbours prefer the playground.
        await app.OpenAsync(3);
        await app.AdmittedIdeasAsync("buurvrouw@example.nl",
            ("Speeltuin", "Groen en spelen", 300_000), ("Bankjes", "Groen en spelen", 250_000), ("Moestuin", "Groen en spelen", 40_000), ("Zebrapad", "Verkeersveiligheid", 120_000));
        await app.CloseAndPublishAsync(3);
        await app.OpenAsync(4);
        await app.CastIdeasAsync("buurvrouw@example.nl", "Speeltuin");
        await app.CastIdeasAsync("buurman@example.nl", "Speeltuin");

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Choose ideas" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Selection", Level = 1 })).ToBeVisibleAsync();
        var groen = page.GetByRole(AriaRole.Group, new() { Name = "Groen en spelen (budget €500,000)" });
        var verkeer = page.GetByRole(AriaRole.Group, new() { Name = "Verkeersveiligheid (budget €300,000)" });
        await Expect(groen.GetByRole(AriaRole.Status)).ToHaveTextAsync("You have chosen €0 of €500,000; €500,000 left.");
        await journey.VisitedAsync("round 4 ballot in English");
        await groen.GetByRole(AriaRole.Checkbox, new() { Name = "Bankjes — €250,000" }).CheckAsync();
        await groen.GetByRole(AriaRole.Checkbox, new() { Name = "Moestuin — €40,000" }).CheckAsync();
        await Expect(groen.GetByRole(AriaRole.Status)).ToHaveTextAsync("You have chosen €290,000 of €500,000; €210,000 left.");
        await groen.GetByRole(AriaRole.Checkbox, new() { Name = "Speeltuin — €300,000" }).CheckAsync();
        await Expect(groen.GetByRole(AriaRole.Status)).ToHaveTextAsync("You have chosen €590,000 of €500,000: €90,000 too much.");
        await groen.GetByRole(AriaRole.Checkbox, new() { Name = "Speeltuin — €300,000" }).UncheckAsync();
        await verkeer.GetByRole(AriaRole.Checkbox, new() { Name = "Zebrapad — €120,000" }).CheckAsync();
        await Expect(verkeer.GetByRole(AriaRole.Status)).ToHaveTextAsync("You have chosen €120,000 of €300,000; €180,000 left.");
        await journey.VisitedAsync("round 4 ballot in English, ticked in two themes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my vote" }).ClickAsync();
        await Expect(page.GetByText("Your vote has been saved and counts.")).ToBeVisibleAsync();

        // The playground wins with 2 votes; of the two ideas with 1 vote the cheaper goes first, then the bench no longer fits.
        await app.CloseAndPublishAsync(4);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "See the results of Selection" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Results: Selection", Level = 1 })).ToBeVisibleAsync();
        var ideas = page.GetByRole(AriaRole.Table, new() { Name = "Ideas under Groen en spelen" });
        await Expect(Row(ideas, "Speeltuin")).ToContainTextAsync("Chosen with 2 votes.");
        await Expect(Row(ideas, "Moestuin")).ToContainTextAsync("Chosen");
        const string why = "Not chosen: 1 vote, but when its turn came €160,000 was left and it costs €250,000.";
        await Expect(Row(ideas, "Bankjes")).ToContainTextAsync(why);
        await journey.VisitedAsync("results round 4 in English");

        await Row(ideas, "Bankjes").GetByRole(AriaRole.Link, new() { Name = "Bankjes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This idea was not chosen", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.GetByText(why)).ToBeVisibleAsync();
        await journey.VisitedAsync("idea page in English: lost, with why");

        await page.GotoAsync("/uitslag/verslag");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Report: Burgerbegroting Maastricht 2027", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ideas chosen per theme", Level = 3 })).ToBeVisibleAsync();
        await Expect(Row(page.GetByRole(AriaRole.Table, new() { Name = "Results of Dividing the money" }), "Groen en spelen")).ToContainTextAsync("€500,000");
        await journey.VisitedAsync("the edition report in English");
    });

    private static ILocator Row(ILocator table, string rowHeader) =>
        table.GetByRole(AriaRole.Row).Filter(new() { Has = table.Page.GetByRole(AriaRole.Rowheader, new() { Name = rowHeader, Exact = true }) });
}
