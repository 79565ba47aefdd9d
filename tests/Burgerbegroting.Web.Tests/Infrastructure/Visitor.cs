using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Burgerbegroting.Web.Tests.Infrastructure;

/// <summary>A client signed in as someone (or no one), with an antiforgery token once a page gave it one.</summary>
public sealed class Visitor(string? email, HttpClient client)
{
    private static readonly HtmlParser Parser = new();

    public string? Email { get; } = email;

    public HttpClient Client { get; private set; } = client;

    public string? Token { get; private set; }

    public async Task EnsureTokenAsync(AppFactory app)
    {
        if (Token is null)
        {
            await AfterAsync(await Client.GetAsync("/"), app);
        }
    }

    /// <summary>Keeps the token fresh, and signs in again when a handler (signing out, say) removed the sign-in cookie.</summary>
    public async Task AfterAsync(HttpResponseMessage response, AppFactory app)
    {
        var cookie = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).Cookie.Name;
        if (Email is not null && response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(cookie + "=;", StringComparison.Ordinal)))
        {
            Client = await app.SignInAsync(Email);
            Token = null;
        }

        if (Token is null && response.Content.Headers.ContentType?.MediaType == "text/html")
        {
            var page = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            Token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        }
    }
}
