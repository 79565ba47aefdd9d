using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;

namespace Burgerbegroting.Web.Tests.Site;

/// <summary>htmx as the layout sets it up: its configuration, the antiforgery token on htmx requests and the script that sends it.</summary>
public sealed class HtmxTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_htmx_config_allows_only_same_origin_requests_and_neither_script_tags_nor_eval()
    {
        var config = Config(await _app.CreateBrowserlessClient().GetDocumentAsync("/"));

        Assert.True(config.GetProperty("selfRequestsOnly").GetBoolean());
        Assert.False(config.GetProperty("allowScriptTags").GetBoolean());
        Assert.False(config.GetProperty("allowEval").GetBoolean());
        Assert.False(config.GetProperty("includeIndicatorStyles").GetBoolean());
    }

    [Fact]
    public async Task An_htmx_post_without_the_antiforgery_token_is_refused_and_with_the_token_from_the_config_accepted()
    {
        await _app.CreateEditionAsync();
        await _app.OpenRoundThreeAsync();
        await _app.CreateAsync("htmx@example.nl", Roles.Resident);
        var client = await _app.SignInAsync("htmx@example.nl");
        var page = await client.GetDocumentAsync("/ideeen/nieuw");
        var antiforgery = Config(page).GetProperty("antiForgery");
        var previewUrl = page.QuerySelector("#Input_Description")!.GetAttribute("data-hx-post")!;

        using var bare = HtmxPost(previewUrl);
        var without = await client.SendAsync(bare);
        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);

        // As the antiforgery script does: the token from the config in the configured header, no form field.
        using var request = HtmxPost(previewUrl);
        request.Headers.Add(antiforgery.GetProperty("headerName").GetString()!, antiforgery.GetProperty("requestToken").GetString());
        var with = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        Assert.Contains("<h1>Kop</h1>", await with.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_antiforgery_script_comes_from_the_app_itself_so_the_content_security_policy_lets_it_run()
    {
        var client = _app.CreateBrowserlessClient();
        var home = await client.GetAsync("/");
        var csp = home.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        var scripts = (await Forms.ParseAsync(home)).QuerySelectorAll("script").Select(s => s.GetAttribute("src")).ToList();
        Assert.All(scripts, src => Assert.True(src is not null && src.StartsWith('/') && !src.StartsWith("//", StringComparison.Ordinal), $"script from elsewhere or inline: {src}"));
        Assert.Contains("/_htmx/antiforgery.js", scripts);

        var script = await client.GetAsync("/_htmx/antiforgery.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("htmx:configRequest", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(script.Headers.CacheControl?.MaxAge > TimeSpan.Zero, "the script should be cached, not fetched on every page");
    }

    [Fact]
    public async Task An_htmx_request_gets_the_fragment_and_a_boosted_or_malformed_one_the_whole_page()
    {
        var client = _app.CreateBrowserlessClient();
        foreach (var (boosted, fragment) in new[] { ((string?)null, true), ("true", false), ("banaan", false) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/ideeen");
            request.Headers.Add("HX-Request", "true");
            if (boosted is not null)
            {
                request.Headers.Add("HX-Boosted", boosted);
            }

            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(fragment != html.Contains("<html", StringComparison.Ordinal), $"HX-Boosted: {boosted ?? "(none)"}");
        }
    }

    [Fact]
    public async Task Htmx_attributes_are_written_in_their_valid_data_hx_form_with_the_url_of_the_page_handler()
    {
        await _app.CreateEditionAsync();
        await _app.OpenRoundTwoAsync();
        await _app.CreateAsync("htmx@example.nl", Roles.Resident);
        var resident = await _app.SignInAsync("htmx@example.nl");
        var budget = await resident.GetDocumentAsync("/stemmen/verdeling");
        var ideas = await _app.CreateBrowserlessClient().GetDocumentAsync("/ideeen");

        foreach (var page in new[] { budget, ideas })
        {
            var bare = page.All.SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("hx-", StringComparison.Ordinal)).Select(a => a.Name).ToList();
            Assert.True(bare.Count == 0, $"{page.Url}: bare htmx attributes {string.Join(", ", bare)}");
        }

        Assert.Equal("/stemmen/verdeling?handler=Remaining", budget.QuerySelector(".bb-split")!.GetAttribute("data-hx-post"));
        Assert.Equal("#remaining", budget.QuerySelector(".bb-split")!.GetAttribute("data-hx-target"));
        Assert.Equal("/ideeen", ideas.QuerySelector("form.bb-filters")!.GetAttribute("data-hx-get"));
        Assert.Equal("true", ideas.QuerySelector("form.bb-filters")!.GetAttribute("data-hx-push-url"));
    }

    private static HttpRequestMessage HtmxPost(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Description"] = "# Kop" }),
        };
        request.Headers.Add("HX-Request", "true");
        return request;
    }

    private static JsonElement Config(IHtmlDocument page) =>
        JsonDocument.Parse(page.QuerySelector("meta[name=htmx-config]")!.GetAttribute("content")!).RootElement;
}
