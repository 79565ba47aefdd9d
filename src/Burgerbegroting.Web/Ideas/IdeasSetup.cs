namespace Burgerbegroting.Web.Ideas;

public static class IdeasSetup
{
    /// <summary>Round 3: submitting ideas and staff's feasibility review, with the configured review reasons.</summary>
    public static WebApplicationBuilder AddIdeas(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IdeaBox>();
        builder.Services.AddScoped<IdeaReviews>();
        builder.Services.AddOptions<IdeaOptions>().Bind(builder.Configuration.GetSection(IdeaOptions.Section));
        return builder;
    }
}
