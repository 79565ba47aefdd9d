namespace Burgerbegroting.Web.Selection;

public static class SelectionSetup
{
    /// <summary>Round 4: computing the winners per theme; the open data is mapped by <see cref="OpenData"/>.</summary>
    public static WebApplicationBuilder AddSelection(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SelectionCalculator>();
        return builder;
    }
}
