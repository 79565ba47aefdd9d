using AngleSharp.Html.Dom;

namespace Burgerbegroting.Web.Tests.Infrastructure;

/// <summary>Staff move a round as on the pages: the step's link on the rounds page, then the button on its confirmation page.</summary>
public static class RoundSteps
{
    /// <summary>The confirmation page behind the link of <paramref name="step"/> ("openen", "sluiten", "publiceren") on the rounds page, and its address.</summary>
    public static async Task<(IHtmlDocument Page, string Url)> RoundStepPageAsync(this HttpClient staff, string roundsUrl, string step)
    {
        var rounds = await staff.GetDocumentAsync(roundsUrl);
        var url = rounds.QuerySelector($"main a[href$='/{step}']")?.GetAttribute("href")
            ?? throw new InvalidOperationException($"no link to '{step}' on {roundsUrl}: {rounds.QuerySelector("main")!.TextContent}");
        return (await staff.GetDocumentAsync(url), url);
    }

    /// <summary>Follows the step's link and confirms it.</summary>
    public static async Task<HttpResponseMessage> RoundStepAsync(this HttpClient staff, string roundsUrl, string step)
    {
        var (page, url) = await staff.RoundStepPageAsync(roundsUrl, step);
        return await staff.SubmitAsync(page, new Dictionary<string, string>(), "main form", url);
    }
}
