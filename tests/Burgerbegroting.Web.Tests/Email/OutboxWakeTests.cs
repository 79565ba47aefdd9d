using Burgerbegroting.Data;
using Burgerbegroting.Web.Email;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Burgerbegroting.Web.Tests.Email;

/// <summary>
/// The sender is woken when queued mail becomes visible to it, read straight off the <see cref="OutboxSignal"/> (the
/// background sender is off, so nothing else takes the signal).
/// </summary>
public sealed class OutboxWakeTests
{
    private static EmailMessage Mail() => new("wek@example.nl", "s", "t", "<p>h</p>", "test");

    private static async Task<bool> WokenAsync(OutboxSignal signal) => await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None);

    [Fact]
    public async Task A_mail_saved_inside_a_transaction_wakes_the_sender_on_commit_and_not_before()
    {
        await using var app = OutboxTesting.ManualSender();
        var signal = app.Services.GetRequiredService<OutboxSignal>();
        await WokenAsync(signal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        await using var transaction = await db.Database.BeginTransactionAsync();
        scope.ServiceProvider.GetRequiredService<Outbox>().Enqueue(Mail());
        await db.SaveChangesAsync();
        Assert.False(await WokenAsync(signal), "saved, but not yet committed");

        await transaction.CommitAsync();
        Assert.True(await WokenAsync(signal));
    }

    [Fact]
    public async Task A_mail_saved_inside_a_transaction_that_rolls_back_never_wakes_the_sender()
    {
        await using var app = OutboxTesting.ManualSender();
        var signal = app.Services.GetRequiredService<OutboxSignal>();
        await WokenAsync(signal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            scope.ServiceProvider.GetRequiredService<Outbox>().Enqueue(Mail());
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.False(await WokenAsync(signal));
        // Nor does a later commit on the same context that queues nothing.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await transaction.CommitAsync();
        }

        Assert.False(await WokenAsync(signal));
    }

    [Fact]
    public async Task A_mail_saved_outside_a_transaction_wakes_the_sender_at_once()
    {
        await using var app = OutboxTesting.ManualSender();
        var signal = app.Services.GetRequiredService<OutboxSignal>();
        await WokenAsync(signal);
        await using var scope = app.Services.CreateAsyncScope();

        scope.ServiceProvider.GetRequiredService<Outbox>().Enqueue(Mail());
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();

        Assert.True(await WokenAsync(signal));
    }
}
