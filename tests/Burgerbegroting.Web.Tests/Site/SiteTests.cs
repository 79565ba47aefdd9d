using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Burgerbegroting.Web.Tests.Infrastructure;

namespace Burgerbegroting.Web.Tests.Site;

public sealed partial class SiteTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Pages_are_Dutch_by_default_and_English_after_the_switch()
    {
        var client = _app.CreateBrowserlessClient();
        var dutch = await client.GetDocumentAsync("/account/inloggen");
        Assert.Equal("nl", dutch.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Wachtwoord vergeten?", dutch.Body!.TextContent, StringComparison.Ordinal);

        var switched = await client.SubmitAsync(dutch, new Dictionary<string, string> { ["culture"] = "en-GB" }, "form.bb-lang", "/taal");
        switched.AssertRedirect("/account/inloggen");
        var english = await client.GetDocumentAsync("/account/inloggen");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Forgot your password?", english.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Security_headers_are_on_every_page()
    {
        var response = await _app.CreateBrowserlessClient().GetAsync("/");
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task A_post_without_antiforgery_token_is_refused()
    {
        var response = await _app.CreateBrowserlessClient().PostAsync("/account/inloggen",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "a@example.nl", ["Input.Password"] = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_page_gets_a_friendly_404()
    {
        var response = await _app.CreateBrowserlessClient().GetAsync("/bestaat-niet");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Pagina niet gevonden", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_reports_database_and_outbox()
    {
        var response = await _app.CreateBrowserlessClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"database\"", body, StringComparison.Ordinal);
        Assert.Contains("\"queued\": 0", body, StringComparison.Ordinal);
        Assert.Contains("Healthy", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_footer_links_to_a_status_page_that_says_in_words_what_the_health_checks_found()
    {
        var client = _app.CreateBrowserlessClient();
        var home = await client.GetDocumentAsync("/");
        Assert.Equal("/status", home.QuerySelectorAll("footer a").Single(a => a.TextContent == "Status van de website").GetAttribute("href"));

        var page = await client.GetDocumentAsync("/status");
        Assert.StartsWith("Status van de website · ", page.Title, StringComparison.Ordinal);
        Assert.Contains("Alles werkt zoals het hoort.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["De website antwoordt.", "De database antwoordt.", "Er wachten geen e-mails op verzending.", "Er zijn geen e-mails mislukt."],
            page.QuerySelectorAll("#status li").Select(li => li.TextContent.Trim()));
        Assert.Equal("/health", page.QuerySelector("main a[href='/health']")!.TextContent);

        await client.SubmitAsync(page, new Dictionary<string, string> { ["culture"] = "en-GB" }, "form.bb-lang", "/taal");
        var english = await client.GetDocumentAsync("/status");
        Assert.Contains("The database answers.", english.QuerySelector("#status")!.TextContent, StringComparison.Ordinal);

        // Monitors keep their JSON.
        var json = await client.GetAsync("/health");
        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Static_assets_are_served_from_the_shared_web_root()
    {
        var client = _app.CreateBrowserlessClient();
        foreach (var asset in new[] { "/lib/htmx/htmx.min.js", "/lib/utrecht/index.css", "/css/theme.css", "/css/site.css" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(asset)).StatusCode);
        }
    }

    [Fact]
    public async Task Sign_in_attempts_are_rate_limited()
    {
        await using var app = new AppFactory().With("RateLimits:SignInPerMinute", "3");
        var client = app.CreateBrowserlessClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var page = await Forms.ParseAsync(await client.GetAsync("/account/inloggen"));
            statuses.Add((await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = "a@example.nl", ["Input.Password"] = "fout" }, "main form", "/account/inloggen")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.DoesNotContain(HttpStatusCode.InternalServerError, statuses);
    }

    /// <summary>Every text the pages ask for exists in Dutch and in English.</summary>
    [Fact]
    public void Every_resource_key_used_in_the_code_exists_in_both_languages()
    {
        var root = RepositoryRoot();
        var resources = Path.Combine(root, "src", "Burgerbegroting.Web", "Resources");
        var dutch = Keys(Path.Combine(resources, "SharedResource.resx"));
        var english = Keys(Path.Combine(resources, "SharedResource.en.resx"));
        Assert.Equal(dutch.Keys.Order(), english.Keys.Order());
        Assert.All(dutch.Concat(english), kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), $"empty text for {kv.Key}"));

        var used = Directory.EnumerateFiles(Path.Combine(root, "src", "Burgerbegroting.Web"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct().ToList();
        Assert.True(used.Count > 100, $"found only {used.Count} keys in use");
        var missing = used.Where(k => !dutch.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "missing resource keys: " + string.Join(", ", missing));
    }

    /// <summary>Texts looked up by an enum value or a constant ("IdeaStatus." + status): every value has one.</summary>
    [Fact]
    public void Every_key_made_from_an_enum_or_constant_exists()
    {
        var resources = Path.Combine(RepositoryRoot(), "src", "Burgerbegroting.Web", "Resources");
        var dutch = Keys(Path.Combine(resources, "SharedResource.resx"));
        static IEnumerable<string> Names<T>(string prefix) where T : struct, Enum => Enum.GetNames<T>().Select(n => prefix + n);
        var expected = new List<string>();
        expected.AddRange(Names<Burgerbegroting.Data.Ideas.IdeaStatus>("IdeaStatus."));
        expected.AddRange(Names<Burgerbegroting.Voting.RoundStatus>("RoundStatus."));
        expected.AddRange(Names<Burgerbegroting.Data.Editions.ThemeOutcome>("Outcome."));
        expected.AddRange(Names<Burgerbegroting.Data.Email.OutboxStatus>("Outbox.Status."));
        expected.AddRange(Names<Burgerbegroting.Voting.TransitionError>("Rounds.Error."));
        expected.AddRange(Names<Burgerbegroting.Voting.RoundStep>("Rounds."));
        expected.AddRange(Names<Burgerbegroting.Voting.ThemeEditError>("Themes."));
        expected.AddRange(Names<Burgerbegroting.Voting.ApprovalBallotError>("Vote1.Error."));
        expected.AddRange(Names<Burgerbegroting.Voting.KnapsackBallotErrorKind>("Vote4.Error."));
        expected.AddRange(Names<Burgerbegroting.Voting.Money.EuroAmountError>("Validation.Euro.").Where(k => !k.EndsWith(".None", StringComparison.Ordinal)));
        expected.AddRange(Names<Burgerbegroting.Voting.Eligibility.IneligibleReason>("Ineligible."));
        expected.AddRange(Names<Burgerbegroting.Data.Editions.OutcomeRuleKind>("OutcomeRule."));
        expected.AddRange(Names<Burgerbegroting.Voting.Paper.BallotChannel>("BallotChannel."));
        expected.AddRange(Names<Burgerbegroting.Data.Events.SheetStatus>("SheetStatus."));
        expected.AddRange(Burgerbegroting.Web.Ideas.IdeaOptions.DefaultReasons.Select(r => "ReviewReason." + r));
        expected.AddRange(Burgerbegroting.Data.Accounts.Roles.All.Select(r => "Role." + r));
        expected.AddRange(typeof(Burgerbegroting.Web.Audit.AuditActions).GetFields().Select(f => "Audit.Action." + f.GetValue(null)));
        expected.AddRange(Enumerable.Range(1, 4).SelectMany(n => new[] { $"Round.{n}.Name", $"Round.{n}.Description" }));
        expected.AddRange(Burgerbegroting.Web.Editions.RoundPages.Keys);
        var missing = expected.Where(k => !dutch.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "missing resource keys: " + string.Join(", ", missing));
    }

    private static Dictionary<string, string> Keys(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(e => e.Attribute("name")!.Value, e => e.Element("value")!.Value);

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Burgerbegroting.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Burgerbegroting.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>L["Key"], l["Key", ...], ErrorMessage = "Key", Name = "Key" (display names).</summary>
    [GeneratedRegex(@"(?:\b[Ll]\[""|ErrorMessage = ""|Name = ""|Fail\("")([A-Z][A-Za-z0-9]*\.[A-Za-z0-9.]*[A-Za-z0-9])""")]
    private static partial Regex KeyUse();
}
