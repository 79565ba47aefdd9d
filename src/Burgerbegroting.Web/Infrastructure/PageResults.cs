using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Burgerbegroting.Web.Infrastructure;

/// <summary>The two ways a form's POST ends: the page again with its messages and a status, or done and on to a page.</summary>
public static class PageResults
{
    /// <summary>The page again with its messages: bad input (400), not allowed (403), in conflict with the state of things (409).</summary>
    public static PageResult PageWithStatus(this PageModel page, int statusCode)
    {
        page.Response.StatusCode = statusCode;
        return page.Page();
    }

    /// <summary>Post/redirect/get: the message shows on the next page; without a page name, this page again.</summary>
    public static RedirectToPageResult Done(this PageModel page, string message, object? routeValues = null, string? pageName = null)
    {
        page.TempData["Status"] = message;
        return page.RedirectToPage(pageName, routeValues);
    }

    /// <summary>A check a form's attributes cannot make: the message goes next to <paramref name="key"/> unless it holds.</summary>
    public static bool Require(this ModelStateDictionary state, bool condition, string key, string message)
    {
        if (!condition)
        {
            state.AddModelError(key, message);
        }

        return condition;
    }
}
