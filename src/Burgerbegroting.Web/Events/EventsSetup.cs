namespace Burgerbegroting.Web.Events;

public static class EventsSetup
{
    /// <summary>Physical events (docs/events.md): the desk, paper sheets typed in twice.</summary>
    public static WebApplicationBuilder AddEvents(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<EventDesk>();
        builder.Services.AddScoped<PaperEntry>();
        return builder;
    }
}
