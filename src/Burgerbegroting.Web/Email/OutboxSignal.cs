using Burgerbegroting.Data.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Burgerbegroting.Web.Email;

/// <summary>Lets the sender start at once after a save that queued a mail, instead of at its next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        if (_semaphore.CurrentCount == 0)
        {
            try { _semaphore.Release(); } catch (SemaphoreFullException) { }
        }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try { await _semaphore.WaitAsync(timeout, cancellationToken); } catch (OperationCanceledException) { }
    }
}

public sealed class OutboxSignalInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Signal(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Signal(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    private void Signal(DbContext? context)
    {
        // After the save the added messages are Unchanged; a queued one in the tracker is enough of a hint.
        if (context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.Status == OutboxStatus.Queued))
        {
            signal.Notify();
        }
    }
}
