using Burgerbegroting.Web.Tests.Infrastructure;

namespace Burgerbegroting.Browser.Tests.Infrastructure;

/// <summary>
/// One journey in the browser: its app (and database), the first person's <see cref="Page"/>, more people each in a
/// browser context of their own (<see cref="NewPageAsync"/>: own cookies, same JavaScript setting), and the gates
/// every page passes (<see cref="VisitedAsync(IPage, string)"/>: axe-core now, the Nu HTML Checker at the end).
/// Made by <see cref="BrowserApp.RunAsync"/> and <see cref="BrowserApp.RunOnOwnAppAsync"/>.
/// </summary>
public sealed class Journey : IAsyncDisposable
{
    private readonly IBrowser _browser;
    private readonly List<(string Who, IBrowserContext Context, IPage Page, List<string> Console)> _people = [];
    private IBrowserContext? _checkerContext;
    private IPage? _checker;

    internal Journey(IBrowser browser, AppFactory app, SmtpSink smtp, Uri baseAddress, bool javaScriptEnabled, string pageFolder)
    {
        _browser = browser;
        App = app;
        Smtp = smtp;
        BaseAddress = baseAddress;
        JavaScriptEnabled = javaScriptEnabled;
        Log = new PageLog(pageFolder, CheckerAsync);
    }

    public AppFactory App { get; }
    public SmtpSink Smtp { get; }
    public Uri BaseAddress { get; }
    public bool JavaScriptEnabled { get; }
    public PageLog Log { get; }

    /// <summary>The first person's page, in a fresh Dutch browser context.</summary>
    public IPage Page => _people[0].Page;

    internal IEnumerable<(string Who, IPage Page, List<string> Console)> People => _people.Select(p => (p.Who, p.Page, p.Console));

    internal async Task StartAsync() => await NewPageAsync("first");

    /// <summary>Another person (a second resident, a member of staff): a browser context of their own on the same app.</summary>
    public async Task<IPage> NewPageAsync(string who)
    {
        var context = await _browser.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "nl-NL",
            ViewportSize = new() { Width = 1280, Height = 900 },
            JavaScriptEnabled = JavaScriptEnabled,
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(BrowserApp.Timeout);
        context.SetDefaultNavigationTimeout(BrowserApp.Timeout);
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                lock (console)
                {
                    console.Add($"{message.Type}: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (console)
            {
                console.Add($"page error: {error}");
            }
        };
        _people.Add((who, context, page, console));
        return page;
    }

    /// <summary>
    /// The gates for a page as it is now: axe-core (WCAG 2.1 A and AA) must find nothing, and its HTML is kept for the
    /// Nu HTML Checker, which runs once when the journey ends. Call it on every page the journey sees, after checking
    /// that the page shows what it should (so that it has finished loading and swapping).
    /// </summary>
    public Task VisitedAsync(IPage page, string what) => Log.RecordAsync(page, what, JavaScriptEnabled);

    /// <summary><see cref="VisitedAsync(IPage, string)"/> for the first person's page.</summary>
    public Task VisitedAsync(string what) => VisitedAsync(Page, what);

    /// <summary>A page that runs scripts, to run axe on the HTML of pages from a browser without JavaScript.</summary>
    private async Task<IPage> CheckerAsync()
    {
        if (_checker is null)
        {
            _checkerContext = await _browser.NewContextAsync(new()
            {
                Locale = "nl-NL",
                ViewportSize = new() { Width = 1280, Height = 900 },
                JavaScriptEnabled = true,
            });
            _checkerContext.SetDefaultTimeout(BrowserApp.Timeout);
            _checker = await _checkerContext.NewPageAsync();
        }

        return _checker;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, context, _, _) in _people)
        {
            await context.DisposeAsync();
        }

        if (_checkerContext is not null)
        {
            await _checkerContext.DisposeAsync();
        }
    }
}
