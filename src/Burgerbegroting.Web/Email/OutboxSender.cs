using Burgerbegroting.Data;
using Burgerbegroting.Data.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Burgerbegroting.Web.Email;

/// <summary>
/// Delivers queued mails with retries and exponential backoff. Each message is first claimed with a lease by a
/// conditional update, so two running app instances on one database never both send it. Should an instance die
/// after the SMTP server took a message but before it was recorded, another instance sends it again once the lease
/// runs out: delivery is at least once, and the repeat carries the same Message-ID.
/// </summary>
public sealed class OutboxSender(
    IServiceScopeFactory scopes,
    MailTransport transport,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<OutboxSender> logger)
{
    /// <summary>Who holds a lease: unique per sender, readable in the database ("pid/random@host", at most 100 characters).</summary>
    public string InstanceId { get; } = NewInstanceId();

    private static string NewInstanceId()
    {
        var id = $"{Environment.ProcessId}/{Guid.NewGuid():N}@{Environment.MachineName}";
        return id.Length > 100 ? id[..100] : id;
    }

    /// <summary>
    /// Sends what is due now; returns how many messages it delivered. The due messages are claimed together, in one
    /// statement (one write, however many mails wait after a busy minute of voting), then sent over one SMTP connection
    /// and each marked sent as soon as the server took it, while their lease has time left.
    /// </summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await DueIds(db, now, o.BatchSize).ToListAsync(cancellationToken);
        if (due.Count == 0 || await ClaimAsync(db, due, InstanceId, now, now + o.Lease, cancellationToken) == 0)
        {
            return 0;
        }

        var claimed = await db.OutboxMessages.AsNoTracking()
            .Where(m => due.Contains(m.Id) && m.LockedBy == InstanceId)
            .OrderBy(m => m.CreatedAt)
            .ToListAsync(cancellationToken);
        var delivered = 0;
        await using var batch = transport.Begin();
        foreach (var message in claimed)
        {
            // A slow SMTP server must not let the lease of a mail still to send run out (another instance would send it
            // too): past half the lease the pass stops; the rest are claimed again once their lease has run out.
            if (clock.GetUtcNow().UtcDateTime > now + (o.Lease / 2))
            {
                break;
            }

            delivered += await DeliverAsync(db, batch, message, cancellationToken) ? 1 : 0;
        }

        return delivered;
    }

    /// <summary>Queued messages that are due and not leased by a live sender, oldest first.</summary>
    internal static IQueryable<Guid> DueIds(AppDbContext db, DateTime now, int batchSize) =>
        db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Queued && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.CreatedAt)
            .Select(m => m.Id)
            .Take(batchSize);

    /// <summary>
    /// The claim: one conditional update of the messages that are still free, so of two senders that race for a message
    /// exactly one holds it afterwards. Returns how many this sender got.
    /// </summary>
    internal static Task<int> ClaimAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, string instanceId, DateTime now, DateTime leaseEnd, CancellationToken cancellationToken) =>
        db.OutboxMessages
            .Where(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Queued && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, instanceId).SetProperty(m => m.LockedUntil, leaseEnd), cancellationToken);

    private async Task<bool> DeliverAsync(AppDbContext db, MailBatch batch, OutboxMessage message, CancellationToken cancellationToken)
    {
        var id = message.Id;
        var mine = db.OutboxMessages.Where(m => m.Id == id && m.LockedBy == InstanceId);
        var attempts = message.Attempts + 1;
        try
        {
            await batch.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var o = options.Value;
            var permanent = DeliveryFailure.IsPermanent(ex);
            var failed = permanent || attempts >= o.MaxAttempts;
            var retryAt = clock.GetUtcNow().UtcDateTime + Backoff(attempts, o);
            var error = DeliveryFailure.Describe(ex);
            logger.LogWarning("Mail {Id} to {To} failed (attempt {Attempt}, {Outcome}): {Error}", id, message.To, attempts, permanent ? "rejected for good" : failed ? "giving up" : "will retry", error);
            await mine.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.Status, failed ? OutboxStatus.Failed : OutboxStatus.Queued)
                .SetProperty(m => m.NextAttemptAt, retryAt)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);
            return false;
        }

        var sentAt = clock.GetUtcNow().UtcDateTime;
        await mine.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.Status, OutboxStatus.Sent)
            .SetProperty(m => m.SentAt, sentAt)
            .SetProperty(m => m.LockedBy, (string?)null)
            .SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);
        return true;
    }

    /// <summary>30 s, 1 min, 2 min, ... capped: an SMTP outage of hours loses nothing and does not hammer the server.</summary>
    public static TimeSpan Backoff(int attempts, EmailOptions o)
    {
        var factor = Math.Pow(2, Math.Min(attempts - 1, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(o.RetryBase.Ticks * factor, o.RetryMax.Ticks));
        return delay;
    }
}

/// <summary>
/// Runs the sender in the background: at once again after a full batch, else when a request has just queued a mail
/// (after <see cref="EmailOptions.GatherDelay"/>) or at the next poll.
/// </summary>
public sealed class OutboxSenderService(OutboxSender sender, OutboxSignal signal, IOptions<EmailOptions> options, ILogger<OutboxSenderService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var o = options.Value;
            try
            {
                if (await sender.SendDueAsync(stoppingToken) >= o.BatchSize)
                {
                    continue;
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Outbox sender pass failed; trying again later");
            }

            if (await signal.WaitAsync(o.PollInterval, stoppingToken) && o.GatherDelay > TimeSpan.Zero)
            {
                await Task.Delay(o.GatherDelay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
