using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Burgerbegroting.Web.Infrastructure;

/// <summary>
/// A request that no handler method of its page answers (PUT on a page with OnGet and OnPost, ?handler=unknown)
/// would render the page with nothing loaded: it gets 404 when the page answers its method under other handler
/// names, else 405 with the methods it does answer. Pages without handler methods (the error page) render as ever.
/// </summary>
public sealed class UnmatchedHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var handlers = context.ActionDescriptor.HandlerMethods;
        if (context.HandlerMethod is not null || handlers.Count == 0)
        {
            return next();
        }

        var request = context.HttpContext.Request;
        var method = HttpMethods.IsHead(request.Method) ? HttpMethods.Get : request.Method;
        if (handlers.Any(h => string.Equals(h.HttpMethod, method, StringComparison.OrdinalIgnoreCase)))
        {
            context.Result = new NotFoundResult();
            return Task.CompletedTask;
        }

        context.HttpContext.Response.Headers.Allow = string.Join(", ", handlers.Select(h => h.HttpMethod.ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal));
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
        return Task.CompletedTask;
    }
}
