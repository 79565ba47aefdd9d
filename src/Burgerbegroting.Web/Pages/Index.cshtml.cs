using System.Globalization;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting.Money;
using Burgerbegroting.Web.Editions;
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
        if (Edition is null)
        {
            return;
        }

        ChosenThemes = Edition.Themes.Where(t => t.Chosen).ToList();
        var open = Edition.Rounds.FirstOrDefault(r => r.Status == RoundStatus.Open);
        (NowKey, ActionUrl, ActionKey) = open?.Number switch
        {
            1 => ("Home.Now.Round1", "/stemmen/themas", "Home.Action.Round1"),
            2 => ("Home.Now.Round2", "/stemmen/verdeling", "Home.Action.Round2"),
            3 => ("Home.Now.Round3", "/ideeen/nieuw", "Home.Action.Round3"),
            4 => ("Home.Now.Round4", "/selectie", "Home.Action.Round4"),
            _ when Edition.Rounds.All(r => r.Status == RoundStatus.Published) => ("Home.Now.Done", null, null),
            _ when Edition.Rounds.Any(r => r.Status == RoundStatus.Closed) => ("Home.Now.Counting", null, null),
            _ => ("Home.Now.Waiting", null, null),
        };
    }

    public string Format(long euros) => EuroAmount.Format(euros, CultureInfo.CurrentUICulture);

    public string Badge(RoundStatus status) => status switch
    {
        RoundStatus.Open => "active",
        RoundStatus.Closed => "warning",
        RoundStatus.Published => "success",
        _ => "neutral",
    };
}
