using Burgerbegroting.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Infrastructure.Startup;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}

public static class Persistence
{
    public const string SqliteMigrations = "Burgerbegroting.Migrations.Sqlite";
    public const string PostgresMigrations = "Burgerbegroting.Migrations.Postgres";
    public const string SqlServerMigrations = "Burgerbegroting.Migrations.SqlServer";

    /// <summary>The provider comes from configuration; migrations come from that provider's own assembly.</summary>
    public static WebApplicationBuilder AddPersistence(this WebApplicationBuilder builder)
    {
        var provider = builder.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = builder.Configuration.GetConnectionString("Default");
        if (provider == DatabaseProvider.Sqlite)
        {
            connectionString = SqliteConnectionString(connectionString, builder.Environment.ContentRootPath);
        }
        else if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException($"Database:Provider is {provider} but ConnectionStrings:Default is empty.");
        }

        builder.Services.AddDbContext<AppDbContext>((services, options) =>
        {
            Configure(options, provider, connectionString!);
            options.AddInterceptors(services.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
        });
        // Keys in the database, so cookies and tokens survive restarts and work across instances.
        builder.Services.AddDataProtection().SetApplicationName("Burgerbegroting").PersistKeysToDbContext<AppDbContext>();
        builder.Services.AddHostedService<KeyRing>();
        return builder;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        _ = provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrations)).AddInterceptors(new SqliteWaits(), new SqliteWriteGate(), new SqliteStatementGate()),
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrations)),
            // No EnableRetryOnFailure: a retrying strategy refuses the explicit transactions the app opens (ballots,
            // registration, results) unless each runs as a whole inside CreateExecutionStrategy().ExecuteAsync, and
            // those units (Identity calls, tracked changes, queued mails) are not written to be rerun. A transient
            // fault fails that one request instead; the outbox sender tries again on its own.
            DatabaseProvider.SqlServer => options.UseSqlServer(connectionString, o => o.MigrationsAssembly(SqlServerMigrations)),
            _ => throw new InvalidOperationException($"Unknown database provider '{provider}'."),
        };
    }

    /// <summary>Default: data/burgerbegroting.db under the content root; the folder is made if missing.</summary>
    private static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var csb = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? "Data Source=data/burgerbegroting.db" : configured);
        if (csb.DataSource != ":memory:" && csb.Mode != Microsoft.Data.Sqlite.SqliteOpenMode.Memory)
        {
            csb.DataSource = Path.GetFullPath(csb.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(csb.DataSource)!);
        }

        return csb.ToString();
    }

    /// <summary>
    /// The migrations, then what a migration cannot do in SQL: ballots stored before ballot secrecy get their keyed
    /// pseudonyms; a SQLite file is switched to its write-ahead log.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        await SqliteWaits.UseWriteAheadLogAsync(db, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<Secrecy.BallotSecrecyUpgrade>().RunAsync();
    }
}

/// <summary>
/// Creates and rotates data-protection keys outside request transactions. A key made lazily inside one (the first
/// token of a registration) would need a second connection to store it, which SQLite's single writer blocks.
/// </summary>
internal sealed class KeyRing(IServiceProvider services) : BackgroundService
{
    public static void EnsureCurrentKey(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("key-ring-warmup").Protect("ok");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(6));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            EnsureCurrentKey(services);
        }
    }
}
