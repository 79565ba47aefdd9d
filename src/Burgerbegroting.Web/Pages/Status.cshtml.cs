using Burgerbegroting.Web.Infrastructure.Startup;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Burgerbegroting.Web.Pages;

/// <summary>
/// The status of the site in words, for people: the same health checks as the JSON at /health (which monitors read),
/// so the page and the monitors never disagree.
/// </summary>
public class StatusModel(HealthCheckService health) : PageModel
{
    public HealthReport Report { get; private set; } = null!;

    public bool DatabaseAnswers => Report.Entries.TryGetValue(Health.Database, out var entry) && entry.Status == HealthStatus.Healthy;

    /// <summary>The outbox's figures; null when they could not be read (the database does not answer).</summary>
    public (int Queued, int Failed, long OldestQueuedSeconds)? Mail =>
        Report.Entries.TryGetValue(Health.Outbox, out var entry) && entry.Data.TryGetValue(OutboxFigures.Queued, out var queued)
            ? ((int)queued, (int)entry.Data[OutboxFigures.Failed], (long)entry.Data[OutboxFigures.OldestQueuedSeconds])
            : null;

    public async Task OnGetAsync() => Report = await health.CheckHealthAsync(HttpContext.RequestAborted);
}
