using System.Net;
using AngleSharp.Html.Dom;
using UglyToad.PdfPig;

namespace Burgerbegroting.Web.Tests.Results;

/// <summary>Reading the edition report back: the rows of its tables on the page, and the lines of its PDF.</summary>
internal static class ReportReading
{
    /// <summary>The rows of a table under the heading with this id: the row header and the cells' text, " | " between.</summary>
    public static List<string> Rows(IHtmlDocument page, string id) =>
        [.. page.QuerySelectorAll($"section[aria-labelledby='{id}'] tbody tr, section[aria-labelledby='{id}'] tfoot tr")
            .Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent.Trim())))];

    /// <summary>The text of the section with this id (its heading, blocks and parts).</summary>
    public static string Section(IHtmlDocument page, string id) =>
        page.QuerySelector($"section[aria-labelledby='{id}']")?.TextContent ?? throw new InvalidOperationException($"no section {id}");

    public static async Task<byte[]> PdfAsync(HttpClient client, string url = "/2027/uitslag/verslag.pdf")
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>
    /// The PDF's text line by line, as PdfPig reads it: the words of each page grouped by their baseline, left to right,
    /// so a table row reads "Malberg &lt; 10 onbekend —".
    /// </summary>
    public static List<string> PdfLines(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().SelectMany(page => page.GetWords()
            .GroupBy(w => Math.Round(w.BoundingBox.Bottom))
            .OrderByDescending(g => g.Key)
            .Select(g => string.Join(' ', g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text))))];
    }
}
