using System.Globalization;
using System.Text.Json;

namespace Burgerbegroting.Browser.Tests.Infrastructure;

/// <summary>
/// WCAG 1.4.10 (reflow): at 320 CSS pixels wide a page shows everything without scrolling sideways. Tables may scroll
/// inside their own box (a focusable, named region), never the whole page. The check narrows the viewport, measures,
/// and puts the viewport back as it was, so the journey carries on at its own size.
/// </summary>
public static class Reflow
{
    public const int Width = 320;

    /// <summary>The page's width and, when it is too wide, the first elements reaching past the right edge.</summary>
    private const string Measure = """
        () => {
          const root = document.documentElement;
          const limit = root.clientWidth;
          const wide = [];
          if (root.scrollWidth > limit) {
            for (const el of document.body.querySelectorAll('*')) {
              // What scrolls inside a table's own box does not move the page.
              if (el.parentElement?.closest('.utrecht-table-container')) continue;
              const box = el.getBoundingClientRect();
              if (box.right > limit + 1 && box.width > 0) {
                wide.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '') + ' (' + Math.round(box.right) + 'px)');
                if (wide.length >= 8) break;
              }
            }
          }
          return JSON.stringify({ scrollWidth: root.scrollWidth, clientWidth: limit, wide });
        }
        """;

    /// <summary>What is wrong when the page, 320 px wide, is wider than its viewport (naming the elements that stick out); null when it fits.</summary>
    public static async Task<string?> ProblemAsync(IPage page, string what)
    {
        var before = page.ViewportSize;
        await page.SetViewportSizeAsync(Width, before?.Height ?? 900);
        try
        {
            var result = JsonSerializer.Deserialize<JsonElement>(await page.EvaluateAsync<string>(Measure));
            var scrollWidth = result.GetProperty("scrollWidth").GetInt32();
            var clientWidth = result.GetProperty("clientWidth").GetInt32();
            if (scrollWidth > clientWidth)
            {
                var wide = result.GetProperty("wide").EnumerateArray().Select(e => e.GetString());
                return string.Create(CultureInfo.InvariantCulture,
                    $"{what} ({page.Url}) is {scrollWidth} px wide at a {Width} px viewport ({clientWidth} px without scroll bar): it scrolls sideways (WCAG 1.4.10). Sticking out: {string.Join(", ", wide)}");
            }

            return null;
        }
        finally
        {
            if (before is not null)
            {
                await page.SetViewportSizeAsync(before.Width, before.Height);
            }
        }
    }
}
