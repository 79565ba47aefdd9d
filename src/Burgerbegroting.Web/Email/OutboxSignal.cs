using System.Data.Common;
using System.Runtime.CompilerServices;
using Burgerbegroting.Data.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Burgerbegroting.Web.Email;

/// <summary>Lets the sender start at once after a mail was queued, instead of at its next poll.</summary>
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

    /// <summary>True when woken by <see cref="Notify"/>, false when the timeout passed (or the wait was cancelled).</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try { return await _semaphore.WaitAsync(timeout, cancellationToken); } catch (OperationCanceledException) { return false; }
    }
}

/// <summary>
/// Wakes the sender when queued mail becomes visible to it: after a SaveChanges that runs in its own transaction, or,
/// inside an explicit transaction, only when that transaction commits. Waking it earlier would send it looking for
/// rows it cannot see yet (or that a rollback will remove). A transaction EF does not manage (UseTransaction with a
/// connection committed elsewhere) is left to the sender's poll.
/// </summary>
public sealed class OutboxSignalInterceptor(OutboxSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private sealed class State
    {
        public bool Saving;
        public bool Pending;
    }

    private readonly ConditionalWeakTable<DbContext, State> _states = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context, pendingToo: false);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context, pendingToo: false);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context, pendingToo: true);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context, pendingToo: true);
        return Task.CompletedTask;
    }

    /// <summary>Before the save the new mails are still Added; afterwards they look like any other tracked row.</summary>
    private void Remember(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added && e.Entity.Status == OutboxStatus.Queued))
        {
            _states.GetOrCreateValue(context).Saving = true;
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_states.TryGetValue(context, out var state) || !state.Saving)
        {
            return;
        }

        state.Saving = false;
        if (context.Database.CurrentTransaction is null)
        {
            signal.Notify();
        }
        else
        {
            state.Pending = true;
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _states.TryGetValue(context, out var state) && state.Pending)
        {
            state.Pending = false;
            signal.Notify();
        }
    }

    private void Forget(DbContext? context, bool pendingToo)
    {
        if (context is not null && _states.TryGetValue(context, out var state))
        {
            state.Saving = false;
            state.Pending &= !pendingToo;
        }
    }
}
