using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Burgerbegroting.Web.Infrastructure.TagHelpers;

/// <summary>
/// Writes htmx attributes in their <c>data-hx-*</c> form, which htmx reads just as well and which is valid HTML (a bare
/// <c>hx-post</c> is an unknown attribute to the HTML standard). Pages keep writing <c>hx-post hx-page="…"</c>, so
/// Htmx.Net's tag helper still builds the URL from the page name; this one runs after it and renames what it wrote.
/// </summary>
[HtmlTargetElement("*", Attributes = "hx-*")]
public sealed class DataHxTagHelper : TagHelper
{
    private const string Prefix = "hx-";

    /// <summary>After every other tag helper, Htmx.Net's URL helper included.</summary>
    public override int Order => int.MaxValue;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        for (var i = 0; i < output.Attributes.Count; i++)
        {
            var attribute = output.Attributes[i];
            if (attribute.Name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                output.Attributes[i] = new TagHelperAttribute("data-" + attribute.Name, attribute.Value, attribute.ValueStyle);
            }
        }
    }
}
