using System.Data;
using System.Data.Common;
using Burgerbegroting.Data;
using Burgerbegroting.Web.Infrastructure.Startup;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Burgerbegroting.Web.Tests.Infrastructure;

/// <summary>
/// The app's AppDbContext on the SQL Server provider, with no server anywhere: no connection is opened, and each
/// command EF Core would send is recorded instead, as a batch that declares its parameters. ExecuteUpdate and
/// ExecuteDelete report one row changed; a query or a SaveChanges batch stops after it is recorded
/// (<see cref="CaptureAsync"/>), because its results cannot be made up.
/// </summary>
public sealed class SqlServerOffline : DbConnectionInterceptor, IDbCommandInterceptor
{
    /// <summary>A reserved name (RFC 2606) that no server answers to, should anything try to connect.</summary>
    public const string ConnectionString = "Server=tcp:sqlserver.invalid,1433;Database=burgerbegroting;User ID=bb;Password=unused;Encrypt=true;Connect Timeout=1";

    private readonly List<string> _batches = [];

    /// <summary>Every recorded command, as a T-SQL batch: parameter declarations, then the command text.</summary>
    public IReadOnlyList<string> Batches => _batches;

    /// <summary>
    /// A context configured exactly as the app configures it for SQL Server. SaveChanges runs without its own
    /// transaction, which would need a connection; its first batch is the same either way.
    /// </summary>
    public AppDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        Persistence.Configure(options, DatabaseProvider.SqlServer, ConnectionString);
        options.AddInterceptors(this);
        var db = new AppDbContext(options.Options);
        db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        return db;
    }

    /// <summary>Runs a query or SaveChanges until its command is recorded; returns that batch.</summary>
    public async Task<string> CaptureAsync(Func<Task> work)
    {
        var before = _batches.Count;
        try
        {
            await work();
        }
        catch (Exception ex) when (ex is NotSentException || ex.InnerException is NotSentException)
        {
        }

        Assert.True(_batches.Count == before + 1, $"expected one command, got {_batches.Count - before}");
        return _batches[^1];
    }

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        InterceptionResult.Suppress();

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(InterceptionResult.Suppress());

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return InterceptionResult<int>.SuppressWithResult(1);
    }

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(NonQueryExecuting(command, eventData, result));

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        throw new NotSentException();
    }

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ReaderExecuting(command, eventData, result));

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        throw new NotSentException();
    }

    public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ScalarExecuting(command, eventData, result));

    private void Record(DbCommand command)
    {
        var declarations = command.Parameters.Cast<SqlParameter>().Select(p => $"DECLARE {p.ParameterName} {TypeName(p)};\n");
        _batches.Add(string.Concat(declarations) + command.CommandText);
    }

    private static string TypeName(SqlParameter p) => p.SqlDbType switch
    {
        SqlDbType.NVarChar or SqlDbType.VarChar or SqlDbType.VarBinary =>
            $"{p.SqlDbType.ToString().ToLowerInvariant()}({(p.Size is > 0 and <= 4000 ? p.Size.ToString(System.Globalization.CultureInfo.InvariantCulture) : "max")})",
        SqlDbType.DateTime2 => $"datetime2({(p.Scale is > 0 and <= 7 ? p.Scale : 7)})",
        _ => p.SqlDbType.ToString().ToLowerInvariant(),
    };

    /// <summary>The command was recorded and deliberately not sent.</summary>
    private sealed class NotSentException() : Exception("recorded, not sent to a server");
}
