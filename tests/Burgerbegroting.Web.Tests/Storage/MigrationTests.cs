using Burgerbegroting.Data;
using Burgerbegroting.Web.Infrastructure.Startup;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Burgerbegroting.Web.Tests.Storage;

/// <summary>Each provider's migrations apply to an empty database and match the model exactly.</summary>
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
    public async Task Both_providers_have_the_same_migrations()
    {
        await using var sqlite = Context(DatabaseProvider.Sqlite, "Data Source=:memory:");
        await using var postgres = Context(DatabaseProvider.Postgres, "Host=localhost;Database=unused");
        static IEnumerable<string> Names(AppDbContext db) => db.Database.GetMigrations().Select(m => m[15..]);
        Assert.Equal(Names(sqlite), Names(postgres));
    }
}
