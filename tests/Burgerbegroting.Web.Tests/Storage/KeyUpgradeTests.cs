using System.Net;
using System.Xml.Linq;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Accounts;
using Burgerbegroting.Web.Infrastructure.Startup;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Burgerbegroting.Web.Tests.Storage;

/// <summary>
/// The upgrade from the version that kept data-protection keys with a repository of its own to
/// PersistKeysToDbContext: the keys stay in DataProtectionKeys, so what was signed before the upgrade still verifies.
/// </summary>
public sealed class KeyUpgradeTests
{
    /// <summary>The last migration of the version before the change.</summary>
    private const string PreviousVersion = "RoundFour";

    private const string Resident = "bewoner@example.nl";
    private const string Newcomer = "nieuw@example.nl";

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task A_sign_in_cookie_and_a_confirmation_link_issued_before_the_upgrade_still_work_after_it(TestDatabase database)
    {
        var folder = TestEnvironment.NewTempDirectory("key-upgrade");
        var sqliteFile = Path.Combine(folder, "app.db");
        var postgresName = $"bb_upgrade_{Guid.NewGuid():N}";
        var (provider, connectionString) = database == TestDatabase.Sqlite
            ? (DatabaseProvider.Sqlite, $"Data Source={sqliteFile}")
            : (DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnectionString) { Database = postgresName }.ConnectionString);
        try
        {
            await using (var db = Context(provider, connectionString))
            {
                await db.GetService<IMigrator>().MigrateAsync(PreviousVersion, TestContext.Current.CancellationToken);
            }

            // Before: the app as it ran at that schema, its keys written by the previous version's repository.
            string cookie;
            string confirmationLink;
            await using (var before = new PreviousVersionApp(provider, connectionString, database, sqliteFile, postgresName))
            {
                await before.CreateAsync(Resident, Roles.Resident);
                cookie = await SignInCookieAsync(before, Resident);
                confirmationLink = await ConfirmationLinkAsync(before, await before.CreateAsync(Newcomer, Roles.Resident, confirmed: false));
            }

            var keysBefore = PreviousVersionKeyRepository.ReadRows(provider, connectionString);
            var key = Assert.Single(keysBefore);
            Assert.StartsWith("key-", key.FriendlyName, StringComparison.Ordinal);

            // After: the current app migrates the same database at startup and uses the keys it finds there.
            await using var after = database == TestDatabase.Sqlite
                ? new AppFactory(sqliteFile: sqliteFile)
                : new AppFactory(TestDatabase.Postgres, postgresDatabase: postgresName);
            var client = after.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            client.DefaultRequestHeaders.Add("Cookie", cookie);
            var profile = await client.GetAsync("/account/profiel", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
            Assert.Contains(Resident, await profile.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

            var confirmation = await after.CreateBrowserlessClient().GetAsync(confirmationLink, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, confirmation.StatusCode);
            Assert.True(await after.WithDbAsync(db => db.Users.Where(u => u.Email == Newcomer).Select(u => u.EmailConfirmed).SingleAsync()));

            Assert.Empty(await after.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));
            var keysAfter = await after.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().ToListAsync());
            var kept = Assert.Single(keysAfter);
            Assert.Equal((key.FriendlyName, key.Xml), (kept.FriendlyName!, kept.Xml!));
        }
        finally
        {
            if (database == TestDatabase.Postgres)
            {
                await AppFactory.DropPostgresDatabaseAsync(postgresName);
            }

            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static AppDbContext Context(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        Persistence.Configure(options, provider, connectionString);
        return new AppDbContext(options.Options);
    }

    /// <summary>Signs in through the form and returns the authentication cookie as a browser would send it back.</summary>
    private static async Task<string> SignInCookieAsync(AppFactory app, string email)
    {
        var client = app.CreateBrowserlessClient();
        var response = await client.SubmitAsync("/account/inloggen", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TestAccounts.Password,
        });
        response.AssertRedirect("/");
        var cookies = response.Headers.GetValues("Set-Cookie")
            .Select(c => c.Split(';')[0])
            .Where(c => c.StartsWith("bb.auth", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(cookies);
        return string.Join("; ", cookies);
    }

    /// <summary>The link a confirmation mail carries (the page reads userId and the base64url token).</summary>
    private static async Task<string> ConfirmationLinkAsync(AppFactory app, AppUser user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var token = await users.GenerateEmailConfirmationTokenAsync(await users.FindByIdAsync(user.Id) ?? throw new InvalidOperationException("user"));
        return $"/account/bevestigen?userId={Uri.EscapeDataString(user.Id)}&code={AccountTokens.Encode(token)}";
    }

    /// <summary>The app on the database at the previous schema (no migration at startup), keys stored the previous way.</summary>
    private sealed class PreviousVersionApp : AppFactory
    {
        private readonly PreviousVersionKeyRepository _keys;

        public PreviousVersionApp(DatabaseProvider provider, string connectionString, TestDatabase database, string sqliteFile, string postgresName)
            : base(database, sqliteFile: database == TestDatabase.Sqlite ? sqliteFile : null, postgresDatabase: database == TestDatabase.Postgres ? postgresName : null)
        {
            _keys = new PreviousVersionKeyRepository(provider, connectionString);
            With("Database:MigrateOnStartup", "false");
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.Configure<KeyManagementOptions>(o => o.XmlRepository = _keys));
        }
    }

    /// <summary>
    /// What the app used before PersistKeysToDbContext: one DataProtectionKeys row per key, FriendlyName and Xml both
    /// required, the XML without formatting. Plain SQL, because the current model no longer has that shape.
    /// </summary>
    private sealed class PreviousVersionKeyRepository(DatabaseProvider provider, string connectionString) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements() =>
            [.. ReadRows(provider, connectionString).Select(r => XElement.Parse(r.Xml))];

        public void StoreElement(XElement element, string friendlyName)
        {
            using var db = Context(provider, connectionString);
            var xml = element.ToString(SaveOptions.DisableFormatting);
            db.Database.ExecuteSql($"""INSERT INTO "DataProtectionKeys" ("FriendlyName", "Xml") VALUES ({friendlyName}, {xml})""");
        }

        public static List<(string FriendlyName, string Xml)> ReadRows(DatabaseProvider provider, string connectionString)
        {
            using var db = Context(provider, connectionString);
            return [.. db.Database.SqlQuery<KeyRow>($"""SELECT "FriendlyName", "Xml" FROM "DataProtectionKeys" ORDER BY "Id" """)
                .AsEnumerable().Select(r => (r.FriendlyName, r.Xml))];
        }
    }

    private sealed record KeyRow(string FriendlyName, string Xml);
}
