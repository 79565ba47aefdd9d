using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Burgerbegroting.Web.Infrastructure.Htmx;

/// <summary>The one place that decides between an htmx fragment and the whole page, on Htmx.Net's request helpers.</summary>
public static class HtmxPageExtensions
{
    /// <summary>htmx swaps part of the page; a boosted request (hx-boost) replaces the whole body, like a plain visit.</summary>
    public static bool WantsFragment(this PageModel page)
    {
        try
        {
            return page.Request.IsHtmxNonBoosted();
        }
        catch (FormatException)
        {
            // Htmx.Net reads HX-Boosted as a bool and throws on anything else (htmx itself only sends "true"):
            // such a request gets the whole page, as any plain visit does, rather than a 500.
            return false;
        }
    }

    /// <summary>A fragment for htmx, the whole page otherwise; caches must keep the two apart (Vary: HX-Request).</summary>
    public static IActionResult FragmentOrPage(this PageModel page, string partialName, object? model = null)
    {
        page.Response.Htmx(h => h.WithVary());
        return page.WantsFragment() ? page.Partial(partialName, model ?? page) : page.Page();
    }
}
