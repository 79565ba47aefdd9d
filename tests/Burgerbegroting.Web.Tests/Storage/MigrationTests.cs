using Burgerbegroting.Data;
using Burgerbegroting.Web.Infrastructure.Startup;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Burgerbegroting.Web.Tests.Storage;

/// <summary>Each provider's migrations apply to an empty database (SQL Server: see SqlServerScriptTests) and match the model exactly.</summary>
public sealed class MigrationTests
{
    private static AppDbContext Context(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        Persistence.Configure(options, provider, connectionString);
        return new AppDbContext(options.Options);
    }

    [Fact]
    public async Task Sqlite_migrations_apply_to_an_empty_database_and_nothing_is_pending()
    {
        var folder = TestEnvironment.NewTempDirectory("migrations");
        await using var db = Context(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "empty.db")}");
        Assert.NotEmpty(db.Database.GetMigrations());
        await db.Database.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes without a SQLite migration: run scripts/add-migration.sh");
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(0, await db.OutboxMessages.CountAsync());
    }

    [Fact]
    public async Task Postgres_migrations_apply_to_an_empty_database_and_nothing_is_pending()
    {
        var name = $"bb_migrations_{Guid.NewGuid():N}";
        var connectionString = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnectionString) { Database = name }.ConnectionString;
        try
        {
            await using var db = Context(DatabaseProvider.Postgres, connectionString);
            Assert.NotEmpty(db.Database.GetMigrations());
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.False(db.Database.HasPendingModelChanges(), "the model has changes without a PostgreSQL migration: run scripts/add-migration.sh");
            Assert.Equal(0, await db.AuditEntries.CountAsync());
        }
        finally
        {
            await AppFactory.DropPostgresDatabaseAsync(name);
        }
    }

    [Fact]
    public void SqlServer_model_has_no_changes_without_a_migration()
    {
        using var db = Context(DatabaseProvider.SqlServer, SqlServerOffline.ConnectionString);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes without a SQL Server migration: run scripts/add-migration.sh");
    }

    /// <summary>
    /// SQL Server's migrations start with one Initial migration that creates everything up to
    /// <see cref="SqlServerBaseline"/> (no SQL Server database existed before); every migration after it exists for
    /// all three providers, in the same order.
    /// </summary>
    private const string SqlServerBaseline = "KeyLengthsAndCascadePaths";

    [Fact]
    public void Every_provider_has_every_migration()
    {
        using var sqlite = Context(DatabaseProvider.Sqlite, "Data Source=:memory:");
        using var postgres = Context(DatabaseProvider.Postgres, "Host=localhost;Database=unused");
        using var sqlServer = Context(DatabaseProvider.SqlServer, SqlServerOffline.ConnectionString);
        static List<string> Names(AppDbContext db) => [.. db.Database.GetMigrations().Select(m => m[15..])];

        Assert.Equal(Names(sqlite), Names(postgres));
        Assert.Equal("Initial", Names(sqlServer)[0]);
        Assert.Contains(SqlServerBaseline, Names(sqlite));
        Assert.Equal(Names(sqlite).SkipWhile(n => n != SqlServerBaseline).Skip(1), Names(sqlServer).Skip(1));
    }
}
