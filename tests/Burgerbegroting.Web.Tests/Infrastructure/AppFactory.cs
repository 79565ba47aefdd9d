using Burgerbegroting.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Burgerbegroting.Web.Tests.Infrastructure;

public enum TestDatabase
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The real app with a real database of its own: a fresh SQLite file, or a freshly created PostgreSQL database
/// that is dropped afterwards. Mail goes to a real SMTP server (<see cref="SmtpSink"/>) or to a pickup folder.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);
    private readonly List<Action<IServiceCollection>> _services = [];
    private readonly string _directory = TestEnvironment.NewTempDirectory("app");

    /// <param name="postgresDatabase">An existing PostgreSQL database to use, which the caller drops; by default a fresh
    /// one that is dropped with the app.</param>
    public AppFactory(TestDatabase database = TestDatabase.Sqlite, int? smtpPort = null, string? sqliteFile = null, string? postgresDatabase = null)
    {
        Database = database;
        if (database == TestDatabase.Sqlite)
        {
            SqliteFile = sqliteFile ?? Path.Combine(_directory, "app.db");
            ConnectionString = $"Data Source={SqliteFile}";
        }
        else
        {
            DatabaseName = postgresDatabase is null ? $"bb_test_{Guid.NewGuid():N}" : null;
            ConnectionString = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnectionString) { Database = postgresDatabase ?? DatabaseName }.ConnectionString;
        }

        PickupFolder = Path.Combine(_directory, "mail");
        _settings["Database:Provider"] = database.ToString();
        _settings["ConnectionStrings:Default"] = ConnectionString;
        _settings["Email:PickupFolder"] = PickupFolder;
        _settings["Email:PollInterval"] = "00:00:00.100";
        _settings["Email:RetryBase"] = "00:00:00.200";
        _settings["Email:RetryMax"] = "00:00:01";
        _settings["Email:Smtp:Host"] = smtpPort is null ? "" : "127.0.0.1";
        _settings["Email:Smtp:Port"] = smtpPort?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "25";
        _settings["Email:Smtp:Security"] = "None";
        _settings["Email:Smtp:Timeout"] = "00:00:05";
        _settings["RateLimits:SignInPerMinute"] = "1000";
        _settings["RateLimits:BallotsPerMinute"] = "1000";
        // Keys kept outside the database go with the database: a second app on it (a restart) has the same ones.
        _settings["Secrets:Folder"] = database == TestDatabase.Sqlite
            ? Path.Combine(Path.GetDirectoryName(SqliteFile)!, "secrets")
            : Path.Combine(Path.GetTempPath(), "bb-test-secrets", postgresDatabase ?? DatabaseName!);
    }

    public TestDatabase Database { get; }
    public string ConnectionString { get; }
    public string? SqliteFile { get; }
    /// <summary>The PostgreSQL database this app made and drops; null for SQLite or a database the caller owns.</summary>
    public string? DatabaseName { get; }
    public string PickupFolder { get; }

    /// <summary>Override a configuration value before the app starts (e.g. "Email:RunSender" = "false").</summary>
    public AppFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Replace a service before the app starts (e.g. a fake clock); registered after the app's own.</summary>
    public AppFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => _services.ForEach(configure => configure(services)));
    }

    public HttpClient CreateBrowserlessClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (DatabaseName is not null)
        {
            await DropPostgresDatabaseAsync(DatabaseName);
        }

        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    internal static async Task DropPostgresDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 50)
            {
                // PostgreSQL 15 lets no ordinary role end an autovacuum worker, and FORCE then refuses the drop:
                // the worker is done with the fresh test database within moments.
                await Task.Delay(100);
            }
        }
    }
}
