using Microsoft.Extensions.Options;

namespace Burgerbegroting.Web.Privacy;

/// <summary>Runs <see cref="Retention"/> at start and then every <see cref="PrivacyOptions.RetentionCheckInterval"/>, on the app's clock.</summary>
public sealed class RetentionJob(IServiceScopeFactory scopes, IOptions<PrivacyOptions> options, TimeProvider clock, ILogger<RetentionJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetentionCheckInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var changed = await scope.ServiceProvider.GetRequiredService<Retention>().ApplyDueAsync();
                if (changed > 0)
                {
                    logger.LogInformation("Retention: personal data removed for {Editions} edition(s)", changed);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Retention pass failed; trying again at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
