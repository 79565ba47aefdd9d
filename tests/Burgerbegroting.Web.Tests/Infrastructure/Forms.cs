using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Burgerbegroting.Web.Tests.Infrastructure;

/// <summary>
/// Reads a page like a browser without JavaScript would: parse its HTML, fill in a form, submit it with the
/// antiforgery field the form carries (as ASP.NET Identity's functional tests do).
/// </summary>
public static class Forms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>GETs <paramref name="url"/>, fills the form that matches <paramref name="formSelector"/> and POSTs it.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string url, IDictionary<string, string> fields, string formSelector = "main form")
    {
        var document = await client.GetDocumentAsync(url);
        return await client.SubmitAsync(document, fields, formSelector, url);
    }

    /// <summary>Like pressing a submit button with its own formaction: the form's fields go to <paramref name="target"/>.</summary>
    public static Task<HttpResponseMessage> SubmitToAsync(this HttpClient client, IHtmlDocument document, IDictionary<string, string> fields, string formSelector, string target) =>
        client.SubmitAsync(document, fields, formSelector, pageUrl: null, overrideAction: target);

    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlDocument document, IDictionary<string, string> fields, string formSelector = "main form", string? pageUrl = null, string? overrideAction = null)
    {
        var form = document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on the page");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements.OfType<IHtmlInputElement>())
        {
            if (string.IsNullOrEmpty(element.Name) || fields.ContainsKey(element.Name))
            {
                continue;
            }

            if (element.Type is "checkbox" or "radio" ? element.IsChecked : element.Type != "submit")
            {
                values.Add(new(element.Name, element.Value));
            }
        }

        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
        var action = form.GetAttribute("action");
        var target = overrideAction ?? (string.IsNullOrEmpty(action) ? pageUrl ?? document.Url : action);
        return await client.PostAsync(target, new FormUrlEncodedContent(values));
    }

    public static string Location(this HttpResponseMessage response) =>
        response.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"No redirect: status {(int)response.StatusCode}");

    public static void AssertRedirect(this HttpResponseMessage response, string expectedPathStart)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"expected a redirect to {expectedPathStart}, got {(int)response.StatusCode}");
        var location = new Uri(new Uri("http://localhost"), response.Location());
        Assert.StartsWith(expectedPathStart, location.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }
}
