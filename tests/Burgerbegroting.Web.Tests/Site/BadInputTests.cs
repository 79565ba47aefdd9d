using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Pages;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Tests.Site;

/// <summary>
/// Nonsense sent to every handler the app maps (taken from its endpoint data, so a new form is covered without
/// being listed here) gets a 4xx or the page again, never a 5xx.
/// </summary>
public sealed partial class BadInputTests : IAsyncLifetime
{
    // Pages that must be among the handlers found, so the enumeration cannot quietly come back short.
    private static readonly string[] KnownPages =
    [
        PageRoutes.Profile, PageRoutes.Login, PageRoutes.Register, PageRoutes.VoteThemes, PageRoutes.VoteBudget,
        PageRoutes.VoteSelection, PageRoutes.NewIdea, PageRoutes.EditIdea, PageRoutes.IdeaDetails, PageRoutes.AdminEditions,
        PageRoutes.AdminEdition, PageRoutes.AdminEditionBuurten, PageRoutes.AdminEditionThemes, PageRoutes.AdminEditionRounds,
        PageRoutes.AdminIdeaReview, PageRoutes.AdminReports, PageRoutes.AdminStaffAccounts, PageRoutes.AdminNetworks,
        PageRoutes.AdminEmail, PageRoutes.Unsubscribe,
    ];

    private readonly RecordingAppFactory _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Nonsense_sent_to_every_page_handler_and_endpoint_of_the_app_never_gives_a_5xx()
    {
        await _app.CreateEditionAsync();
        await _app.CreateAsync("indiener@example.nl", Roles.Resident);
        await _app.OpenRoundFourAsync("indiener@example.nl", ("Speeltuin", 0, 300_000));
        await _app.CreateAsync("medewerker@example.nl", Roles.Admin);
        var visitors = new[]
        {
            new Visitor(null, _app.CreateBrowserlessClient()),
            new Visitor("indiener@example.nl", await _app.SignInAsync("indiener@example.nl")),
            new Visitor("medewerker@example.nl", await _app.SignInAsync("medewerker@example.nl")),
        };
        var handlers = await AppHandler.AllAsync(_app.Services);
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var failures = new List<string>();
        var requests = 0;
        var watch = Stopwatch.StartNew();

        // GETs first: they also hand every visitor an antiforgery token for the POSTs.
        foreach (var handler in handlers.OrderBy(h => h.Method == "POST"))
        {
            foreach (var url in await UrlsAsync(handler.Route, visitors))
            {
                // Anonymous requests to a page that needs a sign-in only meet the sign-in redirect.
                foreach (var visitor in visitors.Where(v => v.Email is not null || !handler.SignInRequired))
                {
                    if (handler.Method == "POST")
                    {
                        await visitor.EnsureTokenAsync(_app);
                    }

                    foreach (var request in Requests(handler, url, visitor, random))
                    {
                        requests++;
                        var uri = request.RequestUri!.OriginalString;
                        var who = $"{request.Method} {(uri.Length > 150 ? uri[..150] + "…" : uri)} as {visitor.Email ?? "anonymous"}";
                        HttpResponseMessage response;
                        try
                        {
                            response = await visitor.Client.SendAsync(request);
                        }
                        catch (Exception e) when (e is not OutOfMemoryException)
                        {
                            // The test server hands on what escaped the app, where a real server would answer 500.
                            failures.Add($"{who}: {e.GetType().Name}: {e.Message}");
                            continue;
                        }

                        if ((int)response.StatusCode >= 500)
                        {
                            failures.Add($"{who}: {(int)response.StatusCode}");
                        }

                        await visitor.AfterAsync(response, _app);
                    }
                }
            }
        }

        var missed = handlers.Select(h => h.Key).Except(_app.Recorder.Reached, StringComparer.Ordinal).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{handlers.Count} handlers found, {handlers.Count - missed.Count} reached by {requests} requests in {watch.Elapsed.TotalSeconds:F1} s (junk seed {seed})" +
            (missed.Count > 0 ? "; not reached: " + string.Join(", ", missed) : ""));
        Assert.True(failures.Count == 0, $"junk seed {seed}:\n" + string.Join("\n", failures));
        Assert.True(missed.Count == 0, "handlers no request reached: " + string.Join(", ", missed));
        Assert.All(KnownPages, page => Assert.Contains(handlers, h => h.Key.Split(' ')[1] == page));
        Assert.Contains(handlers, h => h.Key == "POST /taal");
    }

    // The route filled with an id of the scenario that the page shows someone, and with an id that does not exist.
    private async Task<List<string>> UrlsAsync(string route, Visitor[] visitors)
    {
        // A round step's address names it in words (/rondes/3/sluiten); every other parameter is a number.
        var path = StepParameter().Replace("/" + route.TrimStart('/'), "sluiten");
        if (!path.Contains('{', StringComparison.Ordinal))
        {
            return [path];
        }

        var ids = await _app.WithDbAsync(async db => (await db.Editions.Select(e => e.Id).ToListAsync())
            .Concat(await db.Ideas.Select(i => i.Id).ToListAsync())
            .Concat(await db.Themes.Select(t => t.Id).ToListAsync())
            .Concat(await db.Rounds.Select(r => r.Id).ToListAsync())
            .Concat([1, 2, 3, 4]).Distinct().ToList());
        var existing = new List<string>();
        foreach (var id in ids)
        {
            var url = Fill(path, id.ToString(CultureInfo.InvariantCulture));
            foreach (var visitor in visitors.Where(v => existing.Count == 0))
            {
                if ((await visitor.Client.GetAsync(url)).IsSuccessStatusCode)
                {
                    existing.Add(url);
                }
            }

            if (existing.Count > 0)
            {
                break;
            }
        }

        // No id gives a page (an endpoint only answers for a published round, say): try them all.
        return [.. existing.Count > 0 ? existing : ids.Select(id => Fill(path, id.ToString(CultureInfo.InvariantCulture))), Fill(path, "999999")];
    }

    private static string Fill(string path, string value) => RouteParameter().Replace(path, value);

    private static IEnumerable<HttpRequestMessage> Requests(AppHandler handler, string url, Visitor visitor, Random random)
    {
        var handlerQuery = handler.HandlerName is null ? "" : "handler=" + handler.HandlerName;
        foreach (var values in new Func<Type, string>[] { WrongType, Extreme })
        {
            var fields = handler.NonRouteFields.Select(f => (f.Name, f.Type, Value: values(f.Type))).ToList();
            var junk = Junk(handler, random, unbalanced: values == Extreme);
            if (handler.Method == "GET")
            {
                var query = string.Join("&", fields.Where(f => f.Type != typeof(IFormFile)).Select(f => (f.Name, f.Value)).Concat(junk)
                    .Select(f => $"{Uri.EscapeDataString(f.Name)}={Uri.EscapeDataString(f.Value)}").Prepend(handlerQuery).Where(s => s.Length > 0));
                yield return new HttpRequestMessage(HttpMethod.Get, url + "?" + query);
                continue;
            }

            var form = fields.Where(f => f.Type != typeof(IFormFile)).Select(f => (f.Name, f.Value)).Concat(junk).ToList();
            if (visitor.Token is { } token)
            {
                form.Add(("__RequestVerificationToken", token));
            }

            var target = url + (handlerQuery.Length > 0 ? "?" + handlerQuery : "");
            if (values == WrongType)
            {
                yield return new HttpRequestMessage(HttpMethod.Post, target) { Content = new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Name, f.Value))) };
                continue;
            }

            // Extreme values go as multipart, with a file that is no CSV, no image, nothing, wherever one is bound.
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in form)
            {
                multipart.Add(new StringContent(value), name);
            }

            foreach (var file in fields.Where(f => f.Type == typeof(IFormFile)))
            {
                var bytes = new ByteArrayContent([0xFF, 0xFE, 0x00, (byte)'"', (byte)';', (byte)'\n', 0x80]);
                bytes.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
                multipart.Add(bytes, file.Name, "junk.csv");
            }

            yield return new HttpRequestMessage(HttpMethod.Post, target) { Content = multipart };
        }
    }

    // Values model binding cannot turn into the field's type.
    private static string WrongType(Type type) => type switch
    {
        _ when type == typeof(string) => "<script>alert(1)</script>%00\u202E" + new string('x', 5000),
        _ when type == typeof(bool) => "misschien",
        _ when type == typeof(Guid) => "geen-guid",
        _ when type.IsEnum => "Hacker",
        _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(TimeOnly) => "gisteren",
        _ when type == typeof(decimal) || type == typeof(double) || type == typeof(float) => "€€€",
        _ => "abc",
    };

    // Values of the right type that no form would send.
    private static string Extreme(Type type) => type switch
    {
        _ when type == typeof(string) => "",
        _ when type == typeof(bool) => "true",
        _ when type == typeof(Guid) => Guid.Empty.ToString(),
        _ when type.IsEnum => "999",
        _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly) => "0001-01-01",
        _ when type == typeof(TimeOnly) => "23:59:59.9999999",
        _ when type == typeof(decimal) || type == typeof(double) || type == typeof(float) => "-1e30",
        _ when type == typeof(long) => long.MinValue.ToString(CultureInfo.InvariantCulture),
        _ => int.MinValue.ToString(CultureInfo.InvariantCulture),
    };

    // Fields the handler does not know, a second value for one it does, and (once) a name with an open bracket.
    private static List<(string Name, string Value)> Junk(AppHandler handler, Random random, bool unbalanced)
    {
        string Text(int length) => new([.. Enumerable.Range(0, length).Select(_ => (char)random.Next(0x20, 0x2FF))]);
        string Name(int length) => new([.. Enumerable.Range(0, length).Select(_ => (char)random.Next('a', 'z' + 1))]);
        var junk = new List<(string, string)> { (Name(6), Text(20)), ("Input." + Name(8), Text(5)) };
        if (unbalanced)
        {
            junk.Add(("[" + Name(3), "]"));
        }

        if (handler.NonRouteFields.FirstOrDefault() is { Name: { } name })
        {
            junk.Add((name, Text(random.Next(1, 40))));
        }

        return junk;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"\{step(:[^}]*)?\}")]
    private static partial Regex StepParameter();
}
