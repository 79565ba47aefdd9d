using System.Globalization;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Pages;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Events;
using Burgerbegroting.Web.Tests.Infrastructure;
using Burgerbegroting.Web.Tests.Stemcodes;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Tests.Site;

/// <summary>
/// Every page the route table has, visited as someone who may see it: its title names the page before the site and no
/// two kinds of page share one (WCAG 2.4.2); a table box that scrolls sideways can be reached with the keyboard and is
/// named (a focusable region, WCAG 1.4.10 and 2.1.1).
/// </summary>
public sealed class PageTitleTests : IAsyncLifetime
{
    private const string Site = " · Burgerbegroting";
    private readonly AppFactory _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Every_page_has_a_title_of_its_own_and_its_scrolling_tables_are_named_focusable_regions()
    {
        await _app.CreateEditionAsync();
        await _app.CreateAsync("inwoner@example.nl", Roles.Resident);
        await _app.CreateAsync("beheerder@example.nl", Roles.Admin);
        var ideas = await _app.OpenRoundFourAsync("inwoner@example.nl", ("Speeltuin", 0, 300_000), ("Bankjes", 0, 40_000));
        var eventId = (await _app.CreateEventAsync(4)).ToString(CultureInfo.InvariantCulture);
        await _app.IssueCodesAsync(2);
        var resident = await _app.SignInAsync("inwoner@example.nl");
        var staff = await _app.SignInAsync("beheerder@example.nl");
        var visitor = _app.CreateBrowserlessClient();
        var edition = (await _app.WithDbAsync(db => db.Editions.Select(e => e.Id).SingleAsync())).ToString(CultureInfo.InvariantCulture);
        var batch = (await _app.WithDbAsync(db => db.StemcodeBatches.Select(b => b.Id).FirstAsync())).ToString(CultureInfo.InvariantCulture);
        var idea = ideas["Speeltuin"].ToString(CultureInfo.InvariantCulture);
        var roundFour = (await _app.RoundIdAsync(4)).ToString(CultureInfo.InvariantCulture);

        var pages = new List<(string Page, HttpClient Client, string Url)>
        {
            (PageRoutes.Home, visitor, "/"), (PageRoutes.Error, visitor, "/fout"), (PageRoutes.SiteStatus, visitor, "/status"), (PageRoutes.ThemeDetails, visitor, "/themas/1"),
            (PageRoutes.Ideas, visitor, "/ideeen"), (PageRoutes.IdeaDetails, visitor, $"/ideeen/{idea}"), (PageRoutes.NewIdea, resident, "/ideeen/nieuw"),
            (PageRoutes.EditIdea, resident, $"/ideeen/{idea}/bewerken"), (PageRoutes.MyIdeas, resident, "/ideeen/mijn"),
            (PageRoutes.VoteThemes, resident, "/stemmen/themas"), (PageRoutes.VoteBudget, resident, "/stemmen/verdeling"),
            (PageRoutes.VoteSelection, resident, "/selectie"), (PageRoutes.VoteCode, visitor, "/stemmen/code"),
            (PageRoutes.RoundResults, visitor, "/2027/uitslag/1"), (PageRoutes.IdeaResults, visitor, "/2027/uitslag/3"), (PageRoutes.EditionReport, visitor, "/2027/uitslag/verslag"),
            (PageRoutes.ResultsOverview, visitor, "/2027/uitslag"), (PageRoutes.Archive, visitor, "/archief"),
            (PageRoutes.MyData, resident, "/account/gegevens"), (PageRoutes.DeleteAccount, resident, "/account/verwijderen"),
            (PageRoutes.PrivacyStatement, visitor, "/privacy"), (PageRoutes.AccessibilityStatement, visitor, "/toegankelijkheid"), (PageRoutes.AdminRetention, staff, "/beheer/privacy"),
            (PageRoutes.Login, visitor, "/account/inloggen"), (PageRoutes.Logout, resident, "/account/uitloggen"), (PageRoutes.Register, visitor, "/account/registreren"),
            (PageRoutes.CheckEmail, visitor, "/account/registreren/controleer-je-email"), (PageRoutes.ConfirmEmail, visitor, "/account/bevestigen?userId=x&code=y"),
            (PageRoutes.ForgotPassword, visitor, "/account/wachtwoord-vergeten"), (PageRoutes.ResetPassword, visitor, "/account/wachtwoord-instellen?userId=x&code=y"),
            (PageRoutes.Profile, resident, "/account/profiel"), (PageRoutes.AccessDenied, resident, "/account/geen-toegang"), (PageRoutes.Unsubscribe, visitor, "/email/afmelden?token=x"),
            (PageRoutes.Admin, staff, "/beheer"), (PageRoutes.AdminEditions, staff, "/beheer/edities"), (PageRoutes.AdminEdition, staff, $"/beheer/edities/{edition}"),
            (PageRoutes.AdminEditionBuurten, staff, $"/beheer/edities/{edition}/buurten"), (PageRoutes.AdminEditionThemes, staff, $"/beheer/edities/{edition}/themas"),
            (PageRoutes.AdminEditionRounds, staff, $"/beheer/edities/{edition}/rondes"), (PageRoutes.AdminEditionMakeCurrent, staff, $"/beheer/edities/{edition}/huidig"),
            (PageRoutes.AdminRoundAction, staff, $"/beheer/edities/{edition}/rondes/{roundFour}/sluiten"),
            (PageRoutes.AdminParticipation, staff, $"/beheer/edities/{edition}/deelname"), (PageRoutes.AdminStemcodes, staff, $"/beheer/edities/{edition}/stemcodes"),
            (PageRoutes.AdminStemcodeBatch, staff, $"/beheer/edities/{edition}/stemcodes/reeks/{batch}"), (PageRoutes.AdminStemcodeSearch, staff, $"/beheer/edities/{edition}/stemcodes/zoeken"),
            (PageRoutes.AdminEvents, staff, $"/beheer/edities/{edition}/bijeenkomsten"), (PageRoutes.AdminEvent, staff, $"/beheer/bijeenkomsten/{eventId}"),
            (PageRoutes.AdminEventTablet, staff, $"/beheer/bijeenkomsten/{eventId}/tablet"), (PageRoutes.AdminPaperForms, staff, $"/beheer/edities/{edition}/stembiljetten"),
            (PageRoutes.AdminIdeas, staff, "/beheer/ideeen"), (PageRoutes.AdminIdeaReview, staff, $"/beheer/ideeen/{idea}"), (PageRoutes.AdminReports, staff, "/beheer/meldingen"),
            (PageRoutes.AdminNetworks, staff, "/beheer/buurtnetwerken"), (PageRoutes.AdminEmail, staff, "/beheer/email"), (PageRoutes.AdminAudit, staff, "/beheer/audit"),
            (PageRoutes.AdminStaffAccounts, staff, "/beheer/medewerkers"), (PageRoutes.AdminEventEntry, staff, $"/beheer/bijeenkomsten/{eventId}/invoer"),
            (PageRoutes.AdminEventDisputes, staff, $"/beheer/bijeenkomsten/{eventId}/geschillen"),
        };
        var titles = new List<(string Page, string Url, string Title)>();
        var tableBoxes = new List<string>();
        foreach (var (page, client, url) in pages)
        {
            titles.Add((page, url, await TitleAsync(client, url, tableBoxes)));
        }

        Assert.Equal(TransitionError.None, await _app.StepAsync(4, (l, id) => l.CloseAsync(id)));
        Assert.Equal(TransitionError.None, await _app.StepAsync(4, (l, id) => l.PublishAsync(id)));
        titles.Add((PageRoutes.SelectionResults, "/2027/uitslag/4", await TitleAsync(visitor, "/2027/uitslag/4", tableBoxes)));

        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n", titles.Select(t => $"{t.Url}\t{t.Title}")));
        // A page added to the route table fails here until it is added to the list above.
        Assert.Empty(PageRoutes.Templates.Keys.Except(titles.Select(t => t.Page)));
        Assert.All(titles, t => Assert.True(t.Title.EndsWith(Site, StringComparison.Ordinal) && t.Title.Length > Site.Length,
            $"{t.Url} has the title \"{t.Title}\": it should name the page, then the site"));
        var shared = titles.GroupBy(t => t.Title).Where(g => g.Select(t => t.Page).Distinct().Count() > 1).Select(g => $"\"{g.Key}\": {string.Join(", ", g.Select(t => t.Url))}").ToList();
        Assert.True(shared.Count == 0, "pages of different kinds share a title:\n" + string.Join("\n", shared));
        Assert.True(tableBoxes.Count == 0, "table boxes that are not named, focusable regions:\n" + string.Join("\n", tableBoxes));
    }

    private static async Task<string> TitleAsync(HttpClient client, string url, List<string> tableBoxes)
    {
        // Some pages are answers with a 4xx (the error page, a link with a bad token): their title counts as well.
        var page = await Forms.ParseAsync(await client.GetAsync(url));
        tableBoxes.AddRange(page.QuerySelectorAll(".utrecht-table-container")
            .Where(box => box.GetAttribute("tabindex") != "0" || box.GetAttribute("role") != "region"
                || string.IsNullOrWhiteSpace(box.GetAttribute("aria-label")) && string.IsNullOrWhiteSpace(box.GetAttribute("aria-labelledby")))
            .Select(box => $"{url}: {box.OuterHtml[..Math.Min(120, box.OuterHtml.Length)]}"));
        var title = page.Title;
        Assert.False(string.IsNullOrEmpty(title), $"{url} has no <title>");
        return title!;
    }
}
