using System.Globalization;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Data.Stemcodes;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Editions.Demo;
using Burgerbegroting.Web.Stemcodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Burgerbegroting.Bench.Ballots;

/// <summary>An idea on the round-4 ballot: its theme and what it costs.</summary>
public sealed record BallotIdea(int Id, int ThemeId, long Cost);

/// <summary>What a voter may choose in the open round, read from the seeded database.</summary>
public sealed record BallotOptions(RoundKind Round, int RoundId, IReadOnlyList<int> ThemeIds, int MaxThemes, IReadOnlyList<BallotIdea> Ideas, IReadOnlyDictionary<int, long> Budgets);

/// <summary>What the seeder made: the open round's options, the residents' addresses and the plain codes of the letters.</summary>
public sealed record Seeded(BallotOptions Options, IReadOnlyList<string> Residents, IReadOnlyList<string> Codes, int BallotsBefore);

/// <summary>
/// Fills a new database with the app's own code, run in this process before the app's process starts: the demo edition
/// at the stage where <paramref name="round"/> is open (rounds moved by <see cref="RoundLifecycle"/>, as staff would), then
/// the bench's residents (accounts that may vote) and letters (stemcodes without an account).
/// </summary>
public static class BenchSeeder
{
    public const string Password = "bench-wachtwoord-lang-genoeg";

    public static string Resident(int i) => $"stemmer{i:D4}@bench.example";

    public static async Task<Seeded> SeedAsync(IReadOnlyDictionary<string, string> settings, RoundKind round, int voters)
    {
        await using var host = new SeedHost(settings);
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var stage = round switch
        {
            RoundKind.ThemeChoice => DemoStage.RoundOneOpen,
            RoundKind.BudgetSplit => DemoStage.RoundTwoOpen,
            RoundKind.Selection => DemoStage.RoundFourOpen,
            _ => throw new ArgumentOutOfRangeException(nameof(round), round, "a round without a ballot"),
        };
        await services.GetRequiredService<DemoEdition>().SeedAsync(stage);
        var edition = await db.Editions.Include(e => e.Rounds).Include(e => e.Themes).Include(e => e.Buurten).SingleAsync();

        var users = services.GetRequiredService<UserManager<AppUser>>();
        // One hash for everyone: hashing is slow on purpose, and the bench signs them all in with the same password.
        var hash = users.PasswordHasher.HashPassword(new AppUser(), Password);
        var residents = Enumerable.Range(1, voters).Select(Resident).ToList();
        foreach (var email in residents)
        {
            var user = new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0], Kind = AccountKind.Resident,
                Postcode = "6211AB", BirthYear = 1980, CreatedAt = DateTime.UtcNow, PasswordHash = hash,
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded || !(await users.AddToRoleAsync(user, Roles.Resident)).Succeeded)
            {
                throw new DrillException($"could not create {email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }
        }

        var issuer = services.GetRequiredService<StemcodeIssuer>();
        var buurt = edition.Buurten[0];
        var holders = Enumerable.Range(1, voters).Select(i => new CodeHolder(buurt.Name, FirstPostcode(buurt.Postcodes), i.ToString(CultureInfo.InvariantCulture), BirthYear: 1980)).ToList();
        var batch = await issuer.IssueAsync(edition, StemcodeBatchKind.Register, holders, "bench");
        var codes = new List<string>();
        await foreach (var (_, plain) in issuer.PlainCodesAsync(batch))
        {
            codes.Add(plain);
        }

        var open = edition.Round(round);
        var options = await OptionsAsync(db, edition, open);
        var before = await db.Ballots.CountAsync(b => b.RoundId == open.Id);
        return new Seeded(options, residents, codes, before);
    }

    /// <summary>Who votes from now on: residents by account, or by the code of their letter.</summary>
    public static async Task SetVoterRollAsync(IReadOnlyDictionary<string, string> settings, VoterRoll roll)
    {
        await using var host = new SeedHost(settings);
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Editions.ExecuteUpdateAsync(s => s.SetProperty(e => e.VoterRoll, roll));
    }

    /// <summary>Ballots stored in the round, and how many ballots each pseudonym has (at most one, by the unique index).</summary>
    public static async Task<int> BallotCountAsync(IReadOnlyDictionary<string, string> settings, int roundId)
    {
        await using var host = new SeedHost(settings);
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Ballots.CountAsync(b => b.RoundId == roundId);
    }

    private static async Task<BallotOptions> OptionsAsync(AppDbContext db, Edition edition, Round round)
    {
        var chosen = edition.Themes.Where(t => t.Chosen).OrderBy(t => t.Position).ToList();
        var ideas = round.Kind == RoundKind.Selection
            ? await db.Ideas.AsNoTracking()
                .Where(i => i.EditionId == edition.Id && i.Status == IdeaStatus.Admitted && !i.Hidden)
                .Select(i => new BallotIdea(i.Id, i.ThemeId, i.FinalCost ?? i.EstimatedCost)).ToListAsync()
            : [];
        var themes = round.Kind == RoundKind.ThemeChoice ? edition.Themes.OrderBy(t => t.Position).Select(t => t.Id).ToList() : chosen.Select(t => t.Id).ToList();
        return new BallotOptions(round.Kind, round.Id, themes, edition.MaxThemesPerBallot, ideas, chosen.Where(t => t.Budget is not null).ToDictionary(t => t.Id, t => t.Budget!.Value));
    }

    /// <summary>"6211-6229, 6230 AB" → "6211AB": a postcode inside the buurt's first range.</summary>
    private static string FirstPostcode(string postcodes) => postcodes.Trim()[..4] + "AB";

    /// <summary>The app in this process (no server, no mail sender), only to run its services.</summary>
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
            builder.UseSetting("Database:MigrateOnStartup", "true");
        }
    }
}

