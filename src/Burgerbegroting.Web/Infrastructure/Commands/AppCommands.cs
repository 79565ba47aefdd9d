using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Email;
using Burgerbegroting.Web.Accounts;
using Burgerbegroting.Web.Audit;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Editions.Demo;
using Burgerbegroting.Web.Email;
using Burgerbegroting.Web.Infrastructure.Startup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Burgerbegroting.Web.Infrastructure.Commands;

/// <summary>`dotnet run --project src/Burgerbegroting.Web -- migrate | create-admin EMAIL | seed-demo [--stage STAGE]`.</summary>
public static class AppCommands
{
    private static readonly string[] Names = ["migrate", "create-admin", "seed-demo"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Names.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        switch (args[0])
        {
            case "migrate":
                await Persistence.MigrateAsync(app.Services);
                // The first data-protection key, made here once: instances started together on a database without a key
                // would each make their own, and an instance reads what another's key protected (sign-in cookies,
                // antiforgery tokens) only if it sees that key within its first minutes (docs/qualities.md, "Storage").
                KeyRing.EnsureCurrentKey(app.Services);
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<AccountSeeder>().EnsureRolesAsync();
                }

                Console.WriteLine("Database is up to date.");
                return 0;
            case "create-admin" when args.Length == 2 && args[1].Contains('@', StringComparison.Ordinal):
                return await CreateAdminAsync(app, args[1].Trim());
            case "seed-demo" when TryReadStage(args[1..], app.Configuration, out var stage):
                return await SeedDemoAsync(app, stage);
            case "seed-demo":
                await Console.Error.WriteLineAsync($"Usage: seed-demo [--stage STAGE]   (STAGE: {DemoStages.Usage}; default Demo:Stage, else 3)");
                return 2;
            default:
                await Console.Error.WriteLineAsync("Usage: create-admin EMAIL   (sends that address a link to set a password)");
                return 2;
        }
    }

    private static async Task<int> CreateAdminAsync(WebApplication app, string email)
    {
        await app.PrepareDatabaseAsync();
        await StartPrivatelyAsync(app);
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

    /// <summary>`--stage 4` or `--stage=done`; without it Demo:Stage, else 3.</summary>
    private static bool TryReadStage(string[] options, IConfiguration configuration, out DemoStage stage)
    {
        stage = DemoStages.Default;
        return options switch
        {
            [] => DemoStages.TryParse(configuration["Demo:Stage"] ?? DemoStages.Default.Name(), out stage),
            ["--stage", var value] => DemoStages.TryParse(value, out stage),
            [var option] when option.StartsWith("--stage=", StringComparison.Ordinal) => DemoStages.TryParse(option["--stage=".Length..], out stage),
            _ => false,
        };
    }

    /// <summary>
    /// The demo edition and demo accounts in whatever database is configured, for demonstrations and acceptance
    /// tests. Does nothing when an edition exists, so it never mixes demo data into a real edition.
    /// </summary>
    private static async Task<int> SeedDemoAsync(WebApplication app, DemoStage stage)
    {
        await app.PrepareStorageAsync();
        await StartPrivatelyAsync(app);
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<DemoEdition>().SeedAsync(stage);
            foreach (var line in result.Describe())
            {
                Console.WriteLine(line);
            }

            if (result.Seeded)
            {
                await PrintDemoAccountsAsync(scope.ServiceProvider.GetRequiredService<AccountSeeder>());
            }

            return 0;
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static async Task PrintDemoAccountsAsync(AccountSeeder seeder)
    {
        var accounts = await seeder.EnsureDemoAccountsAsync();
        Console.WriteLine($"Sign in with password \"{AccountSeeder.DemoPassword}\" as:");
        foreach (var line in DemoPeople.SignInLines(accounts))
        {
            Console.WriteLine(line);
        }

        await Console.Error.WriteLineAsync(
            $"WARNING: every demo account, including the beheerder, has the published password \"{AccountSeeder.DemoPassword}\". " +
            "Use seed-demo only for demonstration and acceptance databases, never for a database that real people use.");
    }

    /// <summary>Started on a private loopback port so routing (for links in mails) and the outbox sender run as usual.</summary>
    private static async Task StartPrivatelyAsync(WebApplication app)
    {
        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
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
