using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Xunit.Sdk;

namespace Burgerbegroting.Browser.Tests.Infrastructure;

/// <summary>
/// axe-core (vendor/axe.min.js) checks the page as it is in the browser against WCAG 2.0 and 2.1, levels A and AA.
/// It is evaluated through the DevTools protocol, so the app's Content-Security-Policy stays untouched.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vendor", "axe.min.js")));

    private const string Run = """
        async () => {
          const result = await window.axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
            resultTypes: ['violations'],
          });
          return JSON.stringify(result.violations.map(v => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            helpUrl: v.helpUrl,
            count: v.nodes.length,
            targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')),
            summary: v.nodes.length > 0 ? (v.nodes[0].failureSummary || '') : '',
          })));
        }
        """;

    /// <summary>Fails with every violation (id, impact, help, the first target selectors) when axe finds any.</summary>
    public static async Task AssertNoViolationsAsync(IPage page, string what)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object' && typeof window.axe.run === 'function'"))
        {
            await page.EvaluateAsync(Source.Value);
        }

        // axe.run is asynchronous and page.EvaluateAsync waits for it without a time limit. In a context with
        // JavaScriptEnabled = false the evaluation starts but the page's timers never fire, so it would wait forever:
        // a zero-delay timer tells quickly, and the run itself gets a limit too.
        await WithinAsync(page.EvaluateAsync<bool>("() => new Promise(resolve => setTimeout(() => resolve(true), 0))"), 2_000, page, what);
        var json = await WithinAsync(page.EvaluateAsync<string>(Run), BrowserApp.Timeout, page, what);
        var violations = JsonSerializer.Deserialize<Violation[]>(json);
        if (violations is null || violations.Length == 0)
        {
            return;
        }

        var message = new StringBuilder();
        message.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"axe found {violations.Length} WCAG A/AA violation(s) on {what} ({page.Url}):");
        foreach (var v in violations)
        {
            message.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"- {v.Id} ({v.Impact}): {v.Help} [{v.Count} element(s)] {v.HelpUrl}");
            foreach (var target in v.Targets)
            {
                message.AppendLine("    at " + target);
            }

            if (!string.IsNullOrWhiteSpace(v.Summary))
            {
                message.AppendLine("    " + v.Summary.ReplaceLineEndings(" "));
            }
        }

        throw new XunitException(message.ToString());
    }

    private static async Task<T> WithinAsync<T>(Task<T> evaluation, float milliseconds, IPage page, string what)
    {
        try
        {
            return await evaluation.WaitAsync(TimeSpan.FromMilliseconds(milliseconds));
        }
        catch (TimeoutException)
        {
            throw new XunitException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"axe did not finish on {what} ({page.Url}) within {milliseconds / 1000} s; it cannot run in a browser context with JavaScriptEnabled = false."));
        }
    }

    private sealed record Violation(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("impact")] string? Impact,
        [property: JsonPropertyName("help")] string Help,
        [property: JsonPropertyName("helpUrl")] string HelpUrl,
        [property: JsonPropertyName("count")] int Count,
        [property: JsonPropertyName("targets")] string[] Targets,
        [property: JsonPropertyName("summary")] string Summary);
}
