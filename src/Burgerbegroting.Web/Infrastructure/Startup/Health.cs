using System.Text.Json;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Email;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Burgerbegroting.Web.Pages;

namespace Burgerbegroting.Web.Infrastructure.Startup;

public static class Health
{
    /// <summary>The checks' names, in the JSON for monitors and on the status page for people.</summary>
    public const string Database = "database";
    public const string Outbox = "outbox";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>(Database)
            .AddCheck<OutboxHealthCheck>(Outbox);
        return builder;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks(PageRoutes.Health, new HealthCheckOptions { ResponseWriter = WriteJson }).DisableRateLimiting();
        return app;
    }

    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}

internal sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy($"{db.Database.ProviderName} reachable")
            : HealthCheckResult.Unhealthy("database not reachable");
}

/// <summary>The outbox check's figures (its data), named once for the JSON and the status page.</summary>
public static class OutboxFigures
{
    public const string Queued = "queued";
    public const string Failed = "failed";
    public const string OldestQueuedSeconds = "oldestQueuedSeconds";
}

/// <summary>Degraded when mail is piling up: something queued for over 15 minutes, or mails that failed for good.</summary>
internal sealed class OutboxHealthCheck(AppDbContext db, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var queued = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Queued, cancellationToken);
        var failed = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Failed, cancellationToken);
        var oldest = await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Queued)
            .OrderBy(m => m.CreatedAt).Select(m => (DateTime?)m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var age = oldest is null ? TimeSpan.Zero : clock.GetUtcNow().UtcDateTime - oldest.Value;
        var data = new Dictionary<string, object>
        {
            [OutboxFigures.Queued] = queued,
            [OutboxFigures.Failed] = failed,
            [OutboxFigures.OldestQueuedSeconds] = (long)age.TotalSeconds,
        };
        var description = $"{queued} queued, {failed} failed";
        return failed > 0 || age > TimeSpan.FromMinutes(15)
            ? HealthCheckResult.Degraded(description, data: data)
            : HealthCheckResult.Healthy(description, data);
    }
}
