using Burgerbegroting.Web.Infrastructure;

namespace Burgerbegroting.Web.Tests.Site;

/// <summary>Markdown from residents and staff renders harmless (docs/rules.md, round 3): no raw HTML, no script, nofollow links.</summary>
public sealed class SafeMarkdownTests
{
    private static string Html(string markdown) => SafeMarkdown.Render(markdown).ToString()!;

    [Fact]
    public void Script_tags_and_raw_html_are_shown_as_text()
    {
        var html = Html("Hallo <script>alert(1)</script> en <img src=x onerror=alert(2)> <b>vet</b>");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[klik](javascript:alert(1))")]
    [InlineData("[klik](JAVASCRIPT:alert(1))")]
    [InlineData("[klik](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[klik](vbscript:msgbox)")]
    [InlineData("<javascript:alert(1)>")]
    public void Dangerous_links_lose_their_address(string markdown)
    {
        var html = Html(markdown);
        Assert.DoesNotContain("href", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<a", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordinary_links_are_kept_and_marked_nofollow_ugc()
    {
        var html = Html("Zie [de gemeente](https://www.gemeentemaastricht.nl) en https://example.org en [thema](/themas/1)");
        Assert.Contains("<a href=\"https://www.gemeentemaastricht.nl\" rel=\"nofollow ugc\">de gemeente</a>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org\" rel=\"nofollow ugc\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/themas/1\" rel=\"nofollow ugc\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Images_from_other_hosts_become_their_description()
    {
        var html = Html("![een bankje](https://tracker.example/pixel.png)");
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("een bankje", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Emphasis_lists_and_headings_still_work()
    {
        var html = Html("# Kop\n\n* een\n* **twee**");
        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.Contains("<li>een</li>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>twee</strong>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(129, ">", "x")]
    [InlineData(5000, "[", "")]
    [InlineData(3000, "- ", "x")]
    public void Markdown_nested_deeper_than_the_parser_allows_is_refused_and_renders_as_escaped_plain_text(int times, string unit, string end)
    {
        var markdown = string.Concat(Enumerable.Repeat(unit, times)) + end + "\n\n<script>alert(1)</script>";
        Assert.False(SafeMarkdown.CanRender(markdown));
        var html = Html(markdown);
        Assert.StartsWith("<p>", html, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(unit.Trim()), html, StringComparison.Ordinal);
        Assert.Contains("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordinary_nesting_still_renders_as_markdown()
    {
        var markdown = string.Concat(Enumerable.Repeat(">", 20)) + " citaat\n\n- een\n  - twee";
        Assert.True(SafeMarkdown.CanRender(markdown));
        Assert.Contains("<blockquote>", Html(markdown), StringComparison.Ordinal);
    }
}
