using System.Net;
using System.Text.RegularExpressions;
using Burgerbegroting.Web.Infrastructure;
using Burgerbegroting.Web.Pages;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Burgerbegroting.Web.Tests.Site;

/// <summary>
/// One route table: every page answers at the Dutch URL the table gives it and nowhere else, and links name pages
/// through the table instead of writing URLs by hand.
/// </summary>
public sealed partial class RouteTableTests : IAsyncLifetime
{
    private static readonly string Web = Path.Combine(SiteTests.RepositoryRoot(), "src", "Burgerbegroting.Web");
    private readonly AppFactory _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void Every_page_has_exactly_the_one_route_the_table_gives_it()
    {
        var routes = _app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<PageActionDescriptor>()
            .Select(p => (Page: p.ViewEnginePath, Template: "/" + p.AttributeRouteInfo!.Template))
            .OrderBy(r => r.Page, StringComparer.Ordinal).ToList();
        var table = PageRoutes.Templates.Select(e => (Page: e.Key, Template: e.Value))
            .OrderBy(r => r.Page, StringComparer.Ordinal).ToList();
        Assert.True(routes.Count > 30, $"found only {routes.Count} page routes");
        Assert.Equal(table, routes);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/ideeen")]
    [InlineData("/stemmen/themas")]
    [InlineData("/stemmen/verdeling")]
    [InlineData("/selectie")]
    [InlineData("/account/inloggen")]
    [InlineData("/account/registreren")]
    [InlineData("/account/registreren/controleer-je-email")]
    [InlineData("/account/wachtwoord-vergeten")]
    [InlineData("/themas/1")]
    public async Task An_anonymous_page_answers_at_its_Dutch_URL(string url)
    {
        await _app.CreateEditionAsync();
        var response = await _app.CreateBrowserlessClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/Voting/Themes")]
    [InlineData("/Ideas")]
    [InlineData("/Ideas/Index")]
    [InlineData("/Index")]
    [InlineData("/Admin")]
    [InlineData("/Admin/StaffAccounts")]
    [InlineData("/Account/Login")]
    [InlineData("/Error")]
    public async Task A_folder_URL_does_not_answer(string url)
    {
        var response = await _app.CreateBrowserlessClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void A_page_missing_from_the_table_is_refused_by_name()
    {
        var convention = new RouteTableConvention(new Dictionary<string, string> { ["/Index"] = "/" });
        var error = Assert.Throws<InvalidOperationException>(() => convention.Apply(new PageRouteModel("/Pages/Nowhere.cshtml", "/Nowhere", areaName: null)));
        Assert.Contains("/Nowhere", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_entry_without_a_page_is_found_by_name()
    {
        var table = new Dictionary<string, string> { ["/Index"] = "/", ["/Gone"] = "/weg" };
        Assert.Equal(["/Gone"], RouteTableConvention.Orphans(table, ["/Index", "/Other"]));
    }

    [Fact]
    public void A_page_in_the_table_replaces_its_folder_routes_with_the_table_s()
    {
        var model = new PageRouteModel("/Pages/Ideas/Index.cshtml", "/Ideas/Index", areaName: null);
        model.Selectors.Add(new SelectorModel { AttributeRouteModel = new AttributeRouteModel { Template = "Ideas/Index" } });
        model.Selectors.Add(new SelectorModel { AttributeRouteModel = new AttributeRouteModel { Template = "Ideas" } });
        new RouteTableConvention(PageRoutes.Templates).Apply(model);
        Assert.Equal("ideeen", Assert.Single(model.Selectors).AttributeRouteModel!.Template);
    }

    [Fact]
    public void No_view_writes_a_link_to_an_app_URL_by_hand()
    {
        var views = Directory.EnumerateFiles(Web, "*.cshtml", SearchOption.AllDirectories).Where(NotBuildOutput).ToList();
        Assert.True(views.Count > 40, $"found only {views.Count} views");
        var handWritten = views
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: Path.GetRelativePath(Web, f), Line: i + 1, Text: line)))
            .Where(l => HandWrittenLink().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(handWritten.Count == 0, string.Join("\n", handWritten));
    }

    [Fact]
    public void Page_names_are_written_only_in_the_route_table()
    {
        var literals = Directory.EnumerateFiles(Web, "*.cs", SearchOption.AllDirectories).Where(NotBuildOutput)
            .Where(f => Path.GetFileName(f) != "PageRoutes.cs")
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: Path.GetRelativePath(Web, f), Line: i + 1, Text: line)))
            .Where(l => PageNameLiteral().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(literals.Count == 0, string.Join("\n", literals));
    }

    private static bool NotBuildOutput(string path) =>
        !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    /// <summary>
    /// A root-relative URL written into a link, form or htmx attribute (href="/ideeen", hx-post="/..."), or a page name
    /// written by hand (asp-page="/Ideas/Index"). Static files go through "~/" and external links start with a scheme.
    /// </summary>
    [GeneratedRegex(@"\b(href|action|formaction|hx-(get|post|put|patch|delete)|asp-page|hx-page)\s*=\s*[""']/")]
    private static partial Regex HandWrittenLink();

    /// <summary>A page name in a string: "/Ideas/Details", "/Account/Login", "/Index".</summary>
    [GeneratedRegex(@"""/(Index|Error|Account|Admin|Email|Ideas|Results|Themes|Voting)\b")]
    private static partial Regex PageNameLiteral();
}
