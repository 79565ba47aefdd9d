namespace Burgerbegroting.Web.Events;

public static class EventsSetup
{
    /// <summary>Physical events (docs/events.md): the desk, its voting tablet, paper sheets typed in twice.</summary>
    public static WebApplicationBuilder AddEvents(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<EventDesk>();
        builder.Services.AddScoped<PaperEntry>();
        builder.Services.AddScoped<TabletMode>();
        return builder;
    }
}
