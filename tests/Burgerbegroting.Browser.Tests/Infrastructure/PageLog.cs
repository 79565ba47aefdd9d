using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Burgerbegroting.Web.Tests.Infrastructure;
using Xunit.Sdk;

namespace Burgerbegroting.Browser.Tests.Infrastructure;

/// <summary>
/// The gates every page of a journey passes: <see cref="RecordAsync"/> runs axe-core on the page as the browser shows
/// it, checks that it has a title of its own and fits 320 px without scrolling sideways, and saves its HTML into the
/// journey's folder; <see cref="AssertValidHtmlAsync"/> then runs the Nu HTML Checker once over that folder (it takes
/// seconds to start, so never once per page) and reports every page that did not fit or had no title of its own, all at once.
/// </summary>
public sealed partial class PageLog(string folder, Func<Task<IPage>> checker)
{
    private readonly List<Entry> _entries = [];
    private readonly List<string> _problems = [];

    public string Folder { get; } = folder;

    /// <summary>How many page states were checked (the same page after a change counts again).</summary>
    public int Count => _entries.Count;

    /// <summary>The distinct pages, as paths with ids replaced by {id}: /ideeen/12 and /ideeen/13 are one page.</summary>
    public IReadOnlyCollection<string> DistinctPages => _entries.Select(e => e.Page).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Checks the page with axe and keeps its HTML for the Nu HTML Checker. In a browser without JavaScript axe cannot
    /// run in the page itself, so the same HTML, without its scripts, is shown in a page that can run it, at the same
    /// address (so the stylesheets load as they did).
    /// </summary>
    public async Task RecordAsync(IPage page, string what, bool scriptsRun)
    {
        var html = await page.ContentAsync();
        var index = _entries.Count + 1;
        var file = Path.Combine(Folder, string.Create(CultureInfo.InvariantCulture, $"{index:000}-{Slug(what)}.html"));
        await File.WriteAllTextAsync(file, html);
        _entries.Add(new Entry(index, what, page.Url, Normalise(page.Url), Path.GetFileName(file)));

        AddIfAny(_problems, TitleProblem(await page.TitleAsync(), what, page.Url));
        if (scriptsRun)
        {
            await Axe.AssertNoViolationsAsync(page, what);
            AddIfAny(_problems, await Reflow.ProblemAsync(page, what));
            return;
        }

        var replay = await checker();
        var url = page.Url;
        var withoutScripts = ScriptElement().Replace(html, "");
        await replay.RouteAsync(u => u == url, route => route.FulfillAsync(new()
        {
            Status = 200,
            ContentType = "text/html; charset=utf-8",
            Body = withoutScripts,
        }), new() { Times = 1 });
        await replay.GotoAsync(url);
        await Axe.AssertNoViolationsAsync(replay, what + " (without JavaScript)");
        AddIfAny(_problems, await Reflow.ProblemAsync(replay, what + " (without JavaScript)"));
    }

    private static void AddIfAny(List<string> list, string? problem)
    {
        if (problem is not null)
        {
            list.Add(problem);
        }
    }

    /// <summary>WCAG 2.4.2: the title names the page before the site ("Idee: Speeltuin · Burgerbegroting").</summary>
    private static string? TitleProblem(string title, string what, string url) =>
        (title.EndsWith(" · Burgerbegroting", StringComparison.Ordinal) || title.EndsWith(" · Citizens' budget", StringComparison.Ordinal))
        && !title.StartsWith(" · ", StringComparison.Ordinal)
            ? null
            : $"{what} ({url}) has the title \"{title}\", not a title of its own followed by the site's name (WCAG 2.4.2).";

    /// <summary>Fails with every error the Nu HTML Checker finds, each with the page it is on, and every page that did not fit 320 px or lacked its own title.</summary>
    public async Task AssertValidHtmlAsync()
    {
        if (_entries.Count == 0)
        {
            return;
        }

        if (_problems.Count > 0)
        {
            throw new XunitException($"{_problems.Count} page state(s) scroll sideways at {Reflow.Width} px or lack a title of their own (saved in {Folder}):\n- " + string.Join("\n- ", _problems));
        }

        await File.WriteAllLinesAsync(Path.Combine(Folder, "pages.txt"), _entries.Select(e => $"{e.File}\t{e.What}\t{e.Url}"));
        var errors = await HtmlChecker.ErrorsAsync(Folder);
        if (errors.Count == 0)
        {
            return;
        }

        var message = new StringBuilder();
        message.AppendLine(CultureInfo.InvariantCulture, $"The Nu HTML Checker found {errors.Count} error(s) in {_entries.Count} saved pages ({Folder}):");
        foreach (var error in errors.Take(60))
        {
            var entry = _entries.FirstOrDefault(e => error.Contains(e.File, StringComparison.Ordinal));
            message.AppendLine(entry is null ? "- " + error : $"- {entry.What} ({entry.Url}): {error[(error.IndexOf(entry.File, StringComparison.Ordinal) + entry.File.Length)..].TrimStart('"', ':')}");
        }

        throw new XunitException(message.ToString());
    }

    public string Summary() =>
        string.Create(CultureInfo.InvariantCulture, $"{Count} page states checked by axe-core (WCAG 2.1 A/AA), the Nu HTML Checker, for a title of their own and for reflow at 320 px, {DistinctPages.Count} distinct pages: ")
        + string.Join(", ", DistinctPages.Order(StringComparer.Ordinal));

    /// <summary>
    /// The page a URL is: its path with ids as {id}. The query is left out: a form posted to ?handler=Preview or
    /// ?handler=Publish shows the same page in another state.
    /// </summary>
    public static string Normalise(string url) => Id().Replace(new Uri(url).AbsolutePath, "/{id}");

    private static string Slug(string what)
    {
        var slug = NotWordish().Replace(what.ToLowerInvariant(), "-").Trim('-');
        return slug.Length > 60 ? slug[..60] : slug;
    }

    private sealed record Entry(int Index, string What, string Url, string Page, string File);

    [GeneratedRegex(@"<script\b[^>]*>.*?</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptElement();

    /// <summary>A number in the path is an id, except a round's number in /uitslag/1, /uitslag/2 and /uitslag/4 (other pages).</summary>
    [GeneratedRegex(@"(?<!/uitslag)/\d+(?=/|$)")]
    private static partial Regex Id();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NotWordish();
}
