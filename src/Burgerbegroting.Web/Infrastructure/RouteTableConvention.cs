using Burgerbegroting.Web.Pages;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Burgerbegroting.Web.Infrastructure;

/// <summary>
/// Gives each page the one URL <see cref="PageRoutes"/> lists for it, replacing the URL its folder and file would
/// give, so /Voting/Themes does not answer beside /stemmen/themas.
/// </summary>
public sealed class RouteTableConvention(IReadOnlyDictionary<string, string> table) : IPageRouteModelConvention
{
    public void Apply(PageRouteModel model)
    {
        if (!table.TryGetValue(model.ViewEnginePath, out var template))
        {
            throw new InvalidOperationException($"Page {model.ViewEnginePath} has no entry in the route table (PageRoutes).");
        }

        model.Selectors.Clear();
        // Cleaned the way the framework cleans an @page template: "/ideeen" becomes "ideeen", "/" becomes "".
        model.Selectors.Add(new SelectorModel { AttributeRouteModel = new AttributeRouteModel { Template = AttributeRouteModel.CombineTemplates(null, template) } });
    }

    /// <summary>Builds every page's routes now, so a page without an entry, or an entry without a page, stops the app at startup.</summary>
    public static void Verify(IServiceProvider services, IReadOnlyDictionary<string, string> table)
    {
        var pages = services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<PageActionDescriptor>().Select(p => p.ViewEnginePath);
        var orphans = Orphans(table, pages);
        if (orphans.Count > 0)
        {
            throw new InvalidOperationException($"The route table (PageRoutes) lists pages that do not exist: {string.Join(", ", orphans)}.");
        }
    }

    public static IReadOnlyList<string> Orphans(IReadOnlyDictionary<string, string> table, IEnumerable<string> pages) =>
        table.Keys.Except(pages, StringComparer.Ordinal).ToList();
}
