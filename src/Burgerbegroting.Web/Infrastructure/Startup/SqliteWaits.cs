using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Burgerbegroting.Web.Infrastructure.Startup;

/// <summary>
/// How SQLite waits for its one writer (docs/qualities.md, "Performance"). The database file is in write-ahead-log mode
/// (<see cref="UseWriteAheadLogAsync"/>): readers never wait for the writer, nor the writer for readers. Transactions
/// (which SQLite begins IMMEDIATE, taking the write lock) queue for a gate of the app's own per database file: a
/// waiting request holds no thread and goes on the moment the one before it commits. Without it, each waits inside
/// SQLite or in Microsoft.Data.Sqlite's retry loop, which sleeps 150 ms between tries on a blocked thread-pool thread;
/// under a vote's load those sleeps, not the work, set the time of a ballot. Writing statements outside a transaction
/// (the outbox sender's claim and its "sent", bulk updates) queue at the same gate (<see cref="SqliteStatementGate"/>);
/// other processes on the file (the migrate command) wait with SQLite's own busy timeout, which retries within
/// milliseconds.
/// </summary>
public sealed class SqliteWaits : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = BusyTimeout(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = BusyTimeout(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        SqliteWriteGate.Leave(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        SqliteWriteGate.Leave(connection);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        SqliteWriteGate.Leave(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        SqliteWriteGate.Leave(connection);
        return ValueTask.FromResult(result);
    }

    /// <summary>As long as a command may take (the connection's default timeout, 30 s unless configured).</summary>
    private static DbCommand BusyTimeout(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = " + (Timeout(connection).Ticks / TimeSpan.TicksPerMillisecond).ToString(CultureInfo.InvariantCulture) + ";";
        return command;
    }

    internal static TimeSpan Timeout(DbConnection connection) => TimeSpan.FromSeconds(((SqliteConnection)connection).DefaultTimeout);

    /// <summary>Write-ahead log: kept in the database file, so setting it once (after the migrations) is enough.</summary>
    public static async Task UseWriteAheadLogAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }
    }
}

/// <summary>
/// The gate of <see cref="SqliteWaits"/>: one writing transaction per database file at a time in this process. A
/// transaction's ticket is handed back when it commits, rolls back or fails, or else when its connection closes (a
/// transaction disposed without either). Should a ticket not come back within the command timeout, the next transaction
/// goes on without the gate, and SQLite's own lock still keeps one writer.
/// </summary>
public sealed class SqliteWriteGate : DbTransactionInterceptor
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);
    private static readonly ConditionalWeakTable<DbConnection, Ticket> ByConnection = [];
    private static readonly ConditionalWeakTable<DbTransaction, Ticket> ByTransaction = [];

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        var gate = Enter(connection);
        if (gate.Wait(SqliteWaits.Timeout(connection)))
        {
            ByConnection.AddOrUpdate(connection, new Ticket(gate));
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        var gate = Enter(connection);
        if (await gate.WaitAsync(SqliteWaits.Timeout(connection), cancellationToken))
        {
            ByConnection.AddOrUpdate(connection, new Ticket(gate));
        }

        return result;
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        if (ByConnection.TryGetValue(connection, out var ticket))
        {
            ByTransaction.AddOrUpdate(result, ticket);
        }

        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(transaction);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) => Left(transaction);

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(transaction);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) => Left(transaction);

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Leave(transaction);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) => Left(transaction);

    /// <summary>The gate for a writing statement that runs outside a transaction; null for a read or inside a transaction (whose gate is held already).</summary>
    internal static SemaphoreSlim? ForStatement(DbCommand command) =>
        command.Transaction is null && command.Connection is { } connection && IsWrite(command.CommandText)
            ? Gates.GetOrAdd(connection.DataSource, _ => new SemaphoreSlim(1, 1))
            : null;

    private static bool IsWrite(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        return text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase) || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether no transaction of this process holds the gate of the database file (for the tests).</summary>
    internal static bool IsFree(string dataSource) => !Gates.TryGetValue(dataSource, out var gate) || gate.CurrentCount == 1;

    /// <summary>Hands back the ticket this connection still holds (its transaction ended without a commit or rollback).</summary>
    internal static void Leave(DbConnection connection)
    {
        if (ByConnection.TryGetValue(connection, out var ticket))
        {
            ByConnection.Remove(connection);
            ticket.Release();
        }
    }

    private static SemaphoreSlim Enter(DbConnection connection)
    {
        Leave(connection);
        return Gates.GetOrAdd(connection.DataSource, _ => new SemaphoreSlim(1, 1));
    }

    private static void Leave(DbTransaction? transaction)
    {
        if (transaction is not null && ByTransaction.TryGetValue(transaction, out var ticket))
        {
            ByTransaction.Remove(transaction);
            ticket.Release();
        }
    }

    private static Task Left(DbTransaction? transaction)
    {
        Leave(transaction);
        return Task.CompletedTask;
    }

    /// <summary>One turn at the gate, handed back once, whichever way the transaction ends.</summary>
    private sealed class Ticket(SemaphoreSlim gate)
    {
        private int _released;

        public void Release()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}

/// <summary>
/// The gate of <see cref="SqliteWriteGate"/> for a writing statement outside a transaction (an UPDATE or DELETE that
/// commits on its own): taken before it runs, handed back when it has run or failed. Without it such a statement, the
/// outbox sender's "sent" after each mail, waits in SQLite's busy handler, whose sleeps grow to 100 ms, while ballots
/// come in, and the receipts fall behind.
/// </summary>
public sealed class SqliteStatementGate : DbCommandInterceptor
{
    private static readonly ConditionalWeakTable<DbCommand, SemaphoreSlim> Holding = [];

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (SqliteWriteGate.ForStatement(command) is { } gate && gate.Wait(SqliteWaits.Timeout(command.Connection!)))
        {
            Holding.AddOrUpdate(command, gate);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (SqliteWriteGate.ForStatement(command) is { } gate && await gate.WaitAsync(SqliteWaits.Timeout(command.Connection!), cancellationToken))
        {
            Holding.AddOrUpdate(command, gate);
        }

        return result;
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Leave(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Leave(command);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Leave(command);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(command);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Leave(command);

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(command);
        return Task.CompletedTask;
    }

    private static void Leave(DbCommand command)
    {
        if (Holding.TryGetValue(command, out var gate))
        {
            Holding.Remove(command);
            gate.Release();
        }
    }
}
