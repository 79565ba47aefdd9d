using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Editions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Burgerbegroting.Web.Pages;

/// <summary>Where the process stands, what each round is, and what to do now.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public Edition? Edition { get; private set; }
    public IReadOnlyList<Theme> ChosenThemes { get; private set; } = [];
    public string NowKey { get; private set; } = "Home.Now.Waiting";
    public string? ActionUrl { get; private set; }
    public string? ActionKey { get; private set; }

    public async Task OnGetAsync()
    {
        Edition = await db.CurrentAsync();
        if (Edition is not null)
        {
            ChosenThemes = [.. Edition.Themes.Where(t => t.Chosen)];
            (NowKey, ActionUrl, ActionKey) = Now(Edition);
        }
    }

    /// <summary>The open round's call to action; else whether everything is done, results are being counted, or we wait.</summary>
    private (string Key, string? Url, string? ActionKey) Now(Edition edition)
    {
        if (edition.Rounds.FirstOrDefault(r => r.Status == RoundStatus.Open) is { } open)
        {
            var page = RoundPages.Of(open.Kind);
            return (page.NowKey, Url.Page(page.ActionPage), page.ActionKey);
        }

        return edition.Rounds.All(r => r.Status == RoundStatus.Published) ? ("Home.Now.Done", null, null)
            : edition.Rounds.Any(r => r.Status == RoundStatus.Closed) ? ("Home.Now.Counting", null, null)
            : ("Home.Now.Waiting", null, null);
    }

    public static string Badge(RoundStatus status) => status switch
    {
        RoundStatus.Open => "active",
        RoundStatus.Closed => "warning",
        RoundStatus.Published => "success",
        _ => "neutral",
    };
}
