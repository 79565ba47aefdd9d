using System.Text.Encodings.Web;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace Burgerbegroting.Web.Infrastructure;

/// <summary>
/// Markdown from residents and staff, rendered safely (docs/rules.md, round 3): raw HTML is shown as text, links are limited to
/// http(s), mailto and site-relative addresses and carry rel="nofollow ugc", and images from other hosts are
/// replaced by their description. Text nested deeper than Markdig allows (">" ×129, "[" ×5000) is refused when it is
/// typed (<see cref="MarkdownTextAttribute"/>), and shown as plain text should such text be stored anyway.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseListExtras()
        .Build();

    public static IHtmlContent Render(string? markdown) => TryRender(markdown ?? "") ?? PlainText(markdown ?? "");

    /// <summary>Whether the text renders as Markdown; false when it is nested deeper than the parser allows.</summary>
    public static bool CanRender(string? markdown) => TryRender(markdown ?? "") is not null;

    private static HtmlString? TryRender(string markdown)
    {
        try
        {
            return RenderSafely(markdown);
        }
        catch (ArgumentException)
        {
            // Markdig's depth limit, in the parser or the renderer.
            return null;
        }
    }

    /// <summary>Paragraphs and line breaks kept, everything else as typed and HTML-encoded.</summary>
    private static HtmlString PlainText(string text)
    {
        var paragraphs = text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => "<p>" + string.Join("<br>", p.Split('\n').Select(HtmlEncoder.Default.Encode)) + "</p>");
        return new HtmlString(string.Concat(paragraphs));
    }

    private static HtmlString RenderSafely(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage ? !IsLocal(link.Url) : !IsAllowedLink(link.Url))
            {
                ReplaceWithText(link);
                continue;
            }

            if (!link.IsImage)
            {
                link.GetAttributes().AddPropertyIfNotExist("rel", "nofollow ugc");
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsAllowedLink(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
                continue;
            }

            autolink.GetAttributes().AddPropertyIfNotExist("rel", "nofollow ugc");
        }

        return new HtmlString(document.ToHtml(Pipeline));
    }

    private static bool IsAllowedLink(string? url) =>
        IsLocal(url) || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto");

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal);

    private static void ReplaceWithText(LinkInline link)
    {
        var text = string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
        link.ReplaceBy(new LiteralInline(text));
    }
}
