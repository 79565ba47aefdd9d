using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace Burgerbegroting.Web.Infrastructure;

/// <summary>
/// Every string bound from a form, query or route loses its NUL characters: no text anyone types holds one, and
/// PostgreSQL refuses them in text (22021), where SQLite and SQL Server would store them. One binder for every field,
/// so a new form cannot forget it.
/// </summary>
public sealed class NulFreeStringBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var source = context.BindingInfo.BindingSource;
        var fromRequest = source is null || source == BindingSource.Form || source == BindingSource.Query
            || source == BindingSource.Path || source == BindingSource.ModelBinding || source == BindingSource.Custom;
        return context.Metadata.ModelType == typeof(string) && fromRequest
            ? new NulFreeStringBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()))
            : null;
    }

    private sealed class NulFreeStringBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (bindingContext.Result.Model is string text && text.Contains('\0', StringComparison.Ordinal))
            {
                var clean = text.Replace("\0", "", StringComparison.Ordinal);
                bindingContext.Result = ModelBindingResult.Success(clean);
                bindingContext.ModelState.SetModelValue(bindingContext.ModelName, clean, clean);
            }
        }
    }
}
