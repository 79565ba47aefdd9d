using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Stemcodes;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Stemcodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Burgerbegroting.Bench.Rounds;

/// <summary>
/// What stemcodes cost at the scale of a city (docs/stemcodes.md), in the real app on its database: issuing 150,000
/// codes (hashes and rows), typing a code (redeeming it), and a round-1 ballot saved by a code next to one saved by an
/// account, the reference measured in the same run. Usage: <c>-- --stemcodes [--codes 150000] [--saves 1000] [--postgres]</c>.
/// </summary>
public static class StemcodeBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var codes = Option(args, "--codes", 150_000);
        var saves = Option(args, "--saves", 1_000);
        Environment.SetEnvironmentVariable("Secrets__stemcodes", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        await using var database = args.Contains("--postgres") ? await BenchDatabase.PostgresAsync() : BenchDatabase.Sqlite();
        await using var app = new BenchApp(database.Provider, database.ConnectionString);
        app.Start();
        Console.WriteLine($"{database.Description}; {Environment.ProcessorCount} cores; load average {LoadAverage()}");

        var (roundId, themes) = await app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var edition = Edition.CreateNew("Burgerbegroting Maastricht 2027", 1_000_000, DateTime.UtcNow);
            edition.MakeCurrent(DateTime.UtcNow);
            edition.Buurten.Add(new Buurt { Name = "Centrum", Postcodes = "6211-6229" });
            edition.Themes.AddRange(Enumerable.Range(1, 6).Select(i => new Theme { Name = $"Thema {i}", ShortDescription = "—", Position = i }));
            db.Editions.Add(edition);
            await db.SaveChangesAsync();
            if (await services.GetRequiredService<RoundLifecycle>().OpenAsync(edition.Round(RoundKind.ThemeChoice).Id) != TransitionError.None)
            {
                throw new InvalidOperationException("Could not open round 1.");
            }

            return (edition.Round(RoundKind.ThemeChoice).Id, edition.Themes.Select(t => t.Id).ToList());
        });

        int[] Ballot(int i) => [themes[i % themes.Count], themes[(i + 1) % themes.Count]];

        // Issuing: the codes, their keyed hashes and rows, as the staff page does it.
        var watch = Stopwatch.StartNew();
        var plain = await app.InScopeAsync(async services =>
        {
            var issuer = services.GetRequiredService<StemcodeIssuer>();
            var edition = await services.GetRequiredService<AppDbContext>().Editions.Include(e => e.Rounds).SingleAsync();
            var holders = Enumerable.Range(0, codes).Select(i => new CodeHolder("Centrum", "6211AB", (i + 1).ToString(CultureInfo.InvariantCulture))).ToList();
            var batch = await issuer.IssueAsync(edition, StemcodeBatchKind.Register, holders, "bench");
            Console.WriteLine($"issued {codes:N0} codes in {watch.Elapsed.TotalSeconds:F1} s");
            var list = new List<(long Id, string Plain)>();
            await foreach (var (code, text) in issuer.PlainCodesAsync(batch))
            {
                list.Add((code.Id, text));
                if (list.Count == saves)
                {
                    break;
                }
            }

            return list;
        });
        var issued = watch.Elapsed;

        var accounts = await app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var users = Enumerable.Range(0, saves).Select(i => new AppUser
            {
                UserName = $"bench{i}@example.nl", Email = $"bench{i}@example.nl", EmailConfirmed = true, Kind = AccountKind.Resident,
                Postcode = "6211AB", BirthYear = 1980, CreatedAt = DateTime.UtcNow,
            }).ToList();
            db.Users.AddRange(users);
            await db.SaveChangesAsync();
            return users.Select(u => u.Id).ToList();
        });

        // The reference first: ballots by accounts while the edition votes by account (with their receipt mail queued,
        // which code-only ballots do not have). Then the same edition votes by stemcode.
        var accountSaves = new List<double>();
        var codeSaves = new List<double>();
        var redeems = new List<double>();
        for (var i = 0; i < saves; i++)
        {
            accountSaves.Add(await app.InScopeAsync(services => TimeSaveAsync(services, accounts[i], null, Ballot(i))));
        }

        await SetRollAsync(app, VoterRoll.Stemcodes);
        for (var i = 0; i < saves; i++)
        {
            redeems.Add(await app.InScopeAsync(services => TimeRedeemAsync(services, plain[i].Plain)));
            codeSaves.Add(await app.InScopeAsync(services => TimeSaveAsync(services, null, plain[i].Id, Ballot(i))));
        }

        var ballots = await app.InScopeAsync(services => services.GetRequiredService<AppDbContext>().Ballots.CountAsync(b => b.RoundId == roundId));
        if (ballots != 2 * saves)
        {
            throw new InvalidOperationException($"{ballots} ballots stored, {2 * saves} expected.");
        }

        var (account, code, redeem) = (Stats(accountSaves), Stats(codeSaves), Stats(redeems));
        Console.WriteLine();
        Console.WriteLine($"{codes:N0} codes, {saves:N0} saves of each kind, one after another (the first 50 of each left out as warm-up), {database.Provider}, load average {LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| what | median | p95 | ratio to the account save (median) |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| issue {codes:N0} codes (generate, hash, store) | {issued.TotalSeconds:F1} s in all | | |");
        Console.WriteLine($"| ballot save by an account (reference) | {account.Median:F2} ms | {account.P95:F2} ms | 1.00 |");
        Console.WriteLine($"| ballot save by a code session | {code.Median:F2} ms | {code.P95:F2} ms | {code.Median / account.Median:F2} |");
        Console.WriteLine($"| typing the code (redeem: limits, hash, lookup) | {redeem.Median:F2} ms | {redeem.P95:F2} ms | {redeem.Median / account.Median:F2} |");
        Console.WriteLine($"| code typed + ballot saved | {code.Median + redeem.Median:F2} ms | | {(code.Median + redeem.Median) / account.Median:F2} |");
        return 0;
    }

    private static Task<int> SetRollAsync(BenchApp app, VoterRoll roll) =>
        app.InScopeAsync(services => services.GetRequiredService<AppDbContext>().Editions.ExecuteUpdateAsync(s => s.SetProperty(e => e.VoterRoll, roll)));

    private static async Task<double> TimeSaveAsync(IServiceProvider services, string? accountId, long? codeId, int[] themes)
    {
        var desk = services.GetRequiredService<BallotDesk>();
        var account = accountId is null ? null : await services.GetRequiredService<AppDbContext>().Users.SingleAsync(u => u.Id == accountId);
        var started = Stopwatch.GetTimestamp();
        var context = await desk.LoadAsync(RoundKind.ThemeChoice, account, codeId is null ? null : new CodeSession(codeId.Value, Burgerbegroting.Voting.Paper.BallotChannel.Stemcode)) ?? throw new InvalidOperationException("no edition");
        var ballot = ThemeBallot.Create(context.ThemeChoice, themes).Ballot ?? throw new InvalidOperationException("invalid ballot");
        var result = await desk.CastAsync(context, ballot);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return result == CastResult.Saved ? elapsed : throw new InvalidOperationException($"ballot not saved: {result}");
    }

    private static async Task<double> TimeRedeemAsync(IServiceProvider services, string plain)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var edition = await db.Editions.AsNoTracking().SingleAsync();
        var started = Stopwatch.GetTimestamp();
        var redeemed = await services.GetRequiredService<StemcodeRedeemer>().RedeemAsync(edition, plain, System.Net.IPAddress.Loopback);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return redeemed.Outcome == RedeemOutcome.Accepted ? elapsed : throw new InvalidOperationException($"code refused: {redeemed.Outcome}");
    }

    private static (double Median, double P95) Stats(List<double> times)
    {
        var sorted = times.Skip(50).Order().ToList();
        return (sorted[sorted.Count / 2], sorted[Math.Max(0, (int)Math.Ceiling(0.95 * sorted.Count) - 1)]);
    }

    private static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
