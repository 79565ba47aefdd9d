using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Email;
using Burgerbegroting.Web.Accounts;
using Burgerbegroting.Web.Audit;
using Burgerbegroting.Web.Email;
using Burgerbegroting.Web.Infrastructure.Startup;
using Microsoft.EntityFrameworkCore;
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
        // Started on a private loopback port so routing (for the link in the mail) and the outbox sender run as usual.
        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var staff = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
            var result = await staff.InviteAsync(email, email.Split('@')[0], Roles.Admin, Languages.Dutch, AuditActions.AdminCreated);
            switch (result)
            {
                case InviteResult.IsNonStaffAccount:
                    await Console.Error.WriteLineAsync($"{email} already has a resident or buurtnetwerk account; use another address for administration.");
                    return 2;
                case InviteResult.AlreadyStaff:
                    Console.WriteLine($"{email} is already a beheerder. A forgotten password can be reset from the sign-in page.");
                    return 0;
            }

            var status = await WaitForOutboxAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), email);
            var options = app.Services.GetRequiredService<IOptions<EmailOptions>>().Value;
            var where = string.IsNullOrWhiteSpace(options.Smtp.Host)
                ? $"written to {Path.GetFullPath(options.PickupFolder, app.Environment.ContentRootPath)}"
                : $"sent through {options.Smtp.Host}";
            Console.WriteLine(status == OutboxStatus.Sent
                ? $"Beheerder {email} created; the mail with a set-password link was {where}."
                : $"Beheerder {email} created; the set-password mail is still queued (see /beheer/email once signed in, or the log) and is retried when the app runs.");
            return 0;
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static async Task<OutboxStatus> WaitForOutboxAsync(AppDbContext db, string email)
    {
        for (var i = 0; i < 100; i++)
        {
            var statuses = await db.OutboxMessages.AsNoTracking().Where(m => m.To == email).Select(m => new { m.Status, m.Attempts }).ToListAsync();
            if (statuses.All(m => m.Status == OutboxStatus.Sent))
            {
                return OutboxStatus.Sent;
            }

            if (statuses.Any(m => m.Status == OutboxStatus.Queued && m.Attempts > 0))
            {
                return OutboxStatus.Queued;
            }

            await Task.Delay(200);
        }

        return OutboxStatus.Queued;
    }
}
