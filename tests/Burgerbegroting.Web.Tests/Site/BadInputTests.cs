using System.Net;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;

namespace Burgerbegroting.Web.Tests.Site;

/// <summary>Nonsense in any form or query string gets a 4xx or the page again, never a 500.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static readonly Dictionary<string, string> Garbage = new()
    {
        ["Chosen"] = "abc",
        ["Shares[xyz]"] = "%%%",
        ["Shares[1]"] = "99999999999999999999",
        ["Input.ThemeId"] = "-1",
        ["Input.BuurtId"] = "twee",
        ["Input.Cost"] = "€€€",
        ["Input.Title"] = new string('x', 5000),
        ["Input.Kind"] = "Hacker",
        ["Input.BirthYear"] = "-3",
        ["Input.Role"] = "god",
        ["Input.TotalBudget"] = "1e9",
        ["Input.MinimumAge"] = "oud",
        ["Admit.FinalCost"] = "veel",
        ["Move.ThemeId"] = "x",
        ["reason"] = "",
        ["chosen"] = "q",
        ["plannedOpen"] = "gisteren",
    };

    [Fact]
    public async Task Garbage_posted_to_every_form_never_gives_a_500()
    {
        var edition = await _app.CreateEditionAsync();
        var ideas = await _app.OpenRoundFourAsync(await CreatedAsync("indiener@example.nl", Roles.Resident), ("Speeltuin", 0, 300_000));
        await _app.CreateAsync("medewerker@example.nl", Roles.Admin);
        var staff = await _app.SignInAsync("medewerker@example.nl");
        var resident = await _app.SignInAsync("indiener@example.nl");
        var idea = ideas["Speeltuin"];
        var round = await _app.RoundIdAsync(4);
        var posts = new (HttpClient Client, string Page, string Target)[]
        {
            (resident, "/account/profiel", "/account/profiel"),
            (resident, "/selectie", "/selectie"),
            (resident, "/selectie", "/selectie?handler=Usage"),
            (resident, "/stemmen/themas", "/stemmen/themas"),
            (resident, "/stemmen/verdeling", "/stemmen/verdeling"),
            (resident, "/stemmen/verdeling", "/stemmen/verdeling?handler=Remaining"),
            (resident, $"/ideeen/{idea}", $"/ideeen/{idea}?handler=Report"),
            (resident, $"/ideeen/{idea}", $"/ideeen/{idea}/bewerken"),
            (resident, "/account/profiel", "/ideeen/nieuw"),
            (resident, "/account/profiel", "/ideeen/nieuw?handler=Preview"),
            (staff, "/beheer/edities", "/beheer/edities"),
            (staff, $"/beheer/edities/{edition.Id}", $"/beheer/edities/{edition.Id}"),
            (staff, $"/beheer/edities/{edition.Id}/buurten", $"/beheer/edities/{edition.Id}/buurten"),
            (staff, $"/beheer/edities/{edition.Id}/themas", $"/beheer/edities/{edition.Id}/themas?handler=Save"),
            (staff, $"/beheer/edities/{edition.Id}/rondes", $"/beheer/edities/{edition.Id}/rondes?handler=Dates&roundId={round}"),
            (staff, $"/beheer/edities/{edition.Id}/rondes", $"/beheer/edities/{edition.Id}/rondes?handler=ResolveTie&roundId=abc"),
            (staff, $"/beheer/edities/{edition.Id}/rondes", $"/beheer/edities/{edition.Id}/rondes?handler=Open&roundId=999999"),
            (staff, $"/beheer/ideeen/{idea}", $"/beheer/ideeen/{idea}?handler=Admit"),
            (staff, $"/beheer/ideeen/{idea}", $"/beheer/ideeen/{idea}?handler=Move"),
            (staff, $"/beheer/ideeen/{idea}", $"/beheer/ideeen/{idea}?handler=Refuse"),
            (staff, "/beheer/medewerkers", "/beheer/medewerkers?handler=Invite"),
            (staff, "/beheer/medewerkers", "/beheer/medewerkers?handler=Revoke&id=nobody"),
            (staff, "/beheer/buurtnetwerken", "/beheer/buurtnetwerken?handler=Approve&id=nobody"),
            (staff, "/beheer/email", "/beheer/email?handler=Retry&id=not-a-guid"),
            (staff, "/beheer/meldingen", "/beheer/meldingen?handler=Dismiss&ideaId=-4"),
        };
        var failures = new List<string>();
        foreach (var (client, page, target) in posts)
        {
            var token = (await client.GetDocumentAsync(page)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var response = await client.PostAsync(target, new FormUrlEncodedContent(new Dictionary<string, string>(Garbage) { ["__RequestVerificationToken"] = token }));
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"POST {target}: {(int)response.StatusCode}");
            }
        }

        foreach (var url in new[] { "/ideeen?thema=x&buurt=-1&pagina=-7&q=%00", "/beheer/email?status=Kapot&pagina=abc", "/beheer/audit?pagina=99999", "/uitslag/9", "/uitslag/4/ballots.pb?thema=abc", "/themas/0", "/account/bevestigen?userId=x&code=%%", "/email/afmelden?token=nonsense" })
        {
            var response = await staff.GetAsync(url);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"GET {url}: {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task<string> CreatedAsync(string email, string role)
    {
        await _app.CreateAsync(email, role);
        return email;
    }
}
