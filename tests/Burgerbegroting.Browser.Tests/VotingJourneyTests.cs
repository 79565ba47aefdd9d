using System.Text.RegularExpressions;
using Burgerbegroting.Browser.Tests.Infrastructure;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Burgerbegroting.Browser.Tests;

/// <summary>
/// Rounds 1 and 2 in a real browser: choosing themes, then dividing the budget while the remaining amount follows
/// the typing (htmx), with the keyboard only, and without JavaScript. Each journey has an app and database of its own.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VotingJourneyTests(BrowserApp browser)
{
    private const string Resident = "noor.janssen@example.nl";
    private const long Budget = 1_000_000;

    /// <summary>
    /// A safety net: Playwright bounds each wait, but page.EvaluateAsync waits without a limit (and never returns on
    /// a page whose scripts do not run), so no journey may hang the run.
    /// </summary>
    private const int JourneyTimeout = 120_000;

    [Fact(Timeout = JourneyTimeout)]
    public Task Resident_chooses_themes_then_splits_the_budget_watching_the_remaining_amount() => browser.RunOnOwnAppAsync(async journey =>
    {
        var (page, app) = (journey.Page, journey.App);
        // Six candidate themes, three go through. A neighbour has voted already, so that with the resident's ballot
        // exactly three themes have votes and round 1 can be published without a tie.
        await app.CreateEditionAsync(themes: 6, budget: Budget, k: 3, n: 3);
        Assert.Equal(TransitionError.None, await app.StepAsync(1, (lifecycle, id) => lifecycle.OpenAsync(id)));
        var voter = await app.CreateAsync(Resident, Roles.Resident);
        await app.CastAsync("buurman@example.nl", 1, new() { ["Verkeersveiligheid"] = 1, ["Ontmoeten"] = 1 });

        // Round 1, signed out: the page says to sign in first and the sign-in brings the resident back.
        await page.GotoAsync("/stemmen/themas");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thema's kiezen", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Inloggen" }).ClickAsync();
        await page.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(Resident);
        await page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(TestAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/stemmen/themas$"));

        var verkeer = page.GetByRole(AriaRole.Checkbox, new() { Name = "Verkeersveiligheid", Exact = true });
        var cultuur = page.GetByRole(AriaRole.Checkbox, new() { Name = "Cultuur", Exact = true });
        await Expect(verkeer).Not.ToBeCheckedAsync();
        await journey.VisitedAsync("the round 1 ballot");
        await verkeer.CheckAsync();
        await cultuur.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Stem opslaan" }).ClickAsync();

        await Expect(page.GetByText("Uw stem is opgeslagen")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Stem wijzigen" })).ToBeVisibleAsync();
        await Expect(verkeer).ToBeCheckedAsync();
        await Expect(cultuur).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Ontmoeten", Exact = true })).Not.ToBeCheckedAsync();
        await journey.VisitedAsync("the round 1 ballot after saving");
        Assert.Equal(["Cultuur", "Verkeersveiligheid"], await ChosenThemeNamesAsync(app, voter.Id, round: 1));

        // Staff close round 1 and publish it: Verkeersveiligheid (2 votes), Ontmoeten and Cultuur (1 each) go through.
        Assert.Equal(TransitionError.None, await app.StepAsync(1, (lifecycle, id) => lifecycle.CloseAsync(id)));
        Assert.Equal(TransitionError.None, await app.StepAsync(1, (lifecycle, id) => lifecycle.PublishAsync(id)));
        Assert.Equal(TransitionError.None, await app.StepAsync(2, (lifecycle, id) => lifecycle.OpenAsync(id)));
        var themes = await ChosenThemesAsync(app);
        Assert.Equal(["Verkeersveiligheid", "Ontmoeten", "Cultuur"], themes.Select(t => t.Name));

        // Round 2: nothing divided yet, everything left.
        await page.GotoAsync("/stemmen/verdeling");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Geld verdelen", Level = 1 })).ToBeVisibleAsync();
        var remaining = page.Locator("#remaining");
        await Expect(remaining).ToContainTextAsync("Nog te verdelen: 100% (€ 1.000.000)");
        await Expect(remaining).ToHaveAttributeAsync("role", "status");
        await journey.VisitedAsync("the round 2 ballot before typing");

        // The status region itself must stay in the page while its text changes: screen readers announce changes
        // inside a live region, not a region that is replaced by a new one.
        var liveRegion = await remaining.ElementHandleAsync();

        var fields = themes.Select(t => page.GetByRole(AriaRole.Textbox, new() { Name = t.Name, Exact = true })).ToList();
        var amounts = themes.Select(t => page.Locator($"#Shares_{t.Id}-amount")).ToList();

        await fields[0].PressSequentiallyAsync("50");
        await Expect(remaining).ToContainTextAsync("Nog te verdelen: 50% (€ 500.000)");
        await Expect(remaining).ToContainTextAsync("U hebt 50% verdeeld.");
        await Expect(amounts[0]).ToHaveTextAsync("€ 500.000");
        await Expect(amounts[1]).ToHaveTextAsync("€ 0"); // an empty field counts as 0%
        Assert.True(await liveRegion.EvaluateAsync<bool>("e => e.isConnected"), "#remaining was replaced instead of updated, so the change may not be announced");
        await journey.VisitedAsync("the round 2 ballot while typing");

        await fields[1].PressSequentiallyAsync("30");
        await Expect(remaining).ToContainTextAsync("Nog te verdelen: 20% (€ 200.000)");
        await Expect(amounts[1]).ToHaveTextAsync("€ 300.000");
        await Expect(amounts[0]).ToHaveTextAsync("€ 500.000");

        await fields[2].PressSequentiallyAsync("19");
        await Expect(remaining).ToContainTextAsync("Nog te verdelen: 1% (€ 10.000)");
        await Expect(amounts[2]).ToHaveTextAsync("€ 190.000");
        Assert.True(await liveRegion.EvaluateAsync<bool>("e => e.isConnected"), "#remaining was replaced instead of updated");

        // 99 is refused with a clear message and the numbers kept; nothing is stored.
        await page.GetByRole(AriaRole.Button, new() { Name = "Stem opslaan" }).ClickAsync();
        var summary = page.Locator(".bb-error-summary");
        await Expect(summary).ToContainTextAsync("Samen moeten de percentages precies 100 zijn; nu is het 99.");
        await Expect(fields[0]).ToHaveValueAsync("50");
        await Expect(fields[1]).ToHaveValueAsync("30");
        await Expect(fields[2]).ToHaveValueAsync("19");
        await Expect(remaining).ToContainTextAsync("Nog te verdelen: 1% (€ 10.000)");
        await journey.VisitedAsync("the round 2 ballot refused at 99%");
        Assert.Null(await SplitAsync(app, voter.Id));

        await fields[2].FillAsync("");
        await fields[2].PressSequentiallyAsync("20");
        await Expect(remaining).ToContainTextAsync("Nog te verdelen: 0% (€ 0)");
        await Expect(remaining).ToContainTextAsync("U hebt 100% verdeeld.");
        await Expect(amounts[2]).ToHaveTextAsync("€ 200.000");
        await journey.VisitedAsync("the round 2 ballot with everything divided");

        await page.GetByRole(AriaRole.Button, new() { Name = "Stem opslaan" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/stemmen/verdeling$"));
        await Expect(page.GetByText("Uw stem is opgeslagen")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Stem wijzigen" })).ToBeVisibleAsync();
        await Expect(fields[0]).ToHaveValueAsync("50");
        await journey.VisitedAsync("the round 2 ballot after saving");

        var split = await SplitAsync(app, voter.Id);
        Assert.Equal(new Dictionary<int, int> { [themes[0].Id] = 50, [themes[1].Id] = 30, [themes[2].Id] = 20 }, split);
    });

    [Fact(Timeout = JourneyTimeout)]
    public Task Round_two_split_can_be_done_with_the_keyboard_only() => browser.RunOnOwnAppAsync(async journey =>
    {
        var (page, app) = (journey.Page, journey.App);
        var (voter, themes) = await RoundTwoWithResidentAsync(app);
        await SignInAsync(page, Resident);
        await page.GotoAsync("/stemmen/verdeling");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Geld verdelen", Level = 1 })).ToBeVisibleAsync();
        await journey.VisitedAsync("the round 2 ballot, before the keyboard");

        var fields = themes.Select(t => page.GetByRole(AriaRole.Textbox, new() { Name = t.Name, Exact = true })).ToList();
        var stops = new List<string>();
        for (var i = 0; i < 30 && !await IsFocusedAsync(fields[0]); i++)
        {
            await page.Keyboard.PressAsync("Tab");
            stops.Add(await page.EvaluateAsync<string>("() => { const e = document.activeElement; return e ? (e.id || e.textContent || e.tagName).trim() : ''; }"));
        }

        Assert.True(await IsFocusedAsync(fields[0]), "Tab never reached the first percentage field; tab stops: " + string.Join(" | ", stops));

        var remaining = page.Locator("#remaining");
        string[] values = ["40", "35", "25"];
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                await page.Keyboard.PressAsync("Tab");
            }

            await Expect(fields[i]).ToBeFocusedAsync();
            await page.Keyboard.TypeAsync(values[i]);
        }

        await Expect(remaining).ToContainTextAsync("Nog te verdelen: 0% (€ 0)");
        await Expect(page.Locator($"#Shares_{themes[1].Id}-amount")).ToHaveTextAsync("€ 350.000");

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Stem opslaan" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByText("Uw stem is opgeslagen")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Stem wijzigen" })).ToBeVisibleAsync();
        await journey.VisitedAsync("the round 2 ballot, saved with the keyboard");
        Assert.Equal(new Dictionary<int, int> { [themes[0].Id] = 40, [themes[1].Id] = 35, [themes[2].Id] = 25 }, await SplitAsync(app, voter.Id));
    });

    [Fact(Timeout = JourneyTimeout)]
    public Task Round_two_works_without_javascript() => browser.RunOnOwnAppAsync(async journey =>
    {
        var (page, app) = (journey.Page, journey.App);
        var (voter, themes) = await RoundTwoWithResidentAsync(app);
        await SignInAsync(page, Resident);
        await page.GotoAsync("/stemmen/verdeling");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Geld verdelen", Level = 1 })).ToBeVisibleAsync();
        await journey.VisitedAsync("the round 2 ballot without JavaScript");

        var fields = themes.Select(t => page.GetByRole(AriaRole.Textbox, new() { Name = t.Name, Exact = true })).ToList();
        var remaining = page.Locator("#remaining");
        await fields[0].FillAsync("50");
        await fields[1].FillAsync("30");
        await fields[2].FillAsync("10");
        await Expect(remaining).ToContainTextAsync("Nog te verdelen: 100% (€ 1.000.000)"); // nothing happens while typing

        await page.GetByRole(AriaRole.Button, new() { Name = "Bedragen berekenen" }).ClickAsync();
        await Expect(remaining).ToContainTextAsync("Nog te verdelen: 10% (€ 100.000)");
        await Expect(page.Locator($"#Shares_{themes[0].Id}-amount")).ToHaveTextAsync("€ 500.000");
        await Expect(page.Locator($"#Shares_{themes[2].Id}-amount")).ToHaveTextAsync("€ 100.000");
        await Expect(fields[1]).ToHaveValueAsync("30");
        await journey.VisitedAsync("the round 2 ballot after 'Bedragen berekenen' without JavaScript");
        Assert.Null(await SplitAsync(app, voter.Id));

        await fields[2].FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Stem opslaan" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/stemmen/verdeling$"));
        await Expect(page.GetByText("Uw stem is opgeslagen")).ToBeVisibleAsync();
        await Expect(remaining).ToContainTextAsync("Nog te verdelen: 0% (€ 0)");
        await journey.VisitedAsync("the round 2 ballot saved without JavaScript");
        Assert.Equal(new Dictionary<int, int> { [themes[0].Id] = 50, [themes[1].Id] = 30, [themes[2].Id] = 20 }, await SplitAsync(app, voter.Id));
    }, javaScriptEnabled: false);

    /// <summary>
    /// The live preview sends the form's own token field; any other htmx POST gets the token from the antiforgery
    /// script (served by the app, so the CSP lets it run), out of the htmx config in the page.
    /// </summary>
    [Fact(Timeout = JourneyTimeout)]
    public Task An_htmx_post_without_the_form_field_carries_the_antiforgery_token_in_a_header() => browser.RunOnOwnAppAsync(async journey =>
    {
        var (page, app) = (journey.Page, journey.App);
        var (_, themes) = await RoundTwoWithResidentAsync(app);
        await SignInAsync(page, Resident);
        await page.GotoAsync("/stemmen/verdeling");
        await Expect(page.Locator("#remaining")).ToContainTextAsync("Nog te verdelen: 100%");
        Assert.True(await page.EvaluateAsync<bool>("() => htmx.config.selfRequestsOnly === true && htmx.config.allowScriptTags === false && htmx.config.allowEval === false"),
            "htmx did not take the configuration from the page");

        // htmx.ajax from the body: no form around it, so no token field; only the script's header can carry it.
        const string post = """
            values => new Promise(resolve => {
                document.addEventListener('htmx:afterRequest', e => resolve(e.detail.xhr.status), { once: true });
                htmx.ajax('POST', '/stemmen/verdeling?handler=Remaining', { source: document.body, target: '#remaining', swap: 'innerHTML', values });
            })
            """;
        var values = new Dictionary<string, string> { [$"Shares[{themes[0].Id}]"] = "40" };
        Assert.Equal(200, await page.EvaluateAsync<int>(post, values));
        await Expect(page.Locator("#remaining")).ToContainTextAsync("Nog te verdelen: 60%");

        // The same request once htmx no longer knows the token: refused.
        await page.EvaluateAsync("() => { htmx.config.antiForgery = null; }");
        Assert.Equal(400, await page.EvaluateAsync<int>(post, values));
    });

    /// <summary>An edition in round 2 with its first three themes chosen, and a resident who may vote.</summary>
    private static async Task<(AppUser Voter, List<Theme> Themes)> RoundTwoWithResidentAsync(AppFactory app)
    {
        await app.CreateEditionAsync(budget: Budget);
        await app.OpenRoundTwoAsync(chosen: 3);
        var voter = await app.CreateAsync(Resident, Roles.Resident);
        return (voter, await ChosenThemesAsync(app));
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/inloggen");
        await page.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(TestAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" })).ToBeVisibleAsync();
    }

    private static Task<List<Theme>> ChosenThemesAsync(AppFactory app) =>
        app.WithDbAsync(db => db.Themes.AsNoTracking().Where(t => t.Chosen).OrderBy(t => t.Position).ToListAsync());

    private static async Task<List<string>> ChosenThemeNamesAsync(AppFactory app, string voterId, int round)
    {
        var themes = (await app.StoredBallotAsync(round, voterId) ?? []).Select(line => line.ThemeId).ToList();
        return await app.WithDbAsync(db => db.Themes.Where(t => themes.Contains(t.Id)).Select(t => t.Name).OrderBy(name => name).ToListAsync());
    }

    /// <summary>The resident's round 2 ballot as theme id → percentage, or null when there is none.</summary>
    private static async Task<Dictionary<int, int>?> SplitAsync(AppFactory app, string voterId) =>
        (await app.StoredBallotAsync(2, voterId))?.ToDictionary(line => line.ThemeId, line => line.Value);

    private static Task<bool> IsFocusedAsync(ILocator locator) =>
        locator.EvaluateAsync<bool>("element => element === document.activeElement");
}
