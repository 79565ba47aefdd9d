using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Web.Pages;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Events;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Tests.Site;

/// <summary>
/// What an attacker or an unlucky user sends, to every page handler the app's endpoint data lists (so a new handler
/// is covered without being named here), as each kind of visitor: hostile values in every field (empty, NUL, numbers
/// that overflow, negative, formatted, very long, deeply nested Markdown), no fields at all, bodies no form reader can read, handlers and
/// methods that do not exist. Whatever comes back, it is never a 5xx, on SQLite and on PostgreSQL.
/// </summary>
public sealed partial class NoServerErrorSweepTests
{
    private const string Resident = "bewoner@example.nl";
    private const string Staff = "beheerder@example.nl";
    private const string Token = "__RequestVerificationToken";

    /// <summary>Marks a staff form posted with every field empty or missing: it must be refused (4xx) or do nothing harmful (a redirect).</summary>
    private static readonly HttpRequestOptionsKey<bool> EmptyStaffForm = new("empty-staff-form");

    /// <summary>Values sent in every field at once, one kind per request.</summary>
    public static readonly string[] HostileValues =
    [
        "",
        "a\0b",
        int.MaxValue.ToString(CultureInfo.InvariantCulture),
        "99999999999999999999999",
        "-1",
        "€ 1.500,-",
        new string('ä', 5000),
        new string('>', 129) + "x",
        new string('[', 5000),
        string.Concat(Enumerable.Repeat("- ", 3000)),
    ];

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Hostile_requests_to_every_page_handler_never_give_a_5xx(TestDatabase database)
    {
        await using var app = new RecordingAppFactory(database);
        var ids = await SetUpAsync(app);
        var visitors = new[]
        {
            new Visitor(null, app.CreateBrowserlessClient()),
            new Visitor(Resident, await app.SignInAsync(Resident)),
            new Visitor(Staff, await app.SignInAsync(Staff)),
        };
        var handlers = await AppHandler.AllAsync(app.Services);
        var failures = new List<string>();
        var acceptedEmpty = new List<string>();
        var requests = 0;
        var watch = Stopwatch.StartNew();

        foreach (var page in handlers.Where(h => h.Key.Contains(" /", StringComparison.Ordinal)).GroupBy(h => h.Key.Split(' ')[1]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var url = await UrlAsync(app, page.First().Route, ids, visitors);
            foreach (var visitor in VisitorsFor(page.Key, page.First().SignInRequired, visitors))
            {
                await visitor.EnsureTokenAsync(app);
                var sent = page.SelectMany(h => Requests(h, url, visitor, ids)).Concat(PageRequests(url, visitor));
                foreach (var request in sent)
                {
                    requests++;
                    await SendAsync(app, visitor, request, failures, acceptedEmpty);
                }
            }
        }

        var missed = handlers.Select(h => h.Key).Except(app.Recorder.Reached, StringComparer.Ordinal).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{database}: {handlers.Count} handlers ({handlers.Count - missed.Count} reached), {requests} requests, {failures.Count} answered 5xx, in {watch.Elapsed.TotalSeconds:F1} s; not reached: {string.Join(", ", missed)}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests failed:\n" + string.Join("\n", failures.Take(200)));
        Assert.True(acceptedEmpty.Count == 0, "staff forms that took empty or missing fields as a success:\n" + string.Join("\n", acceptedEmpty));
        Assert.Contains(handlers, h => h.Key == $"POST {PageRoutes.VoteBudget} Remaining");
        Assert.Contains(handlers, h => h.Key == $"POST {PageRoutes.AdminEditionThemes} Save");
    }

    /// <summary>An edition in round 2 with an event for paper sheets, an idea and texts of stored nested Markdown, a resident and a beheerder.</summary>
    private static async Task<List<int>> SetUpAsync(AppFactory app)
    {
        await app.CreateEditionAsync();
        await app.CreateAsync(Resident, Roles.Resident);
        await app.CreateAsync(Staff, Roles.Admin);
        await app.OpenRoundTwoAsync();
        await app.CreateEventAsync(2);
        var nested = new string('>', 129) + "x";
        var resident = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == Resident));
        await app.WithDbAsync(async db =>
        {
            var edition = await db.Editions.Include(e => e.Buurten).Include(e => e.Themes).SingleAsync();
            edition.Introduction = nested;
            edition.Themes.ForEach(t => t.Body = nested);
            db.Ideas.Add(new Idea
            {
                EditionId = edition.Id, ThemeId = edition.Themes[0].Id, BuurtId = edition.Buurten[0].Id, Title = "Diep", Summary = "Diep",
                Description = nested, EstimatedCost = 1000, SubmitterId = resident.Id, Status = IdeaStatus.Submitted,
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        return await app.WithDbAsync(async db => (await db.Editions.Select(e => e.Id).ToListAsync())
            .Concat(await db.Themes.Select(t => t.Id).ToListAsync())
            .Concat(await db.Ideas.Select(i => i.Id).ToListAsync())
            .Concat(await db.VotingEvents.Select(v => v.Id).ToListAsync())
            .Concat(await db.Rounds.Select(r => r.Id).ToListAsync())
            .Distinct().ToList());
    }

    // Staff pages only to staff (others meet the authorization wall, which the staff-access tests cover); pages that
    // need a sign-in to those signed in; the rest to everyone.
    private static IEnumerable<Visitor> VisitorsFor(string page, bool signInRequired, Visitor[] visitors) =>
        page.StartsWith(PageRoutes.AdminFolder + "/", StringComparison.Ordinal) ? visitors.Where(v => v.Email == Staff)
        : signInRequired ? visitors.Where(v => v.Email is not null)
        : visitors;

    // The route filled with the first scenario id that gives someone the page (an edition, idea, event...).
    private static async Task<string> UrlAsync(AppFactory app, string route, List<int> ids, Visitor[] visitors)
    {
        var path = "/" + route.TrimStart('/');
        if (!path.Contains('{', StringComparison.Ordinal))
        {
            return path;
        }

        foreach (var id in ids)
        {
            var url = RouteParameter().Replace(path, id.ToString(CultureInfo.InvariantCulture));
            foreach (var visitor in visitors)
            {
                var response = await visitor.Client.GetAsync(url);
                await visitor.AfterAsync(response, app);
                if (response.IsSuccessStatusCode)
                {
                    return url;
                }
            }
        }

        return RouteParameter().Replace(path, ids[0].ToString(CultureInfo.InvariantCulture));
    }

    private static async Task SendAsync(AppFactory app, Visitor visitor, HttpRequestMessage request, List<string> failures, List<string> acceptedEmpty)
    {
        var uri = request.RequestUri!.OriginalString;
        var what = $"{request.Method} {(uri.Length > 120 ? uri[..120] + "…" : uri)} ({request.Content?.Headers.ContentType?.MediaType ?? "no body"}, {request.Content?.Headers.ContentLength ?? 0} bytes) as {visitor.Email ?? "anonymous"}";
        try
        {
            var response = await visitor.Client.SendAsync(request);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{what}: {(int)response.StatusCode}");
            }

            if (request.Options.TryGetValue(EmptyStaffForm, out var empty) && empty && response.IsSuccessStatusCode)
            {
                acceptedEmpty.Add($"{what}: {(int)response.StatusCode}");
            }

            await visitor.AfterAsync(response, app);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The test server hands on what escaped the app, where a real server would answer 500.
            failures.Add($"{what}: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
        }
    }

    /// <summary>Each hostile value in every field the handler binds, then bodies no form reader can read.</summary>
    private static IEnumerable<HttpRequestMessage> Requests(AppHandler handler, string url, Visitor visitor, List<int> ids)
    {
        var target = url + (handler.HandlerName is null ? "" : "?handler=" + handler.HandlerName);
        var names = handler.NonRouteFields.Where(f => f.Type != typeof(IFormFile)).SelectMany(f => Names(f.Name, ids)).Distinct().ToList();
        foreach (var value in HostileValues)
        {
            var fields = names.Select(n => (n, value)).ToList();
            if (handler.Method == "GET")
            {
                yield return new HttpRequestMessage(HttpMethod.Get, Query(target, fields));
                continue;
            }

            yield return Marked(Post(target, new FormUrlEncodedContent(WithToken(fields, visitor).Select(f => KeyValuePair.Create(f.Item1, f.Item2)))), value.Length == 0 && IsStaff(handler));
        }

        if (handler.Method == "POST")
        {
            var token = visitor.Token ?? "";
            yield return Marked(Post(target, new FormUrlEncodedContent(WithToken([], visitor).Select(f => KeyValuePair.Create(f.Item1, f.Item2)))), IsStaff(handler));
            yield return Post(target, Raw("application/x-www-form-urlencoded", $"{names.FirstOrDefault() ?? "x"}=a\0b&{Token}={Uri.EscapeDataString(token)}"));
            yield return Post(target, Raw("application/x-www-form-urlencoded",
                string.Join("&", Enumerable.Range(0, 1100).Select(i => $"f{i}=1").Append($"{Token}={Uri.EscapeDataString(token)}"))));
            yield return Post(target, Raw("multipart/form-data; boundary=zzz", $"--zzz\r\nContent-Disposition: form-data; name=\"{Token}\"\r\n\r\n{token}\r\n--zzz\r\nContent-Disp"));
            yield return Post(target, Raw("multipart/form-data", "--zzz\r\n\r\nx"));
        }
    }

    /// <summary>Once per page: handlers and methods it does not have, and a value over the form reader's 4 MB.</summary>
    private static IEnumerable<HttpRequestMessage> PageRequests(string url, Visitor visitor)
    {
        var form = WithToken([("x", "1")], visitor);
        yield return new HttpRequestMessage(HttpMethod.Get, url + "?handler=bestaatniet");
        yield return Post(url + "?handler=bestaatniet", new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Item1, f.Item2))));
        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete })
        {
            yield return new HttpRequestMessage(method, url) { Content = new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Item1, f.Item2))) };
        }

        yield return Post(url, Raw("application/x-www-form-urlencoded", $"{Token}={Uri.EscapeDataString(visitor.Token ?? "")}&big={new string('x', (4 * 1024 * 1024) + 10)}"));
    }

    // A dictionary field ("Shares[1]") once for every id of the scenario, so sums over real keys are reached.
    private static IEnumerable<string> Names(string name, List<int> ids) =>
        name.EndsWith("[1]", StringComparison.Ordinal) ? ids.Select(id => name[..^3] + $"[{id.ToString(CultureInfo.InvariantCulture)}]")
        : name.EndsWith("[x]", StringComparison.Ordinal) ? []
        : [name];

    private static List<(string, string)> WithToken(IEnumerable<(string, string)> fields, Visitor visitor) =>
        [.. fields, .. visitor.Token is { } token ? new[] { (Token, token) } : []];

    private static string Query(string target, IEnumerable<(string Name, string Value)> fields) =>
        target + (target.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Name)}={Uri.EscapeDataString(f.Value)}"));

    // Staff forms that save; the live previews htmx posts while someone types (a sheet's running total) show, not save.
    private static bool IsStaff(AppHandler handler) =>
        handler.Key.Split(' ')[1].StartsWith(PageRoutes.AdminFolder + "/", StringComparison.Ordinal) && handler.HandlerName is not ("Total" or "Preview" or "Remaining" or "Usage");

    private static HttpRequestMessage Marked(HttpRequestMessage request, bool emptyStaffForm)
    {
        request.Options.Set(EmptyStaffForm, emptyStaffForm);
        return request;
    }

    private static HttpRequestMessage Post(string target, HttpContent content) => new(HttpMethod.Post, target) { Content = content };

    private static ByteArrayContent Raw(string contentType, string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
