using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Burgerbegroting.Web.Tests.Infrastructure;
using Xunit.Sdk;

namespace Burgerbegroting.Browser.Tests.Infrastructure;

/// <summary>
/// Shared by the browser test collection: a real SMTP sink, the app on Kestrel at a random loopback port, and Debian's Chromium
/// driven by Playwright. Each journey gets fresh browser contexts (no cookies) through <see cref="RunAsync"/>,
/// which saves a screenshot and the page's HTML when the journey fails and runs the Nu HTML Checker over the pages it
/// saw when it succeeds; a journey that needs a database of its own (an edition, its rounds and ballots) runs through
/// <see cref="RunOnOwnAppAsync"/> on a fresh app instead.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    /// <summary>The longest any single wait (navigation, locator, expectation) may take.</summary>
    public const float Timeout = 15_000;

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private KestrelAppFactory? _app;
    private SmtpSink? _smtp;
    private readonly HashSet<string> _checkedPages = new(StringComparer.Ordinal);
    private int _pageStates;

    public AppFactory App => _app ?? throw new InvalidOperationException("not started");
    public SmtpSink Smtp => _smtp ?? throw new InvalidOperationException("not started");
    public Uri BaseAddress { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var chromium = TestEnvironment.Chromium;
        _smtp = await SmtpSink.StartNewAsync();
        _app = new KestrelAppFactory(_smtp.Port);
        BaseAddress = _app.Start();

        // Playwright's bundled driver runs offline; the browser is Debian's, never a downloaded one.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 30_000,
        });
        SetDefaultExpectTimeout(Timeout);
    }

    public async ValueTask DisposeAsync()
    {
        if (_pageStates > 0)
        {
            TestContext.Current.SendDiagnosticMessage(string.Create(CultureInfo.InvariantCulture,
                $"Browser journeys: {_pageStates} page states checked by axe-core and the Nu HTML Checker, {_checkedPages.Count} distinct pages: {string.Join(", ", _checkedPages.Order(StringComparer.Ordinal))}"));
        }

        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }
    }

    /// <summary>
    /// Runs <paramref name="journey"/> against the shared app, starting in a fresh Dutch browser context. On failure it
    /// saves a full-page screenshot and the HTML of every person's page under TestResults/browser and fails with the
    /// paths in the message. Every page the journey passes to <see cref="Journey.VisitedAsync(IPage, string)"/> is
    /// checked by axe at once and, when the journey ends, by the Nu HTML Checker.
    /// </summary>
    public Task RunAsync(Func<Journey, Task> journey, [CallerMemberName] string name = "") =>
        RunJourneyAsync(App, BaseAddress, javaScriptEnabled: true, journey, name);

    /// <summary>
    /// Runs <paramref name="journey"/> against an app of its own (a fresh SQLite database, on its own Kestrel port)
    /// that shares this collection's Chromium and SMTP sink: for journeys that need an edition, which is one per
    /// database. The journey has the app (<see cref="Journey.App"/>) to arrange data and check the database; evidence
    /// and gates as in <see cref="RunAsync"/>. <paramref name="javaScriptEnabled"/> false gives browsers without scripts
    /// (for everyone in the journey).
    /// </summary>
    public async Task RunOnOwnAppAsync(Func<Journey, Task> journey, bool javaScriptEnabled = true, [CallerMemberName] string name = "")
    {
        await using var app = new KestrelAppFactory(Smtp.Port);
        var address = app.Start();
        await RunJourneyAsync(app, address, javaScriptEnabled, journey, name);
    }

    private async Task RunJourneyAsync(AppFactory app, Uri baseAddress, bool javaScriptEnabled, Func<Journey, Task> body, string name)
    {
        var browser = _browser ?? throw new InvalidOperationException("not started");
        var pages = Path.Combine(ResultsRoot(), "browser", "pages", $"{name}-{DateTime.Now.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture)}");
        Directory.CreateDirectory(pages);
        await using (var journey = new Journey(browser, app, Smtp, baseAddress, javaScriptEnabled, pages))
        {
            await journey.StartAsync();
            try
            {
                await body(journey);
            }
            catch (Exception failure)
            {
                var report = new StringBuilder();
                var people = journey.People.Where(p => p.Page.Url != "about:blank").ToList();
                report.AppendLine(people.Count == 1
                    ? $"Browser journey '{name}' failed at {people[0].Page.Url}"
                    : $"Browser journey '{name}' failed; the pages of its {people.Count} people:");
                foreach (var (who, page, console) in people)
                {
                    var evidence = await SaveEvidenceAsync(page, people.Count == 1 ? name : $"{name}-{who}");
                    report.AppendLine(people.Count == 1 ? evidence : $"{who} at {page.Url}:\n{evidence}");
                    lock (console)
                    {
                        if (console.Count > 0)
                        {
                            report.AppendLine("Browser console:");
                            console.ForEach(line => report.AppendLine("  " + line));
                        }
                    }
                }

                if (journey.Log.Count == 0)
                {
                    Directory.Delete(pages, recursive: true);
                }
                else
                {
                    report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"The {journey.Log.Count} pages it passed so far: {pages}"));
                }

                report.AppendLine(failure.Message);
                throw new XunitException(report.ToString(), failure);
            }

            await journey.Log.AssertValidHtmlAsync();
            lock (_checkedPages)
            {
                _pageStates += journey.Log.Count;
                _checkedPages.UnionWith(journey.Log.DistinctPages);
            }

            if (journey.Log.Count > 0)
            {
                TestContext.Current.TestOutputHelper?.WriteLine(journey.Log.Summary());
            }
        }

        Directory.Delete(pages, recursive: true);
    }

    private static async Task<string> SaveEvidenceAsync(IPage page, string name)
    {
        var folder = Path.Combine(ResultsRoot(), "browser");
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, $"{name}-{DateTime.Now.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture)}");
        var lines = new StringBuilder();
        try
        {
            await page.ScreenshotAsync(new() { Path = stem + ".png", FullPage = true, Timeout = Timeout });
            lines.AppendLine("Screenshot: " + stem + ".png");
        }
        catch (PlaywrightException e)
        {
            lines.AppendLine("Screenshot failed: " + e.Message);
        }

        try
        {
            await File.WriteAllTextAsync(stem + ".html", await page.ContentAsync());
            lines.AppendLine("HTML: " + stem + ".html");
        }
        catch (PlaywrightException e)
        {
            lines.AppendLine("HTML not saved: " + e.Message);
        }

        return lines.ToString().TrimEnd();
    }

    /// <summary>TestResults/ at the repository root (git-ignored); the test output folder outside a checkout.</summary>
    private static string ResultsRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Burgerbegroting.sln")))
            {
                return Path.Combine(dir.FullName, "TestResults");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "TestResults");
    }
}
