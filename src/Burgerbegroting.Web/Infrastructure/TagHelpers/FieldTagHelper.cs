using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Burgerbegroting.Web.Infrastructure.TagHelpers;

/// <summary>
/// One form field the NL Design System way: label, optional description, the error message next to the field,
/// and the input wired to both with aria-describedby / aria-invalid. <c>&lt;bb-field for="Input.Email" type="email" /&gt;</c>
/// </summary>
[HtmlTargetElement("bb-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    /// <summary>text, email, password, number, tel, textarea or select.</summary>
    public string Type { get; set; } = "text";

    public string? Autocomplete { get; set; }
    public string? Description { get; set; }
    public string? Inputmode { get; set; }
    public int Rows { get; set; } = 6;
    public bool Required { get; set; }

    /// <summary>Shown but not editable (a bool, so a false value never renders the attribute).</summary>
    public bool Readonly { get; set; }

    /// <summary>For a select that cannot be changed; its value is then not posted.</summary>
    public bool Disabled { get; set; }

    /// <summary>For type="select".</summary>
    public IEnumerable<SelectListItem>? Items { get; set; }

    /// <summary>Extra attributes for the input itself, such as data-hx-* for a live preview.</summary>
    [HtmlAttributeName(DictionaryAttributePrefix = "input-")]
    public IDictionary<string, string?> InputAttributes { get; set; } = new Dictionary<string, string?>(StringComparer.Ordinal);

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var state = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry : null;
        var errors = state?.Errors.Select(e => e.ErrorMessage).Where(m => !string.IsNullOrEmpty(m)).ToList() ?? [];
        var value = state?.AttemptedValue ?? For.Model?.ToString() ?? "";
        if (Type == "password")
        {
            value = "";
        }

        var label = For.Metadata.GetDisplayName();
        var describedBy = new List<string>();
        var enc = HtmlEncoder.Default;

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", errors.Count > 0 ? "utrecht-form-field utrecht-form-field--invalid" : "utrecht-form-field");
        var html = output.Content;
        html.AppendHtml($"<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" for=\"{id}\">{enc.Encode(label)}</label></div>");
        if (!string.IsNullOrEmpty(Description))
        {
            describedBy.Add(id + "-description");
            html.AppendHtml($"<div class=\"utrecht-form-field-description utrecht-form-field__description\" id=\"{id}-description\">{enc.Encode(Description)}</div>");
        }

        if (errors.Count > 0)
        {
            describedBy.Add(id + "-error");
            html.AppendHtml($"<div class=\"utrecht-form-field-error-message utrecht-form-field__error-message\" id=\"{id}-error\">");
            html.AppendHtml(string.Join("<br>", errors.Select(enc.Encode)));
            html.AppendHtml("</div>");
        }

        var attributes = new List<string> { $"id=\"{id}\"", $"name=\"{enc.Encode(name)}\"" };
        if (describedBy.Count > 0)
        {
            attributes.Add($"aria-describedby=\"{string.Join(' ', describedBy)}\"");
        }

        if (errors.Count > 0)
        {
            attributes.Add("aria-invalid=\"true\"");
        }

        if (Required || For.Metadata.IsRequired && Type != "select")
        {
            attributes.Add("required");
        }

        if (Readonly)
        {
            attributes.Add("readonly");
        }

        if (Disabled)
        {
            attributes.Add("disabled");
        }

        if (Autocomplete is not null)
        {
            attributes.Add($"autocomplete=\"{enc.Encode(Autocomplete)}\"");
        }

        if (Inputmode is not null)
        {
            attributes.Add($"inputmode=\"{enc.Encode(Inputmode)}\"");
        }

        attributes.AddRange(InputAttributes.Where(a => a.Value is not null).Select(a => $"{a.Key}=\"{enc.Encode(a.Value!)}\""));
        var invalid = errors.Count > 0 ? " utrecht-textbox--invalid" : "";
        var size = Autocomplete == "postal-code" ? " utrecht-textbox--postal-code-nl-size" : Inputmode == "numeric" ? " utrecht-textbox--numeric" : Type == "password" ? " utrecht-textbox--password" : "";
        var attrs = string.Join(' ', attributes);
        html.AppendHtml("<div class=\"utrecht-form-field__input\">");
        html.AppendHtml(Type switch
        {
            "textarea" => $"<textarea class=\"utrecht-textarea utrecht-textarea--html-textarea{invalid.Replace("textbox", "textarea", StringComparison.Ordinal)}\" rows=\"{Rows}\" {attrs}>{enc.Encode(value)}</textarea>",
            "select" => Select(attrs, value, invalid),
            _ => $"<input class=\"utrecht-textbox utrecht-textbox--html-input{size}{invalid}\" type=\"{enc.Encode(Type)}\" value=\"{enc.Encode(value)}\" {attrs}>",
        });
        html.AppendHtml("</div>");
    }

    private string Select(string attrs, string value, string invalid)
    {
        var enc = HtmlEncoder.Default;
        var options = (Items ?? []).Select(i =>
            $"<option value=\"{enc.Encode(i.Value)}\"{(i.Value == value ? " selected" : "")}>{enc.Encode(i.Text)}</option>");
        return $"<select class=\"utrecht-select utrecht-select--html-select{invalid.Replace("textbox", "select", StringComparison.Ordinal)}\" {attrs}>{string.Concat(options)}</select>";
    }
}
