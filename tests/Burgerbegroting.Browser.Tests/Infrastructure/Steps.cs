using System.Globalization;
using System.Text.RegularExpressions;
using Burgerbegroting.Web.Tests.Infrastructure;

namespace Burgerbegroting.Browser.Tests.Infrastructure;

/// <summary>Small steps many journeys take, through the pages like a person would.</summary>
public static partial class Steps
{
    /// <summary>Signs in through the form (in Dutch) and waits until the page says so.</summary>
    public static async Task SignInAsync(IPage page, string email, string password = TestAccounts.Password)
    {
        await page.GotoAsync("/account/inloggen");
        await page.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" })).ToBeVisibleAsync();
    }

    /// <summary>
    /// A round's step as staff take it: its link on the rounds page ("Ronde 1 sluiten"), then the button of that name on
    /// the page that says what will happen; <paramref name="journey"/> records that page when given.
    /// </summary>
    public static async Task RoundStepAsync(IPage staff, string name, Journey? journey = null)
    {
        await staff.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        var confirm = staff.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });
        await Expect(confirm).ToBeVisibleAsync();
        if (journey is not null)
        {
            await journey.VisitedAsync(staff, $"staff: confirm \"{name}\"");
        }

        await confirm.ClickAsync();
    }

    /// <summary>The link in a mail that contains <paramref name="pathPart"/>, checked to point at this app.</summary>
    public static string Link(ReceivedMail mail, string pathPart, Uri app)
    {
        var link = Assert.Single(mail.Links(), l => l.Contains(pathPart, StringComparison.Ordinal));
        Assert.StartsWith(app.GetLeftPart(UriPartial.Authority), link, StringComparison.Ordinal);
        return link;
    }

    /// <summary>Whole euros from a text such as "€ 1.500.000" or "€1,500,000".</summary>
    public static long Euros(string text) => long.Parse(NotDigit().Replace(text, ""), CultureInfo.InvariantCulture);

    /// <summary>The number in the address, such as the 12 of /ideeen/12.</summary>
    public static int IdFrom(string url, string pathBefore)
    {
        var match = Regex.Match(new Uri(url).AbsolutePath, Regex.Escape(pathBefore) + @"(\d+)");
        Assert.True(match.Success, $"no id after {pathBefore} in {url}");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    public static Task<bool> IsFocusedAsync(ILocator locator) =>
        locator.EvaluateAsync<bool>("element => element === document.activeElement");

    /// <summary>Presses Tab until <paramref name="target"/> has the focus; fails with the tab stops on the way if it never does.</summary>
    public static async Task TabToAsync(IPage page, ILocator target, int maxStops = 40)
    {
        var stops = new List<string>();
        for (var i = 0; i < maxStops && !await IsFocusedAsync(target); i++)
        {
            await page.Keyboard.PressAsync("Tab");
            stops.Add(await page.EvaluateAsync<string>("() => { const e = document.activeElement; return e ? (e.id || e.textContent || e.tagName).trim().slice(0, 40) : ''; }"));
        }

        Assert.True(await IsFocusedAsync(target), "Tab never reached the element; tab stops: " + string.Join(" | ", stops));
    }

    [GeneratedRegex(@"\D")]
    private static partial Regex NotDigit();
}
