using System.Text.RegularExpressions;
using Burgerbegroting.Browser.Tests.Infrastructure;
using Xunit.Sdk;

namespace Burgerbegroting.Browser.Tests;

/// <summary>The helpers must be able to fail: a check that never fails proves nothing.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class HarnessTests(BrowserApp browser)
{
    [Fact]
    public Task Axe_reports_a_violation_with_its_id_and_target() => browser.RunAsync(async journey =>
    {
        var page = journey.Page;
        await page.GotoAsync("/");
        await page.EvaluateAsync("""
            () => {
              const img = document.createElement('img');
              img.id = 'zonder-alt';
              img.src = '/favicon.svg';
              document.querySelector('main').append(img);
            }
            """);

        var failure = await Assert.ThrowsAsync<XunitException>(() => Axe.AssertNoViolationsAsync(page, "a page with an image without alt text"));
        Assert.Contains("image-alt (critical)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("at #zonder-alt", failure.Message, StringComparison.Ordinal);
    });

    [Fact(Timeout = 60_000)]
    public Task Axe_fails_instead_of_hanging_on_a_page_without_javascript() => browser.RunOnOwnAppAsync(async journey =>
    {
        var page = journey.Page;
        await page.GotoAsync("/");
        var failure = await Assert.ThrowsAsync<XunitException>(() => Axe.AssertNoViolationsAsync(page, "a page without JavaScript"));
        Assert.Contains("axe did not finish on a page without JavaScript", failure.Message, StringComparison.Ordinal);
    }, javaScriptEnabled: false);

    [Fact]
    public async Task A_failed_journey_leaves_a_screenshot_and_the_html()
    {
        var failure = await Assert.ThrowsAsync<XunitException>(() => browser.RunAsync(async journey =>
        {
            var page = journey.Page;
            await page.GotoAsync("/account/inloggen");
            Assert.Fail("deliberate failure");
        }, "deliberate-failure"));

        Assert.Contains("deliberate failure", failure.Message, StringComparison.Ordinal);
        var screenshot = ScreenshotLine().Match(failure.Message).Groups[1].Value.Trim();
        var html = HtmlLine().Match(failure.Message).Groups[1].Value.Trim();
        try
        {
            Assert.EndsWith(".png", screenshot, StringComparison.Ordinal);
            Assert.True(new FileInfo(screenshot).Length > 1000, "the screenshot is empty");
            Assert.Contains("Wachtwoord", await File.ReadAllTextAsync(html, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(screenshot);
            File.Delete(html);
        }
    }

    [Fact]
    public async Task Page_log_fails_the_journey_on_invalid_html_and_names_the_page()
    {
        var failure = await Assert.ThrowsAsync<XunitException>(() => browser.RunAsync(async journey =>
        {
            await journey.Page.GotoAsync("/account/inloggen");
            await journey.Page.EvaluateAsync("() => document.querySelector('h1').setAttribute('foo', 'bar')");
            await journey.VisitedAsync("the sign-in page with a made-up attribute");
        }, "invalid-html"));

        var folder = HtmlFolder().Match(failure.Message).Groups[1].Value;
        try
        {
            Assert.Contains("The Nu HTML Checker found 1 error(s) in 1 saved pages", failure.Message, StringComparison.Ordinal);
            Assert.Contains("- the sign-in page with a made-up attribute (", failure.Message, StringComparison.Ordinal);
            Assert.Contains("/account/inloggen): ", failure.Message, StringComparison.Ordinal);
            Assert.Contains("“foo”", failure.Message, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder, "pages.txt")), "the saved pages stay for inspection: " + folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task Page_log_fails_the_journey_on_a_page_that_scrolls_sideways_at_320_px_and_names_what_sticks_out()
    {
        var failure = await Assert.ThrowsAsync<XunitException>(() => browser.RunAsync(async journey =>
        {
            await journey.Page.GotoAsync("/account/inloggen");
            await journey.Page.EvaluateAsync("() => { const p = document.createElement('p'); p.id = 'breed'; p.textContent = 'breed'; p.style.minWidth = '600px'; document.querySelector('h1').after(p); }");
            await journey.VisitedAsync("the sign-in page with a 600 px wide paragraph");
        }, "too-wide"));

        Assert.Contains("1 page state(s) scroll sideways at 320 px", failure.Message, StringComparison.Ordinal);
        Assert.Contains("the sign-in page with a 600 px wide paragraph (", failure.Message, StringComparison.Ordinal);
        Assert.Contains("p#breed", failure.Message, StringComparison.Ordinal);
        Directory.Delete(SavedIn().Match(failure.Message).Groups[1].Value, recursive: true);
    }

    [Fact(Timeout = 60_000)]
    public async Task Page_log_runs_axe_on_pages_from_a_browser_without_javascript()
    {
        var failure = await Assert.ThrowsAsync<XunitException>(() => browser.RunOnOwnAppAsync(async journey =>
        {
            // A page of the app's address with an image without alt text, as a browser without scripts gets it.
            await journey.Page.RouteAsync("**/kapot", route => route.FulfillAsync(new()
            {
                ContentType = "text/html; charset=utf-8",
                Body = "<!DOCTYPE html><html lang=\"nl\"><head><title>Kapot</title></head><body><main><h1>Kapot</h1><img id=\"zonder-alt\" src=\"/favicon.svg\"></main></body></html>",
            }));
            await journey.Page.GotoAsync("/kapot");
            await journey.VisitedAsync("a page without alt text");
        }, javaScriptEnabled: false, "axe-without-javascript"));

        Assert.Contains("axe found 1 WCAG A/AA violation(s) on a page without alt text (without JavaScript)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("at #zonder-alt", failure.Message, StringComparison.Ordinal);
        var folder = PagesFolder().Match(failure.Message).Groups[1].Value.Trim();
        File.Delete(ScreenshotLine().Match(failure.Message).Groups[1].Value.Trim());
        File.Delete(HtmlLine().Match(failure.Message).Groups[1].Value.Trim());
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Page_log_counts_a_page_with_another_id_as_the_same_page()
    {
        Assert.Equal("/ideeen/{id}", PageLog.Normalise("http://127.0.0.1:5000/ideeen/12"));
        Assert.Equal("/beheer/edities/{id}/rondes", PageLog.Normalise("http://127.0.0.1:5000/beheer/edities/3/rondes"));
        Assert.Equal("/uitslag/4", PageLog.Normalise("http://127.0.0.1:5000/uitslag/4"));
        Assert.Equal("/stemmen/verdeling", PageLog.Normalise("http://127.0.0.1:5000/stemmen/verdeling?handler=Preview"));
        Assert.Equal("/account/inloggen", PageLog.Normalise("http://127.0.0.1:5000/account/inloggen?returnUrl=%2Fselectie"));
    }

    [GeneratedRegex("^Screenshot: (.+)$", RegexOptions.Multiline)]
    private static partial Regex ScreenshotLine();

    [GeneratedRegex("^HTML: (.+)$", RegexOptions.Multiline)]
    private static partial Regex HtmlLine();

    [GeneratedRegex(@"saved pages \((.+?)\):")]
    private static partial Regex HtmlFolder();

    [GeneratedRegex(@"\(saved in (.+?)\):")]
    private static partial Regex SavedIn();

    [GeneratedRegex("pages it passed so far: (.+)$", RegexOptions.Multiline)]
    private static partial Regex PagesFolder();
}
