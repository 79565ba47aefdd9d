using System.Text.RegularExpressions;
using Burgerbegroting.Browser.Tests.Infrastructure;
using Xunit.Sdk;

namespace Burgerbegroting.Browser.Tests;

/// <summary>The helpers must be able to fail: a check that never fails proves nothing.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class HarnessTests(BrowserApp browser)
{
    [Fact]
    public Task Axe_reports_a_violation_with_its_id_and_target() => browser.RunAsync(async page =>
    {
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
    public Task Axe_fails_instead_of_hanging_on_a_page_without_javascript() => browser.RunOnOwnAppAsync(async (page, _) =>
    {
        await page.GotoAsync("/");
        var failure = await Assert.ThrowsAsync<XunitException>(() => Axe.AssertNoViolationsAsync(page, "a page without JavaScript"));
        Assert.Contains("axe did not finish on a page without JavaScript", failure.Message, StringComparison.Ordinal);
    }, javaScriptEnabled: false);

    [Fact]
    public async Task A_failed_journey_leaves_a_screenshot_and_the_html()
    {
        var failure = await Assert.ThrowsAsync<XunitException>(() => browser.RunAsync(async page =>
        {
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

    [GeneratedRegex("^Screenshot: (.+)$", RegexOptions.Multiline)]
    private static partial Regex ScreenshotLine();

    [GeneratedRegex("^HTML: (.+)$", RegexOptions.Multiline)]
    private static partial Regex HtmlLine();
}
