using System.Diagnostics;
using System.Globalization;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Burgerbegroting.Bench.Rounds;

/// <summary>
/// Downloading round 4's open data (a theme's <c>ballots.pb</c>) of a round with 100,000 ballots, against static files
/// served by the same app in the same run: <c>/css/site.css</c> and a static copy of the very same bytes. Each is
/// requested one after another (median) and then by <c>--connections</c> clients at once for <c>--seconds</c>
/// (requests per second, p50/p99, bytes allocated per request, the process's working-set growth). "Rebuilt" is what
/// every download cost before the files were stored: before each request the edition's figures version is raised
/// (untimed), so the file is built again from the ballots, and stored.
/// Usage: <c>-- --opendata [--ballots 100000] [--runs 20] [--connections 16] [--seconds 10] [--postgres] [--keep]</c>.
/// </summary>
public static class OpenDataBench
{
    private const long TotalBudget = 2_500_000;
    private static readonly string[] ThemeNames = ["Groen en spelen", "Verkeersveiligheid", "Ontmoeten", "Jongeren", "Schoon en heel", "Cultuur", "Sport"];

    public static async Task<int> RunAsync(string[] args)
    {
        var ballots = Option(args, "--ballots", 100_000);
        var runs = Option(args, "--runs", 20);
        var connections = Option(args, "--connections", 16);
        var seconds = Option(args, "--seconds", 10);
        await using var database = args.Contains("--postgres") ? await BenchDatabase.PostgresAsync() : BenchDatabase.Sqlite();
        database.Keep = args.Contains("--keep");
        await using var app = new BenchApp(database.Provider, database.ConnectionString);
        var address = app.Start();
        Console.WriteLine($"{database.Description}; app on {address}; {Environment.ProcessorCount} cores; load average {LoadAverage()}");

        var (editionId, roundId) = await app.InScopeAsync(services => CreateEditionAsync(services.GetRequiredService<AppDbContext>()));
        var random = new Random(2027);
        var voters = Enumerable.Range(0, ballots).Select(_ => Guid.NewGuid().ToString()).ToArray();
        await app.InScopeAsync(async services =>
        {
            await ReportSeeder.SeedRoundAsync(services.GetRequiredService<AppDbContext>(), editionId, RoundKind.Ideas, voters, ballots, random);
            return 0;
        });
        await StepAsync(app, roundId, l => l.OpenAsync);
        var watch = Stopwatch.StartNew();
        await app.InScopeAsync(async services =>
        {
            await ReportSeeder.SeedRoundAsync(services.GetRequiredService<AppDbContext>(), editionId, RoundKind.Selection, voters, ballots, random);
            return 0;
        });
        Console.WriteLine($"{ballots:N0} round-4 ballots seeded in {watch.Elapsed.TotalSeconds:F1} s");
        watch.Restart();
        await StepAsync(app, roundId, l => l.CloseAsync);
        Console.WriteLine($"closed in {watch.Elapsed.TotalSeconds:F1} s");
        watch.Restart();
        await StepAsync(app, roundId, l => l.PublishAsync);
        var publish = watch.Elapsed.TotalSeconds;
        var stored = await app.InScopeAsync(services => services.GetRequiredService<AppDbContext>().PublishedFiles
            .Select(f => new { f.Name, f.Content.Length }).ToListAsync());
        Console.WriteLine($"published in {publish:F1} s, storing {stored.Count} files: {string.Join(", ", stored.Select(f => $"{f.Name} {f.Length / 1024.0 / 1024.0:F1} MB"))}");

        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = address };
        var themeId = await app.InScopeAsync(services => services.GetRequiredService<AppDbContext>().Themes
            .Where(t => t.EditionId == editionId && t.Chosen).OrderBy(t => t.Position).Select(t => t.Id).FirstAsync());
        var pabulib = $"2027/uitslag/4/ballots.pb?thema={themeId}";
        var bytes = await client.GetByteArrayAsync(pabulib);
        // The same bytes as a static file of the app (its web root is the bench's output folder).
        var copy = Path.Combine(AppContext.BaseDirectory, "wwwroot", "opendata-bench-copy.txt");
        await File.WriteAllBytesAsync(copy, bytes);
        try
        {
            var targets = new (string What, string Path)[]
            {
                ("GET /css/site.css (static, 17 KB)", "css/site.css"),
                ($"GET static copy of ballots.pb ({bytes.Length / 1024.0 / 1024.0:F1} MB)", "opendata-bench-copy.txt"),
                ("GET /2027/uitslag/4/ballots.pb (stored)", pabulib),
            };
            Func<Task> rebuild = () => app.InScopeAsync(async services =>
            {
                await FigureCache.ChangedAsync(services.GetRequiredService<AppDbContext>(), editionId);
                return 0;
            });

            Console.WriteLine($"load average {LoadAverage()}");
            var sequential = new List<(string What, double Median, double Allocated)>();
            foreach (var (what, path) in targets)
            {
                var (median, allocated) = await SequentialAsync(client, path, runs, null);
                sequential.Add((what, median, allocated));
            }

            var (rebuiltMedian, rebuiltAllocated) = await SequentialAsync(client, pabulib, Math.Min(runs, 10), rebuild);
            sequential.Add(("GET /2027/uitslag/4/ballots.pb, rebuilt (as before)", rebuiltMedian, rebuiltAllocated));
            var loads = new List<(string What, Load Load)>();
            foreach (var (what, path) in targets)
            {
                loads.Add((what, await LoadAsync(client, path, connections, seconds)));
            }

            Console.WriteLine();
            Console.WriteLine($"{ballots:N0} round-4 ballots, {database.Provider}; publish (with its open data) {publish:F1} s; load average {LoadAverage()}");
            Console.WriteLine();
            Console.WriteLine($"| one after another ({runs} runs) | median | ÷ static copy | allocated per request |");
            Console.WriteLine("|---|---|---|---|");
            var reference = sequential[1].Median;
            foreach (var (what, median, allocated) in sequential)
            {
                Console.WriteLine($"| {what} | {Ms(median)} | {median / reference:F2}× | {allocated / 1024.0 / 1024.0:F2} MB |");
            }

            Console.WriteLine();
            Console.WriteLine($"| {connections} connections, {seconds} s | req/s | ÷ static copy | p50 | p99 | allocated per request | working set growth |");
            Console.WriteLine("|---|---|---|---|---|---|---|");
            var throughput = loads[1].Load.PerSecond;
            foreach (var (what, load) in loads)
            {
                Console.WriteLine($"| {what} | {load.PerSecond:F0} | {load.PerSecond / throughput:F2}× | {Ms(load.P50)} | {Ms(load.P99)} | {load.Allocated / 1024.0 / 1024.0:F2} MB | {load.Growth / 1024.0 / 1024.0:F0} MB |");
            }
        }
        finally
        {
            File.Delete(copy);
        }

        return 0;
    }

    private sealed record Load(double PerSecond, double P50, double P99, double Allocated, long Growth);

    /// <summary>A warm-up, then one request after another: the median time and the bytes allocated per request (app and client).</summary>
    private static async Task<(double Median, double Allocated)> SequentialAsync(HttpClient client, string path, int runs, Func<Task>? before)
    {
        await GetAsync(client, path);
        var times = new List<double>();
        long allocated = 0;
        for (var i = 0; i < runs; i++)
        {
            if (before is not null)
            {
                await before();
            }

            var bytes = GC.GetTotalAllocatedBytes();
            var started = Stopwatch.GetTimestamp();
            await GetAsync(client, path);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            allocated += GC.GetTotalAllocatedBytes() - bytes;
        }

        times.Sort();
        return (times[times.Count / 2], (double)allocated / runs);
    }

    /// <summary><paramref name="connections"/> clients requesting the path again and again for <paramref name="seconds"/>.</summary>
    private static async Task<Load> LoadAsync(HttpClient client, string path, int connections, int seconds)
    {
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var start = process.WorkingSet64;
        var peak = start;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var until = Stopwatch.GetTimestamp() + (seconds * Stopwatch.Frequency);
        using var done = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(50);
            }
        });
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var times = new List<double>();
            while (Stopwatch.GetTimestamp() < until)
            {
                var started = Stopwatch.GetTimestamp();
                await GetAsync(client, path);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return times;
        })).ToList();
        var all = (await Task.WhenAll(workers)).SelectMany(t => t).Order().ToList();
        await done.CancelAsync();
        await sampler;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        return new Load(all.Count / (double)seconds, all[all.Count / 2], all[(int)(all.Count * 0.99)], (double)allocated / all.Count, peak - start);
    }

    /// <summary>One download, its body read and dropped, as a client saving it would.</summary>
    private static async Task GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"/{path} answered {(int)response.StatusCode}");
        }

        await response.Content.CopyToAsync(Stream.Null);
    }

    /// <summary>An edition whose rounds 1 to 3 are done (5 of 7 themes chosen, each with a fifth of the budget) and round 4 planned.</summary>
    private static async Task<(int EditionId, int RoundId)> CreateEditionAsync(AppDbContext db)
    {
        var edition = Edition.CreateNew("Burgerbegroting Maastricht 2027", TotalBudget, DateTime.UtcNow);
        edition.MakeCurrent(DateTime.UtcNow);
        edition.Buurten.Add(new Buurt { Name = "Wyck", Postcodes = "6221" });
        edition.Themes.AddRange(ThemeNames.Select((name, i) => new Theme
        {
            Name = name, ShortDescription = $"Over {name}", Position = i + 1, Chosen = i < 5, Budget = i < 5 ? TotalBudget / 5 : null,
        }));
        foreach (var kind in new[] { RoundKind.ThemeChoice, RoundKind.BudgetSplit, RoundKind.Ideas })
        {
            edition.Round(kind).Status = RoundStatus.Published;
        }

        db.Editions.Add(edition);
        await db.SaveChangesAsync();
        return (edition.Id, edition.Round(RoundKind.Selection).Id);
    }

    private static async Task StepAsync(BenchApp app, int roundId, Func<RoundLifecycle, Func<int, Task<TransitionError>>> step) =>
        await app.InScopeAsync(async services =>
        {
            var error = await step(services.GetRequiredService<RoundLifecycle>())(roundId);
            return error == TransitionError.None ? 0 : throw new InvalidOperationException($"round 4: {error}");
        });

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "F2" : "F0", CultureInfo.InvariantCulture) + " ms";

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
