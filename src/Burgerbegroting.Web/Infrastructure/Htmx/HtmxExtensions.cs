using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Burgerbegroting.Web.Infrastructure.Htmx;

/// <summary>
/// The ~40 lines of Htmx.Net we need (that package is not on our package source): recognise an htmx request and
/// answer it with a fragment, everything else with the full page (STYLE.md points 5 and 6).
/// </summary>
public static class HtmxExtensions
{
    public static bool IsHtmx(this HttpRequest request) =>
        request.Headers.ContainsKey("HX-Request") && !request.Headers.ContainsKey("HX-Boosted");

    public static bool IsHtmx(this PageModel page) => page.Request.IsHtmx();

    /// <summary>A fragment for htmx, the whole page otherwise; caches must keep the two apart.</summary>
    public static IActionResult FragmentOrPage(this PageModel page, string partialName, object? model = null)
    {
        page.Response.Headers.Append("Vary", "HX-Request");
        return page.Request.IsHtmx() ? page.Partial(partialName, model ?? page) : page.Page();
    }

    /// <summary>After a successful htmx POST that should land on another page (htmx follows HX-Redirect).</summary>
    public static IActionResult RedirectForHtmxOrPlain(this PageModel page, string url)
    {
        if (page.Request.IsHtmx())
        {
            page.Response.Headers["HX-Redirect"] = url;
            return new NoContentResult();
        }

        return new RedirectResult(url);
    }
}
