using System.Net;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Burgerbegroting.Web.Tests.Site;

/// <summary>
/// The app as deployed behind a reverse proxy (README, "Deployment"): served by Kestrel on loopback, so the requests
/// really come from a proxy's address and carry the proxy's X-Forwarded-* headers.
/// </summary>
public sealed class DeploymentTests : IAsyncLifetime
{
    private readonly AppFactory _app = new AppFactory().With("RateLimits:SignInPerMinute", "3");
    private Uri _address = null!;

    public ValueTask InitializeAsync()
    {
        _app.UseKestrel(0);
        _app.StartServer();
        _address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _address };

    private async Task<HttpStatusCode> SignInAttemptAsync(string clientAddress)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/inloggen") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        using var client = Client();
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task Rate_limits_count_per_resident_behind_the_proxy_not_for_the_proxy_as_a_whole()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAttemptAsync("203.0.113.7"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAttemptAsync("203.0.113.7"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAttemptAsync("198.51.100.23"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAttemptAsync("2001:db8::42"));
    }

    [Fact]
    public async Task Https_at_the_proxy_makes_cookies_secure_and_sends_hsts()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/inloggen");
        request.Headers.Host = "burgerbegroting.example";
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var client = Client();

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Plain_http_without_the_proxy_header_sets_no_secure_cookie_and_no_hsts()
    {
        using var client = Client();

        var response = await client.GetAsync("/account/inloggen");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>Links in mails never come from a request's Host header (README, "Deployment").</summary>
public sealed class PublicAddressTests
{
    [Fact]
    public async Task A_deployment_without_a_public_address_refuses_to_start_and_says_why()
    {
        var folder = TestEnvironment.NewTempDirectory("no-public-url");

        var (exit, output) = await AppProcess.RunAsync(folder, new Dictionary<string, string>
        {
            ["Email__PublicBaseUrl"] = "",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        });

        Assert.NotEqual(0, exit);
        Assert.Contains("Email:PublicBaseUrl", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_reset_asked_for_with_a_forged_host_mails_a_link_to_the_public_address()
    {
        await using var smtp = await SmtpSink.StartNewAsync();
        await using var app = new AppFactory(smtpPort: smtp.Port).With("Email:PublicBaseUrl", "https://burgerbegroting.maastricht.example");
        await app.CreateAsync("inwoner@example.nl", Burgerbegroting.Data.Accounts.Roles.Resident);
        var client = app.CreateBrowserlessClient();
        var page = await client.GetDocumentAsync("/account/wachtwoord-vergeten");
        client.DefaultRequestHeaders.Host = "evil.example";

        await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = "inwoner@example.nl" }, pageUrl: "/account/wachtwoord-vergeten");

        var mail = await smtp.WaitForMailAsync("inwoner@example.nl");
        Assert.All(mail.Links(), link => Assert.StartsWith("https://burgerbegroting.maastricht.example/", link, StringComparison.Ordinal));
        Assert.DoesNotContain("evil.example", mail.Text, StringComparison.Ordinal);
    }
}
