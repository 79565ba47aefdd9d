using System.Globalization;
using Burgerbegroting.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.DataAnnotations;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Infrastructure.Startup;

public static class Languages
{
    public const string Dutch = "nl-NL";
    public const string English = "en-GB";
    public static readonly CultureInfo[] Supported = [new(Dutch), new(English)];

    /// <summary>Dutch by default (docs/qualities.md, "Language"); a cookie set by the language switch on every page chooses English.</summary>
    public static WebApplicationBuilder AddLanguages(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Dutch);
            options.SupportedCultures = Supported;
            options.SupportedUICultures = Supported;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        builder.Services.AddSingleton<IValidationAttributeAdapterProvider, AppValidationAttributeAdapterProvider>();
        return builder;
    }

    public static string Normalize(string? culture) =>
        culture is not null && culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Dutch;

    /// <summary>Model-binding messages ("the value is not valid") in the request's language.</summary>
    public static void LocalizeModelBinding(Microsoft.AspNetCore.Mvc.MvcOptions options, IStringLocalizerFactory factory)
    {
        var l = factory.Create(typeof(SharedResource));
        var m = options.ModelBindingMessageProvider;
        m.SetValueIsInvalidAccessor(v => l["Validation.ValueInvalid", v]);
        m.SetAttemptedValueIsInvalidAccessor((v, f) => l["Validation.ValueInvalid", v]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => l["Validation.ValueInvalid", v]);
        m.SetUnknownValueIsInvalidAccessor(f => l["Validation.ValueInvalidPlain"]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Validation.ValueInvalidPlain"]);
        m.SetValueMustNotBeNullAccessor(v => l["Validation.Required"]);
        m.SetMissingBindRequiredValueAccessor(f => l["Validation.Required"]);
        m.SetMissingKeyOrValueAccessor(() => l["Validation.Required"]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => l["Validation.Required"]);
        m.SetValueMustBeANumberAccessor(f => l["Validation.Number"]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => l["Validation.Number"]);
    }

    internal static IStringLocalizer Shared(this IStringLocalizerFactory factory) => factory.Create(typeof(SharedResource));
}
