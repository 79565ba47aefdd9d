using Burgerbegroting.Web.Accounts;
using Burgerbegroting.Web.Editions;

namespace Burgerbegroting.Web.Infrastructure.Startup;

public static class DatabaseStartup
{
    /// <summary>Migrations (unless Database:MigrateOnStartup is false), roles, and in Development the demo accounts and edition.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
        {
            await Persistence.MigrateAsync(app.Services);
        }

        KeyRing.EnsureCurrentKey(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<AccountSeeder>();
        await seeder.EnsureRolesAsync();
        if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Demo:Accounts", true))
        {
            var accounts = await seeder.EnsureDemoAccountsAsync();
            var lines = string.Join(Environment.NewLine, accounts.Select(a => $"  {a.Role,-13} {a.Email}"));
            await scope.ServiceProvider.GetRequiredService<DemoEdition>().EnsureAsync();
            Console.WriteLine($"Demo accounts (password \"{AccountSeeder.DemoPassword}\"):{Environment.NewLine}{lines}");
        }
    }
}
