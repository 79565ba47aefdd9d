using Burgerbegroting.Data;
using Burgerbegroting.Web.Infrastructure.Startup;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Tests.Storage;

/// <summary>How the app waits for SQLite's one writer (SqliteWaits, SqliteWriteGate), on real database files.</summary>
public sealed class SqliteWaitsTests
{
    private readonly string _file = Path.Combine(TestEnvironment.NewTempDirectory("sqlite-waits"), "waits.db");

    private AppDbContext Context()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        Persistence.Configure(options, DatabaseProvider.Sqlite, $"Data Source={_file}");
        return new AppDbContext(options.Options);
    }

    private static async Task<string> PragmaAsync(AppDbContext db, string pragma)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA " + pragma;
            return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public async Task The_apps_database_file_is_in_write_ahead_log_mode_and_every_connection_has_a_busy_timeout()
    {
        await using var app = new AppFactory();
        _ = app.Services;
        var (mode, timeout) = await app.WithDbAsync(async db => (await PragmaAsync(db, "journal_mode"), await PragmaAsync(db, "busy_timeout")));

        Assert.Equal("wal", mode);
        Assert.Equal("30000", timeout);
    }

    [Theory]
    [InlineData("commit")]
    [InlineData("rollback")]
    [InlineData("dispose")]
    public async Task A_writing_transaction_holds_the_gate_until_it_commits_rolls_back_or_is_disposed(string end)
    {
        await using var db = Context();
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE IF NOT EXISTS Marks (Value INTEGER)");

        var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync("INSERT INTO Marks VALUES (1)");
        Assert.False(SqliteWriteGate.IsFree(_file));
        switch (end)
        {
            case "commit":
                await transaction.CommitAsync();
                break;
            case "rollback":
                await transaction.RollbackAsync();
                break;
        }

        await transaction.DisposeAsync();
        Assert.True(SqliteWriteGate.IsFree(_file));
        // The next writer gets in (without waiting out a timeout: the gate is free).
        await using var next = Context();
        await using var second = await next.Database.BeginTransactionAsync();
        Assert.False(SqliteWriteGate.IsFree(_file));
    }

    [Fact]
    public async Task Thirty_concurrent_writing_transactions_queue_at_the_gate_and_all_commit()
    {
        await using (var setup = Context())
        {
            await setup.Database.ExecuteSqlRawAsync("CREATE TABLE Marks (Value INTEGER)");
        }

        var inside = 0;
        var mostInside = 0;
        var foundTaken = 0;
        await Task.WhenAll(Enumerable.Range(1, 30).Select(i => Task.Run(async () =>
        {
            await using var db = Context();
            if (!SqliteWriteGate.IsFree(_file))
            {
                Interlocked.Increment(ref foundTaken);
            }

            await using var transaction = await db.Database.BeginTransactionAsync();
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref mostInside, now);
            await db.Database.ExecuteSqlRawAsync("INSERT INTO Marks VALUES ({0})", i);
            await Task.Delay(5);
            Interlocked.Decrement(ref inside);
            await transaction.CommitAsync();
        })));

        await using var check = Context();
        Assert.Equal(30, await check.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM Marks").SingleAsync());
        Assert.Equal(1, mostInside);
        Assert.True(foundTaken > 0, "no transaction found the gate taken: the race did not happen");
        Assert.True(SqliteWriteGate.IsFree(_file));
        SqliteConnection.ClearAllPools();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
