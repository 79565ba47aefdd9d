using System.Net;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Burgerbegroting.Web.Tests.Accounts;

public sealed class StaffAccessTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();

    public async ValueTask InitializeAsync()
    {
        await _app.CreateAsync("inwoner@example.nl", Roles.Resident);
        await _app.CreateAsync("netwerk@example.nl", Roles.Network, configure: u => { u.OrganisationName = "Buurtnetwerk Caberg"; u.ApprovedAt = DateTime.UtcNow; });
        await _app.CreateAsync("medewerker@example.nl", Roles.Staff);
        await _app.CreateAsync("beheerder@example.nl", Roles.Admin);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Every page under /beheer the app has, found from its routes, so a new staff page is covered too.</summary>
    private List<string> StaffPages()
    {
        _ = _app.Server;
        var sources = _app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var pages = sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText?.TrimStart('/'))
            .Where(p => p.StartsWith("/beheer", StringComparison.Ordinal) && !p.Contains('{', StringComparison.Ordinal))
            .Distinct().ToList();
        Assert.Contains("/beheer/medewerkers", pages);
        Assert.True(pages.Count >= 5, string.Join(", ", pages));
        return pages;
    }

    [Theory]
    [InlineData("inwoner@example.nl")]
    [InlineData("netwerk@example.nl")]
    public async Task Residents_and_networks_are_refused_on_every_staff_page(string email)
    {
        var client = await _app.SignInAsync(email);
        foreach (var page in StaffPages())
        {
            var response = await client.GetAsync(page);
            response.AssertRedirect("/account/geen-toegang");
            var post = await client.PostAsync(page, new FormUrlEncodedContent([]));
            Assert.True(post.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Redirect, $"POST {page}: {(int)post.StatusCode}");
        }

        var denied = await client.GetAsync("/account/geen-toegang");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var client = _app.CreateBrowserlessClient();
        foreach (var page in StaffPages())
        {
            (await client.GetAsync(page)).AssertRedirect("/account/inloggen");
        }
    }

    [Fact]
    public async Task Staff_see_staff_pages_but_only_an_admin_manages_staff()
    {
        var staff = await _app.SignInAsync("medewerker@example.nl");
        foreach (var page in StaffPages().Where(p => p != "/beheer/medewerkers"))
        {
            Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(page)).StatusCode);
        }

        (await staff.GetAsync("/beheer/medewerkers")).AssertRedirect("/account/geen-toegang");
        var admin = await _app.SignInAsync("beheerder@example.nl");
        foreach (var page in StaffPages())
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(page)).StatusCode);
        }
    }
}
