using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Editions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Burgerbegroting.Bench.Instances;

/// <summary>What the drill seeded: the edition, its open round 2 and that round's themes.</summary>
public sealed record Seeded(int EditionId, int RoundId, IReadOnlyList<int> ThemeIds);

/// <summary>
/// Fills the new database (migrated by the app's <c>migrate</c> command) before the instances start, with the app's own
/// code run in this process: an edition (account voting, 5 of 7 themes chosen in round 1) whose round 2 is opened by <see cref="RoundLifecycle"/>
/// (which makes the round's key with the shared Secrets:ballots), a staff member, and residents who may vote. With
/// <paramref name="withoutKeys"/> the data-protection keys are deleted afterwards, so the instances start together on
/// a database without one (as after <c>migrate</c> before it made the first key).
/// </summary>
public static class Seeder
{
    public const string Password = "drill-wachtwoord-lang-genoeg";
    public const string StaffEmail = "medewerker@drill.example";

    public static string Resident(int i) => $"inwoner{i:D4}@drill.example";

    public static async Task<Seeded> SeedAsync(IReadOnlyDictionary<string, string> settings, int residents, bool withoutKeys)
    {
        // The factory looks for its content-root manifest (src/Burgerbegroting.Web) in the current directory.
        Environment.CurrentDirectory = AppContext.BaseDirectory;
        await using var host = new SeedHost(settings);
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        var edition = Edition.CreateNew("Burgerbegroting drill", 1_000_000, now);
        edition.MakeCurrent(now);
        edition.Buurten.Add(new Buurt { Name = "Maastricht", Postcodes = "6211-6229" });
        string[] names = ["Groen en spelen", "Verkeersveiligheid", "Ontmoeten", "Jongeren", "Schoon en heel", "Cultuur", "Sport"];
        edition.Themes.AddRange(names.Select((name, i) => new Theme { Name = name, ShortDescription = $"Over {name}", Position = i + 1, Chosen = i < 5 }));
        edition.Round(RoundKind.ThemeChoice).Status = RoundStatus.Published;
        db.Editions.Add(edition);
        await db.SaveChangesAsync();
        var round = edition.Round(RoundKind.BudgetSplit);
        var opened = await services.GetRequiredService<RoundLifecycle>().OpenAsync(round.Id);
        if (opened != TransitionError.None)
        {
            throw new DrillException($"could not open round 2: {opened}");
        }

        var users = services.GetRequiredService<UserManager<AppUser>>();
        await CreateAsync(users, StaffEmail, Roles.Staff, AccountKind.Staff, null, wantsUpdates: false);
        // One hash for everyone: hashing is slow on purpose, and the drill signs them all in with the same password.
        var hash = users.PasswordHasher.HashPassword(new AppUser(), Password);
        for (var i = 1; i <= residents; i++)
        {
            // A third asked for news: publishing the round mails them (the outbox's second kind of mail).
            await CreateAsync(users, Resident(i), Roles.Resident, AccountKind.Resident, hash, wantsUpdates: i % 3 == 0);
        }

        if (withoutKeys)
        {
            await db.DataProtectionKeys.ExecuteDeleteAsync();
        }

        return new Seeded(edition.Id, round.Id, [.. edition.Themes.Where(t => t.Chosen).OrderBy(t => t.Position).Select(t => t.Id)]);
    }

    private static async Task CreateAsync(UserManager<AppUser> users, string email, string role, AccountKind kind, string? hash, bool wantsUpdates)
    {
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = email.Split('@')[0],
            Kind = kind,
            Postcode = "6211AB",
            BirthYear = 1980,
            CreatedAt = DateTime.UtcNow,
            WantsUpdates = wantsUpdates,
            PasswordHash = hash,
        };
        var result = hash is null ? await users.CreateAsync(user, Password) : await users.CreateAsync(user);
        if (!result.Succeeded || !(await users.AddToRoleAsync(user, role)).Succeeded)
        {
            throw new DrillException($"could not create {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    /// <summary>The app in this process (no server, no mail sender), only to run its services once.</summary>
    private sealed class SeedHost(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<RoundLifecycle>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key.Replace("__", ":", StringComparison.Ordinal), value);
            }

            builder.UseSetting("Email:RunSender", "false");
        }
    }
}
