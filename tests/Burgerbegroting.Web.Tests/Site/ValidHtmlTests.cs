using System.Globalization;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Tests.Site;

/// <summary>Every page of a whole edition, as visitor, resident and staff see it, is valid HTML (Nu HTML Checker).</summary>
public sealed class ValidHtmlTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Every_page_is_valid_html()
    {
        await _app.CreateEditionAsync();
        await _app.CreateAsync("inwoner@example.nl", Roles.Resident);
        await _app.CreateAsync("medewerker@example.nl", Roles.Staff);
        await _app.CreateAsync("beheerder@example.nl", Roles.Admin);
        await _app.CreateAsync("netwerk@example.nl", Roles.Network, configure: u => u.OrganisationName = "Buurtnetwerk Heer");
        var ideas = await _app.OpenRoundFourAsync("inwoner@example.nl", ("Speeltuin", 0, 300_000), ("Bankjes", 0, 40_000), ("Zebrapad", 1, 120_000));
        var resident = await _app.SignInAsync("inwoner@example.nl");
        var staff = await _app.SignInAsync("medewerker@example.nl");
        var admin = await _app.SignInAsync("beheerder@example.nl");
        var visitor = _app.CreateBrowserlessClient();
        var editionId = await _app.WithDbAsync(db => db.Editions.Select(e => e.Id).SingleAsync());
        var idea = ideas["Speeltuin"].ToString(CultureInfo.InvariantCulture);
        var roundFour = $"/beheer/edities/{editionId}/rondes/{await _app.RoundIdAsync(4)}";

        var pages = new List<(HttpClient Client, string Url)>
        {
            (visitor, "/"), (visitor, "/status"), (visitor, "/account/registreren"), (visitor, "/account/inloggen"), (visitor, "/account/wachtwoord-vergeten"),
            (visitor, "/account/registreren/controleer-je-email?kind=network"), (visitor, "/ideeen"), (visitor, $"/ideeen/{idea}"),
            (visitor, "/themas/1"), (visitor, "/bestaat-niet"), (visitor, "/account/wachtwoord-instellen?userId=x&code=y"),
            (resident, "/"), (resident, "/account/profiel"), (resident, "/selectie"), (resident, "/stemmen/themas"), (resident, "/stemmen/verdeling"),
            (resident, "/ideeen/mijn"), (resident, $"/ideeen/{idea}"), (resident, $"/ideeen/{idea}/bewerken"), (resident, "/account/geen-toegang"),
            (staff, "/beheer"), (staff, "/beheer/edities"), (staff, $"/beheer/edities/{editionId}"), (staff, $"/beheer/edities/{editionId}/buurten"),
            (staff, $"/beheer/edities/{editionId}/themas"), (staff, $"/beheer/edities/{editionId}/themas?bewerk=1"), (staff, $"/beheer/edities/{editionId}/rondes"),
            (staff, "/beheer/ideeen"), (staff, $"/beheer/ideeen/{idea}"), (staff, "/beheer/meldingen"), (staff, "/beheer/buurtnetwerken"),
            (staff, "/beheer/email"), (staff, "/beheer/audit"), (staff, "/2027/uitslag/1"), (admin, "/beheer/medewerkers"),
            (staff, $"/beheer/edities/{editionId}/deelname"), (visitor, "/2027/uitslag/3"), (visitor, "/2027/uitslag/verslag"), (visitor, "/2027/uitslag/verslag?culture=en-GB"), (staff, $"/beheer/edities/{editionId}/huidig"),
            (visitor, "/2027/uitslag"), (visitor, "/archief"), (visitor, "/privacy"), (visitor, "/privacy?culture=en-GB"), (visitor, "/toegankelijkheid"), (visitor, "/toegankelijkheid?culture=en-GB"),
            (resident, "/account/gegevens"), (resident, "/account/verwijderen"), (staff, "/account/gegevens"), (staff, "/beheer/privacy"),
            (staff, roundFour + "/sluiten"),
        };
        var folder = TestEnvironment.NewTempDirectory("html");
        var saved = 0;
        foreach (var (client, url) in pages)
        {
            saved += await SaveAsync(client, url, folder, saved);
        }

        // After the close and publication of round 4: the results and the idea pages with their outcome.
        await resident.SubmitAsync("/selectie", new Dictionary<string, string> { ["Chosen"] = ideas["Bankjes"].ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(TransitionError.None, await _app.StepAsync(4, (l, id) => l.CloseAsync(id)));
        saved += await SaveAsync(staff, "/2027/uitslag/4", folder, saved);
        saved += await SaveAsync(staff, roundFour + "/publiceren", folder, saved);
        Assert.Equal(TransitionError.None, await _app.StepAsync(4, (l, id) => l.PublishAsync(id)));
        saved += await SaveAsync(visitor, "/2027/uitslag/4", folder, saved);
        saved += await SaveAsync(visitor, $"/ideeen/{idea}", folder, saved);
        saved += await SaveAsync(visitor, "/2027/uitslag/verslag", folder, saved);

        var errors = await HtmlChecker.ErrorsAsync(folder);
        Assert.True(errors.Count == 0, $"{errors.Count} HTML errors in {saved} pages:\n" + string.Join("\n", errors.Take(40)));
    }

    private static async Task<int> SaveAsync(HttpClient client, string url, string folder, int index)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(html.Contains("<html", StringComparison.Ordinal), $"{url}: {(int)response.StatusCode}, no page");
        var name = $"{index:00}-{string.Concat(url.Where(char.IsAsciiLetterOrDigit))}.html";
        await File.WriteAllTextAsync(Path.Combine(folder, name), html);
        return 1;
    }
}
