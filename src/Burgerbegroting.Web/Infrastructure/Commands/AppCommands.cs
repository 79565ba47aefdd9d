using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Accounts;
using Burgerbegroting.Web.Audit;
using Burgerbegroting.Web.Email;
using Burgerbegroting.Web.Infrastructure.Startup;
using Microsoft.Extensions.Options;

namespace Burgerbegroting.Web.Infrastructure.Commands;

/// <summary>`dotnet run --project src/Burgerbegroting.Web -- migrate | create-admin EMAIL`.</summary>
public static class AppCommands
{
    private static readonly string[] Names = ["migrate", "create-admin"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Names.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        switch (args[0])
        {
            case "migrate":
                await Persistence.MigrateAsync(app.Services);
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<AccountSeeder>().EnsureRolesAsync();
                }

                Console.WriteLine("Database is up to date.");
                return 0;
            case "create-admin" when args.Length == 2 && args[1].Contains('@', StringComparison.Ordinal):
                return await CreateAdminAsync(app, args[1].Trim());
            default:
                await Console.Error.WriteLineAsync("Usage: create-admin EMAIL   (sends that address a link to set a password)");
                return 2;
        }
    }

    private static async Task<int> CreateAdminAsync(WebApplication app, string email)
    {
        await app.PrepareDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var staff = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var result = await staff.InviteAsync(email, email.Split('@')[0], Roles.Admin, Languages.Dutch, AuditActions.AdminCreated);
        if (result == InviteResult.IsNonStaffAccount)
        {
            await Console.Error.WriteLineAsync($"{email} already has a resident or buurtnetwerk account; use another address for administration.");
            return 2;
        }

        // The app is not running, so deliver the mail now rather than leave it for the background sender.
        var sent = await app.Services.GetRequiredService<OutboxSender>().SendDueAsync();
        var options = app.Services.GetRequiredService<IOptions<EmailOptions>>().Value;
        var where = string.IsNullOrWhiteSpace(options.Smtp.Host)
            ? $"written to {Path.GetFullPath(options.PickupFolder, app.Environment.ContentRootPath)}"
            : $"sent through {options.Smtp.Host}";
        Console.WriteLine(result == InviteResult.AlreadyStaff
            ? $"{email} is already a beheerder; a new set-password link was not needed."
            : $"Beheerder {email} created; the set-password mail was {where} ({sent} sent now, the rest retried by the app).");
        return 0;
    }
}
