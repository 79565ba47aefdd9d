using Burgerbegroting.Web.Accounts;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Editions.Demo;

namespace Burgerbegroting.Web.Infrastructure.Startup;

public static class DatabaseStartup
{
    /// <summary>
    /// The storage, and in Development (unless Demo:Accounts is false) the demo accounts and, once the app has
    /// started, the demo edition at Demo:Stage.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await app.PrepareStorageAsync();
        if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Demo:Accounts", true))
        {
            var stage = ConfiguredStage(app.Configuration);
            // Publishing a round queues mails that link to its results page; links need the routes, which exist once
            // the app has started. Seeding takes about a second; errors are logged by the host as startup errors.
            app.Lifetime.ApplicationStarted.Register(() => app.SeedDevelopmentDemoAsync(stage).GetAwaiter().GetResult());
        }
    }

    private static async Task SeedDevelopmentDemoAsync(this WebApplication app, DemoStage stage)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = await scope.ServiceProvider.GetRequiredService<AccountSeeder>().EnsureDemoAccountsAsync();
        var result = await scope.ServiceProvider.GetRequiredService<DemoEdition>().SeedAsync(stage);
        foreach (var line in result.Describe())
        {
            Console.WriteLine(line);
        }

        Console.WriteLine($"Demo accounts (password \"{AccountSeeder.DemoPassword}\"):");
        foreach (var line in DemoPeople.SignInLines(accounts))
        {
            Console.WriteLine(line);
        }
    }

    /// <summary>Migrations (unless Database:MigrateOnStartup is false), the data-protection key and the roles.</summary>
    public static async Task PrepareStorageAsync(this WebApplication app)
    {
        if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
        {
            await Persistence.MigrateAsync(app.Services);
        }

        KeyRing.EnsureCurrentKey(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountSeeder>().EnsureRolesAsync();
    }

    /// <summary>Demo:Stage: where the demo edition stands (default 3, round 3 open).</summary>
    public static DemoStage ConfiguredStage(IConfiguration configuration)
    {
        var value = configuration["Demo:Stage"];
        return string.IsNullOrWhiteSpace(value) ? DemoStages.Default
            : DemoStages.TryParse(value, out var stage) ? stage
            : throw new InvalidOperationException($"Demo:Stage is \"{value}\"; it must be {DemoStages.Usage}.");
    }
}
