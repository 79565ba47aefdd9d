using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Burgerbegroting.Web.Pages;

/// <summary>The friendly page for 404, 403 and unexpected errors; the status code stays what it was.</summary>
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public string TitleKey { get; private set; } = "Error.Title";
    public string TextKey { get; private set; } = "Error.Text";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (TitleKey, TextKey) = code switch
        {
            404 => ("Error.NotFound.Title", "Error.NotFound.Text"),
            403 => ("Error.Forbidden.Title", "Error.Forbidden.Text"),
            429 => ("Error.TooMany.Title", "Error.TooMany.Text"),
            >= 400 and < 500 => ("Error.BadRequest.Title", "Error.BadRequest.Text"),
            _ => ("Error.Title", "Error.Text"),
        };
        // The code is believed only when the status-code pages re-executed a real response, and a 500 only when an
        // exception was handled: someone who types /fout?code=abc gets a plain 404, not an error of their making.
        if (code is >= 400 and < 600 && HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            Response.StatusCode = code.Value;
        }
        else if (HttpContext.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
        else
        {
            (TitleKey, TextKey) = ("Error.NotFound.Title", "Error.NotFound.Text");
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
