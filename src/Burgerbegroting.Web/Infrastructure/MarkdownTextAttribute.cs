using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Infrastructure;

/// <summary>Markdown that can be shown: refused, with a message next to the field, when it is nested too deeply to render.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class MarkdownTextAttribute : ValidationAttribute
{
    public MarkdownTextAttribute() => ErrorMessage = "Validation.MarkdownTooDeep";

    public override bool IsValid(object? value) => value is not string text || SafeMarkdown.CanRender(text);
}

/// <summary>
/// The framework's adapters, plus one for <see cref="MarkdownTextAttribute"/>: MVC translates an attribute's message
/// only through an adapter, so without one the message would show as its resource key.
/// </summary>
public sealed class AppValidationAttributeAdapterProvider : IValidationAttributeAdapterProvider
{
    private readonly ValidationAttributeAdapterProvider _framework = new();

    public IAttributeAdapter? GetAttributeAdapter(ValidationAttribute attribute, IStringLocalizer? stringLocalizer) =>
        attribute is MarkdownTextAttribute markdown ? new MarkdownTextAdapter(markdown, stringLocalizer) : _framework.GetAttributeAdapter(attribute, stringLocalizer);

    private sealed class MarkdownTextAdapter(MarkdownTextAttribute attribute, IStringLocalizer? stringLocalizer)
        : AttributeAdapterBase<MarkdownTextAttribute>(attribute, stringLocalizer)
    {
        public override void AddValidation(ClientModelValidationContext context)
        {
        }

        public override string GetErrorMessage(ModelValidationContextBase validationContext) =>
            GetErrorMessage(validationContext.ModelMetadata, validationContext.ModelMetadata.GetDisplayName());
    }
}
