using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Burgerbegroting.Web.Pages;

/// <summary>
/// The friendly page for 404, 403 and unexpected errors; the status code stays what it was. It has no handler methods
/// and binds nothing, so it answers any method without antiforgery and never reads the body: a request re-executed
/// here for an unreadable form (a 400) still carries that body.
/// </summary>
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public string TitleKey { get; private set; } = "Error.Title";
    public string TextKey { get; private set; } = "Error.Text";

    [NonHandler]
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        // The code comes from the status-code pages (a real response re-executed here), and a 500 only when an
        // exception was handled: someone who types /fout?code=403 gets a plain 404, not an error of their making.
        var code = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode;
        if (code is null && HttpContext.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            code = StatusCodes.Status500InternalServerError;
        }

        Response.StatusCode = code is >= 400 and < 600 ? code.Value : StatusCodes.Status404NotFound;
        (TitleKey, TextKey) = Response.StatusCode switch
        {
            404 => ("Error.NotFound.Title", "Error.NotFound.Text"),
            403 => ("Error.Forbidden.Title", "Error.Forbidden.Text"),
            429 => ("Error.TooMany.Title", "Error.TooMany.Text"),
            >= 400 and < 500 => ("Error.BadRequest.Title", "Error.BadRequest.Text"),
            _ => ("Error.Title", "Error.Text"),
        };
    }
}
