using System.Net;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Tests.Editions;

/// <summary>
/// Next year's edition is prepared out of sight (docs/product.md, "Editions"): a new edition is a draft, never stops the
/// running vote, and becomes the one residents see only when staff confirm it — and not while a round of the current one is open.
/// </summary>
public sealed class EditionDraftTests : IAsyncLifetime
{
    private const string Running = "Burgerbegroting Maastricht 2027";
    private const string Next = "Burgerbegroting Maastricht 2028";
    private readonly AppFactory _app = new();
    private HttpClient _staff = null!;
    private List<int> _themes = [];

    public async ValueTask InitializeAsync()
    {
        await _app.CreateEditionAsync();
        await _app.OpenRoundTwoAsync(chosen: 3);
        _themes = await _app.ThemeIdsAsync(chosenOnly: true);
        await _app.CreateAsync("beheerder@example.nl", Roles.Staff);
        _staff = await _app.SignInAsync("beheerder@example.nl");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private Dictionary<string, string> Split(params string[] values) =>
        _themes.Select((id, i) => (id, i)).ToDictionary(x => $"Shares[{x.id}]", x => values[x.i]);

    private async Task<int> CreateNextEditionAsync()
    {
        var created = await _staff.SubmitAsync("/beheer/edities", new Dictionary<string, string>
        {
            ["Input.Name"] = Next,
            ["Input.TotalBudget"] = "€ 1.200.000",
            ["Input.MinimumAge"] = "16",
            ["Input.MaxThemesPerBallot"] = "3",
            ["Input.ThemesToSelect"] = "5",
            ["Input.OutcomeRule"] = "Greedy",
        }, "main form[method=post]");
        return int.Parse(created.Location().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Creating_next_years_edition_during_a_vote_changes_nothing_for_residents_and_the_vote_goes_on()
    {
        await _app.CreateAsync("stemmer@example.nl", Roles.Resident);
        var resident = await _app.SignInAsync("stemmer@example.nl");
        (await resident.SubmitAsync("/stemmen/verdeling", Split("60", "20", "20"), "main form")).AssertRedirect("/stemmen/verdeling");

        var next = await CreateNextEditionAsync();

        (await resident.SubmitAsync("/stemmen/verdeling", Split("50", "30", "20"), "main form")).AssertRedirect("/stemmen/verdeling");
        var home = await _app.CreateBrowserlessClient().GetStringAsync("/", TestContext.Current.CancellationToken);
        Assert.Contains(Running, home, StringComparison.Ordinal);
        Assert.DoesNotContain(Next, home, StringComparison.Ordinal);
        var editions = await _staff.GetDocumentAsync("/beheer/edities");
        Assert.Contains($"{Next} (/2028, concept, alleen zichtbaar voor medewerkers)", editions.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"{Running} (/2027, huidige editie)", editions.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // Nor can its rounds open, which residents would not see.
        var (open, _) = await _staff.RoundStepPageAsync($"/beheer/edities/{next}/rondes", "openen");
        Assert.Null(open.QuerySelector("main form"));
        Assert.Contains("nog een concept", open.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(RoundStatus.Planned, await _app.WithDbAsync(db => db.Rounds.Where(r => r.EditionId == next && r.Number == 1).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_next_edition_becomes_current_only_on_confirmation_and_not_while_a_round_is_open()
    {
        var next = await CreateNextEditionAsync();
        var confirm = await _staff.GetDocumentAsync($"/beheer/edities/{next}/huidig");
        Assert.Contains("Nu niet: in Burgerbegroting Maastricht 2027 is een ronde open", confirm.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(confirm.QuerySelector("main form"));
        var token = (await _staff.GetDocumentAsync($"/beheer/edities/{next}")).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forced = await _staff.PostAsync($"/beheer/edities/{next}/huidig", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, forced.StatusCode);

        var round2 = await _app.WithDbAsync(db => db.Rounds.Where(r => r.EditionId != next && r.Number == 2).Select(r => r.Id).SingleAsync());
        await _app.WithDbAsync(db => db.Rounds.Where(r => r.Id == round2).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RoundStatus.Published)));
        confirm = await _staff.GetDocumentAsync($"/beheer/edities/{next}/huidig");
        Assert.Contains($"Nu zien zij {Running}", confirm.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        (await _staff.SubmitAsync(confirm, new Dictionary<string, string>(), "main form", $"/beheer/edities/{next}/huidig")).AssertRedirect($"/beheer/edities/{next}");

        var home = await _app.CreateBrowserlessClient().GetStringAsync("/", TestContext.Current.CancellationToken);
        Assert.Contains(Next, home, StringComparison.Ordinal);
        Assert.Equal(1, await _app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "edition.current" && a.Details.Contains(Running))));
    }
}
