using Burgerbegroting.Data;
using Burgerbegroting.Data.Protection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using System.Xml.Linq;

namespace Burgerbegroting.Web.Infrastructure.Startup;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class Persistence
{
    public const string SqliteMigrations = "Burgerbegroting.Migrations.Sqlite";
    public const string PostgresMigrations = "Burgerbegroting.Migrations.Postgres";

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
            throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Default is empty.");
        }

        builder.Services.AddDbContext<AppDbContext>((services, options) =>
        {
            Configure(options, provider, connectionString!);
            options.AddInterceptors(services.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
        });
        builder.Services.AddSingleton<IXmlRepository, DatabaseXmlRepository>();
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<IXmlRepository>((options, repository) => options.XmlRepository = repository);
        builder.Services.AddDataProtection().SetApplicationName("Burgerbegroting");
        builder.Services.AddHostedService<KeyRing>();
        return builder;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        _ = provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrations)),
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrations)),
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

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
    }
}

/// <summary>Data-protection keys in the database, so cookies and tokens survive restarts and work across instances.</summary>
internal sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
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
