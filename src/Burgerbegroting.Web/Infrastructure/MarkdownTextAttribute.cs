using System.ComponentModel.DataAnnotations;

namespace Burgerbegroting.Web.Infrastructure;

/// <summary>Markdown that can be shown: refused, with a message next to the field, when it is nested too deeply to render.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class MarkdownTextAttribute : ValidationAttribute
{
    public MarkdownTextAttribute() => ErrorMessage = "Validation.MarkdownTooDeep";

    public override bool IsValid(object? value) => value is not string text || SafeMarkdown.CanRender(text);
}
