using Burgerbegroting.Web.Infrastructure.Startup;
using Npgsql;

namespace Burgerbegroting.Bench.Rounds;

/// <summary>A database of the bench's own: a new SQLite file, or a new PostgreSQL database; removed afterwards.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _directory;
    private readonly string? _postgresName;
    private readonly string? _postgresServer;

    private BenchDatabase(DatabaseProvider provider, string connectionString, string description, string? directory = null, string? postgresName = null, string? postgresServer = null)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Description = description;
        _directory = directory;
        _postgresName = postgresName;
        _postgresServer = postgresServer;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public string Description { get; }

    /// <summary>Keep the SQLite file (for a look with sqlite3 afterwards).</summary>
    public bool Keep { get; set; }

    public string? SqliteFile => _directory is null ? null : Path.Combine(_directory, "bench.db");

    public static BenchDatabase Sqlite()
    {
        var directory = Path.Combine(Path.GetTempPath(), "burgerbegroting-bench", $"rounds-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "bench.db");
        return new BenchDatabase(DatabaseProvider.Sqlite, $"Data Source={file}", $"SQLite file {file}", directory: directory);
    }

    /// <summary>A new, empty database on the server of BB_TEST_POSTGRES; the app's migrations fill it.</summary>
    public static async Task<BenchDatabase> PostgresAsync()
    {
        var server = Environment.GetEnvironmentVariable("BB_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("--postgres needs BB_TEST_POSTGRES, a connection string to a PostgreSQL server.");
        var name = $"bb_bench_{Guid.NewGuid():N}";
        await ServerCommandAsync(server, $"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new BenchDatabase(DatabaseProvider.Postgres, connectionString, $"PostgreSQL database {name}", postgresName: name, postgresServer: server);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ServerCommandAsync(_postgresServer!, $"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)");
        }

        if (_directory is not null && !Keep)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static async Task ServerCommandAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
