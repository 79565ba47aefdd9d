using System.Globalization;
using AngleSharp.Html.Dom;
using Burgerbegroting.Data.Events;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Tests.Events;

/// <summary>Events and paper sheets typed in through the entry page, for tests about double entry.</summary>
public static class PaperScenario
{
    public static string EntryUrl(int eventId) => $"/beheer/bijeenkomsten/{eventId}/invoer";

    public static string DisputesUrl(int eventId) => $"/beheer/bijeenkomsten/{eventId}/geschillen";

    /// <summary>An event of round <paramref name="roundNumber"/>, made directly in the database.</summary>
    public static async Task<int> CreateEventAsync(this AppFactory app, int roundNumber, string name = "Buurtavond Malberg")
    {
        var roundId = await app.RoundIdAsync(roundNumber);
        return await app.WithDbAsync(async db =>
        {
            var editionId = await db.Rounds.Where(r => r.Id == roundId).Select(r => r.EditionId).SingleAsync();
            var ev = new VotingEvent { EditionId = editionId, RoundId = roundId, Name = name, Place = "Wijkcentrum Malberg", Date = new DateOnly(2027, 3, 12), CreatedAt = DateTime.UtcNow };
            db.VotingEvents.Add(ev);
            await db.SaveChangesAsync();
            return ev.Id;
        });
    }

    /// <summary>Round 2's fields: a percentage as typed per theme id.</summary>
    public static Dictionary<string, string> Shares(IReadOnlyList<int> themes, params string[] values) =>
        themes.Select((id, i) => (id, i)).ToDictionary(x => $"Input.Shares[{x.id}]", x => values[x.i]);

    /// <summary>Types one sheet on the entry page as a typist does: its number, then ticks (theme or idea ids) or percentages.</summary>
    public static async Task<HttpResponseMessage> EnterSheetAsync(this HttpClient typist, int eventId, int number,
        IEnumerable<int>? ticks = null, Dictionary<string, string>? shares = null, bool unreadable = false)
    {
        var page = await typist.GetDocumentAsync(EntryUrl(eventId));
        var fields = new Dictionary<string, string>(shares ?? []) { ["Input.Number"] = number.ToString(CultureInfo.InvariantCulture) };
        return await typist.SubmitSheetAsync(page, "main form", fields, ticks ?? [], unreadable);
    }

    /// <summary>Ticks the boxes (by value) and "unreadable" in the form, fills in the fields and submits it.</summary>
    public static Task<HttpResponseMessage> SubmitSheetAsync(this HttpClient client, IHtmlDocument page, string formSelector,
        Dictionary<string, string> fields, IEnumerable<int> ticks, bool unreadable = false, string? action = null)
    {
        var form = page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}'");
        foreach (var id in ticks)
        {
            var box = form.QuerySelector($"input[type=checkbox][name^='Input.'][value='{id}']") as IHtmlInputElement
                ?? throw new InvalidOperationException($"No box {id} on the form");
            box.IsChecked = true;
        }

        ((IHtmlInputElement)form.QuerySelector("input[name='Input.Unreadable']")!).IsChecked = unreadable;
        return client.SubmitAsync(page, fields, formSelector, overrideAction: action);
    }

    /// <summary>Follows a post/redirect/get and returns the page with its status message.</summary>
    public static async Task<IHtmlDocument> FollowAsync(this HttpClient client, HttpResponseMessage redirect, string expectedPath)
    {
        redirect.AssertRedirect(expectedPath);
        return await client.GetDocumentAsync(redirect.Location());
    }

    public static string Status(this IHtmlDocument page) => page.QuerySelector("main .utrecht-alert--ok")?.TextContent ?? "";
}
