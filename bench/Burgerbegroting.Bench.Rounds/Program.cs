using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Burgerbegroting.Bench.Rounds;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Editions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Seeds a round 2 with 100,000 ballots, then times the close (target ≤ 2 s on SQLite) and the results page once
// published (target ≤ 50 ms per request); see bench/README.md. Usage:
//   dotnet run -c Release --project bench/Burgerbegroting.Bench.Rounds -- [--postgres] [--ballots 100000]
//       [--closes 5] [--requests 200] [--wrk-seconds 10] [--keep]
// With --stemcodes it measures stemcodes instead (StemcodeBench), with --report the figures and the edition report.
if (args.Contains("--stemcodes"))
{
    return await StemcodeBench.RunAsync(args);
}

// With --opendata it measures downloading round 4's open data against static files instead (OpenDataBench).
if (args.Contains("--opendata"))
{
    return await OpenDataBench.RunAsync(args);
}

// With --round4 it measures the close of round 4 instead (Round4Bench).
if (args.Contains("--round4"))
{
    return await Round4Bench.RunAsync(args);
}

// With --report it measures the participation figures and the edition report instead (ReportBench).
if (args.Contains("--report"))
{
    return await ReportBench.RunAsync(args);
}

var ballots = Option("--ballots", 100_000);
var closes = Option("--closes", 5);
var requests = Option("--requests", 200);
var wrkSeconds = Option("--wrk-seconds", 10);
const long totalBudget = 2_500_000;
string[] themeNames = ["Groen en spelen", "Verkeersveiligheid", "Ontmoeten", "Jongeren", "Schoon en heel", "Cultuur", "Sport"];
var rows = new List<(string What, string Target, string Measured, bool? Met)>();

await using var database = args.Contains("--postgres") ? await BenchDatabase.PostgresAsync() : BenchDatabase.Sqlite();
database.Keep = args.Contains("--keep");
await using var app = new BenchApp(database.Provider, database.ConnectionString);
var address = app.Start();
Console.WriteLine($"{database.Description}; app on {address}; {Environment.ProcessorCount} cores; load average {LoadAverage()}");

// An edition whose round 1 is published with 5 of its 7 themes chosen; round 2 opened by the lifecycle.
var (roundId, themes) = await app.InScopeAsync(async services =>
{
    var db = services.GetRequiredService<AppDbContext>();
    var edition = Edition.CreateNew("Burgerbegroting Maastricht 2027", totalBudget, DateTime.UtcNow);
    edition.MakeCurrent(DateTime.UtcNow);
    edition.Themes.AddRange(themeNames.Select((name, i) => new Theme { Name = name, ShortDescription = $"Over {name}", Position = i + 1, Chosen = i < 5 }));
    edition.Round(RoundKind.ThemeChoice).Status = RoundStatus.Published;
    db.Editions.Add(edition);
    await db.SaveChangesAsync();
    Require(await services.GetRequiredService<RoundLifecycle>().OpenAsync(edition.Round(RoundKind.BudgetSplit).Id), "open round 2");
    return (edition.Round(RoundKind.BudgetSplit).Id, edition.Themes.Where(t => t.Chosen).Select(t => t.Id).ToList());
});

var watch = Stopwatch.StartNew();
var sums = await app.InScopeAsync(services => BallotSeeder.SeedAsync(services.GetRequiredService<AppDbContext>(), roundId, themes, ballots, seed: 2027));
rows.Add(($"seed {ballots:N0} ballots, {ballots * themes.Count:N0} entries (not a target)", "—", Seconds(watch.Elapsed), null));
if (database.SqliteFile is { } file)
{
    Console.WriteLine($"Seeded in {Seconds(watch.Elapsed)}; SQLite file {new FileInfo(file).Length / 1024.0 / 1024.0:F0} MB");
}

// The close, as staff trigger it. The first is cold (JIT, query compilation); then the round is put back to Open
// and closed again, which does the same work.
var closeTimes = new List<double>();
for (var i = 0; i < closes; i++)
{
    if (i > 0)
    {
        await app.InScopeAsync(services => services.GetRequiredService<AppDbContext>().Rounds.Where(r => r.Id == roundId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RoundStatus.Open).SetProperty(r => r.ResultsComputedAt, (DateTime?)null)));
    }

    closeTimes.Add(await app.InScopeAsync(async services =>
    {
        var lifecycle = services.GetRequiredService<RoundLifecycle>();
        var started = Stopwatch.GetTimestamp();
        Require(await lifecycle.CloseAsync(roundId), "close round 2");
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }));
    Console.WriteLine($"close {i + 1}: {closeTimes[^1]:F0} ms");
}

await CheckResultsAsync();
rows.Add(("close: first (cold)", "≤ 2 s", Ms(closeTimes[0]), closeTimes[0] <= 2000));
if (closeTimes.Count > 1)
{
    var warm = closeTimes.Skip(1).Order().ToList();
    rows.Add(($"close: median of {warm.Count} more (min–max)", "≤ 2 s", $"{Ms(Percentile(warm, 0.5))} ({Ms(warm[0])}–{Ms(warm[^1])})", Percentile(warm, 0.5) <= 2000));
}

await app.InScopeAsync(async services =>
{
    Require(await services.GetRequiredService<RoundLifecycle>().PublishAsync(roundId), "publish round 2");
    return 0;
});

// The results page, anonymous, over real HTTP to Kestrel: one cold request, 20 to warm up, then the sequential run.
using var client = new HttpClient { BaseAddress = address };
var first = await GetPageAsync(check: true);
for (var i = 0; i < 20; i++)
{
    await GetPageAsync(check: false);
}

var pageTimes = new List<double>();
for (var i = 0; i < requests; i++)
{
    pageTimes.Add(await GetPageAsync(check: false));
}

pageTimes.Sort();
rows.Add(("GET /uitslag/2: first request (cold)", "—", Ms(first), null));
rows.Add(($"GET /uitslag/2: median of {requests} sequential", "≤ 50 ms", Ms(Percentile(pageTimes, 0.5)), Percentile(pageTimes, 0.5) <= 50));
rows.Add(($"GET /uitslag/2: p95 of {requests} sequential (max)", "≤ 50 ms", $"{Ms(Percentile(pageTimes, 0.95))} ({Ms(pageTimes[^1])})", Percentile(pageTimes, 0.95) <= 50));
if (wrkSeconds > 0)
{
    rows.Add(await WrkAsync());
}

Console.WriteLine();
Console.WriteLine($"{ballots:N0} round-2 ballots, {themes.Count} themes, {database.Provider}, load average {LoadAverage()}");
Console.WriteLine();
Console.WriteLine($"| {"what",-58} | {"target",-8} | {"measured",-40} | met |");
Console.WriteLine($"|{new string('-', 60)}|{new string('-', 10)}|{new string('-', 42)}|-----|");
foreach (var (what, target, measured, met) in rows)
{
    Console.WriteLine($"| {what,-58} | {target,-8} | {measured,-40} | {(met is null ? "" : met.Value ? "yes" : "NO"),-3} |");
}

return rows.Any(r => r.Met == false) ? 1 : 0;

// The stored results must be what the seeded ballots add up to, and the budgets must add up to the total.
async Task CheckResultsAsync()
{
    var (count, lines) = await app.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<AppDbContext>();
        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == roundId);
        return (round.BallotCount, await db.ThemeResults.AsNoTracking().Where(r => r.RoundId == roundId).ToListAsync());
    });
    var expected = themes.Select((id, i) => (id, sums[i])).ToHashSet();
    if (count != ballots || !lines.Select(l => (l.ThemeId, l.PercentageSum)).ToHashSet().SetEquals(expected) || lines.Sum(l => l.Budget) != totalBudget)
    {
        throw new InvalidOperationException("The stored results do not match the seeded ballots.");
    }

    Console.WriteLine($"Results checked: {count:N0} ballots; budgets {string.Join(" + ", lines.OrderBy(l => l.Rank).Select(l => l.Budget))} = {totalBudget:N0}");
}

async Task<double> GetPageAsync(bool check)
{
    var started = Stopwatch.GetTimestamp();
    using var response = await client.GetAsync("2027/uitslag/2");
    var html = await response.Content.ReadAsStringAsync();
    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    if (!response.IsSuccessStatusCode || (check && !themeNames.Take(5).All(html.Contains)))
    {
        throw new InvalidOperationException($"/uitslag/2 answered {(int)response.StatusCode} without the results.");
    }

    if (check)
    {
        Console.WriteLine($"/uitslag/2: {html.Length:N0} characters");
    }

    return elapsed;
}

// Throughput with wrk (apt-get install wrk), which shares the two cores with the app: a lower bound.
async Task<(string, string, string, bool?)> WrkAsync()
{
    const int connections = 16;
    var what = $"wrk: {connections} connections, 2 threads, {wrkSeconds} s";
    Process process;
    try
    {
        process = Process.Start(new ProcessStartInfo("wrk", ["-t2", $"-c{connections}", $"-d{wrkSeconds}s", "--latency", new Uri(address, "2027/uitslag/2").ToString()])
        {
            RedirectStandardOutput = true,
        })!;
    }
    catch (System.ComponentModel.Win32Exception)
    {
        return (what, "—", "wrk not installed", null);
    }

    var output = await process.StandardOutput.ReadToEndAsync();
    await process.WaitForExitAsync();
    process.Dispose();
    string Find(string pattern) => Regex.Match(output, pattern, RegexOptions.Multiline) is { Success: true } m ? m.Groups[1].Value : "?";
    var errors = Find(@"Non-2xx or 3xx responses: (\d+)");
    var measured = $"{Find(@"^Requests/sec:\s+([\d.]+)")} req/s, p50 {Find(@"^\s+50%\s+(\S+)")}, p99 {Find(@"^\s+99%\s+(\S+)")}";
    return (what, "—", errors == "?" ? measured : $"{measured}, {errors} non-2xx", null);
}

static void Require(TransitionError error, string what)
{
    if (error != TransitionError.None)
    {
        throw new InvalidOperationException($"Could not {what}: {error}");
    }
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];

static string Ms(double ms) => ms.ToString(ms < 10 ? "F1" : "F0", CultureInfo.InvariantCulture) + " ms";

static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s";

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
