using System.Net;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace Burgerbegroting.Web.Tests.Site;

/// <summary>The page after an unexpected error (a 500): in the visitor's language, with that language on the html element.</summary>
public sealed class ErrorPageTests : IAsyncLifetime
{
    private readonly AppFactory _app = new AppFactory().WithServices(s => s.Configure<MvcOptions>(o => o.Filters.Add(new BrokenIdeasPage())));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(null, "nl", "Er ging iets mis")]
    [InlineData("c=en-GB|uic=en-GB", "en", "Something went wrong")]
    public async Task The_page_after_a_server_error_speaks_the_visitors_language_and_says_so_in_its_lang(string? cultureCookie, string lang, string heading)
    {
        var client = _app.CreateBrowserlessClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ideeen");
        if (cultureCookie is not null)
        {
            request.Headers.Add("Cookie", ".AspNetCore.Culture=" + Uri.EscapeDataString(cultureCookie));
        }

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        Assert.Contains(heading, page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>Stands in for a bug: the ideas page throws before it renders.</summary>
    private sealed class BrokenIdeasPage : IPageFilter
    {
        public void OnPageHandlerSelected(PageHandlerSelectedContext context)
        {
        }

        public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
        {
            if (context.HttpContext.Request.Path == "/ideeen")
            {
                throw new InvalidOperationException("a bug on the ideas page");
            }
        }

        public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
        {
        }
    }
}
