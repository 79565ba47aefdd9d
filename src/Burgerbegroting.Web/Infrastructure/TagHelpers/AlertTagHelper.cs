using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Burgerbegroting.Web.Infrastructure.TagHelpers;

/// <summary>
/// An NL Design System alert: <c>&lt;bb-alert type="ok"&gt;…&lt;/bb-alert&gt;</c>. Errors are announced at once
/// (role="alert"); the other kinds politely (role="status").
/// </summary>
[HtmlTargetElement("bb-alert")]
public sealed class AlertTagHelper : TagHelper
{
    /// <summary>info, ok, warning or error.</summary>
    public string Type { get; set; } = "info";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        var extra = output.Attributes.TryGetAttribute("class", out var cls) ? " " + cls.Value : "";
        output.Attributes.SetAttribute("class", $"utrecht-alert utrecht-alert--{Type}{extra}");
        output.Attributes.SetAttribute("role", Type == "error" ? "alert" : "status");
        output.Content.AppendHtml("<div class=\"utrecht-alert__content\"><div class=\"utrecht-alert__message\">");
        output.Content.AppendHtml(content);
        output.Content.AppendHtml("</div></div>");
    }
}
