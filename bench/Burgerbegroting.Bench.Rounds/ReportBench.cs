using System.Diagnostics;
using System.Globalization;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Data.Stemcodes;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Paper;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Editions.Demo;
using Burgerbegroting.Web.Infrastructure;
using Burgerbegroting.Web.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Burgerbegroting.Bench.Rounds;

/// <summary>
/// The participation figures and the edition report at the scale of a city (docs/participation.md, "The edition
/// report"): a stemcodes edition with 150,000 codes in 17 buurten and 100,000 ballots in each voting round (rounds
/// closed and published by the app's own lifecycle), then, each the median of 5 after a warm-up, a round's figures,
/// its results page, the report page and the PDF — once with the kept figures thrown away before every run (what each
/// view cost before they were kept) and once as a repeat view — next to two references measured in the same run: the
/// home page and a plain COUNT of a round's ballots.
/// Usage: <c>-- --report [--ballots 100000] [--codes 150000] [--runs 5] [--postgres]</c>.
/// </summary>
public static class ReportBench
{
    private const long TotalBudget = 1_500_000;
    private const int IdeasPerTheme = 8;
    private static readonly string[] ThemeNames = ["Groen en spelen", "Verkeersveiligheid", "Ontmoeten", "Jongeren", "Schoon en heel", "Cultuur", "Sport"];

    public static async Task<int> RunAsync(string[] args)
    {
        var ballots = Option(args, "--ballots", 100_000);
        var codes = Math.Max(Option(args, "--codes", 150_000), ballots);
        var runs = Option(args, "--runs", 5);
        await using var database = args.Contains("--postgres") ? await BenchDatabase.PostgresAsync() : BenchDatabase.Sqlite();
        database.Keep = args.Contains("--keep");
        await using var app = new BenchApp(database.Provider, database.ConnectionString);
        var address = app.Start();
        Console.WriteLine($"{database.Description}; app on {address}; {Environment.ProcessorCount} cores; load average {LoadAverage()}");

        var watch = Stopwatch.StartNew();
        var editionId = await app.InScopeAsync(services => CreateEditionAsync(services.GetRequiredService<AppDbContext>()));
        var random = new Random(2027);
        var voters = await app.InScopeAsync(services => ReportSeeder.SeedCodesAsync(services.GetRequiredService<AppDbContext>(), editionId, codes, random));
        Console.WriteLine($"{codes:N0} codes in {watch.Elapsed.TotalSeconds:F1} s");
        foreach (var kind in new[] { RoundKind.ThemeChoice, RoundKind.BudgetSplit, RoundKind.Ideas, RoundKind.Selection })
        {
            var step = Stopwatch.StartNew();
            await StepAsync(app, kind, lifecycle => lifecycle.OpenAsync);
            await app.InScopeAsync(async services =>
            {
                await ReportSeeder.SeedRoundAsync(services.GetRequiredService<AppDbContext>(), editionId, kind, voters, ballots, random);
                return 0;
            });
            await StepAsync(app, kind, lifecycle => lifecycle.CloseAsync);
            await PublishAsync(app, kind);
            Console.WriteLine($"round {(int)kind}: seeded, closed and published in {step.Elapsed.TotalSeconds:F1} s");
        }

        if (database.SqliteFile is { } file)
        {
            Console.WriteLine($"SQLite file {new FileInfo(file).Length / 1024.0 / 1024.0:F0} MB");
        }

        using var client = new HttpClient { BaseAddress = address };
        var rows = new List<(string What, Stats Time)>();
        var roundId = await app.InScopeAsync(services => services.GetRequiredService<AppDbContext>().Rounds.Where(r => r.Number == 1).Select(r => r.Id).SingleAsync());

        // The references: a page that reads a few rows, and the cheapest query that touches every ballot of a round.
        var home = await MeasureAsync(runs, null, () => GetAsync(client, ""));
        var count = await MeasureAsync(runs, null, () => app.InScopeAsync(async services =>
            (await services.GetRequiredService<AppDbContext>().Ballots.CountAsync(b => b.RoundId == roundId)).ToString(CultureInfo.InvariantCulture)));
        rows.Add(("reference: GET / (home page)", home));
        rows.Add(("reference: SELECT COUNT(*) of round 1's ballots", count));

        // Counting round 1 as the figures need it, in the app's own query, with nothing kept.
        rows.Add(("figures of round 1, counted (ParticipationQueries)", await MeasureAsync(runs, null, () => app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var edition = (await db.CurrentAsync())!;
            return (await ParticipationQueries.LoadRoundAsync(db, edition, edition.Round(RoundKind.ThemeChoice), 2027)).People.ToString(CultureInfo.InvariantCulture);
        }))));

        // Before: what every view cost while nothing was kept — a change of the edition's figures version before each
        // request throws the kept figures away, as a staff write does. After: the repeat view.
        Func<Task> forget = () => app.InScopeAsync(async services =>
        {
            await FigureCache.ChangedAsync(services.GetRequiredService<AppDbContext>(), editionId);
            return 0;
        });
        foreach (var (path, what) in new[] { ("2027/uitslag/1", "GET /2027/uitslag/1 (results page)"), ("2027/uitslag/verslag", "GET /2027/uitslag/verslag (report page)"), ("2027/uitslag/verslag.pdf", "GET /2027/uitslag/verslag.pdf") })
        {
            rows.Add(($"{what}, counted anew", await MeasureAsync(runs, forget, () => GetAsync(client, path))));
            rows.Add(($"{what}, repeat view", await MeasureAsync(runs, null, () => GetAsync(client, path))));
        }

        // The PDF keeps its drawing by what it says, so a change that leaves the text alone does not redraw it: the
        // drawing on its own, in process.
        rows.Add(("drawing the report PDF (ReportPdf.Write), in process", await MeasureAsync(runs, null, () => app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var report = (await services.GetRequiredService<EditionReports>().LoadAsync((await db.CurrentAsync())!))!;
            var document = services.GetRequiredService<ReportWriter>().Write(report);
            var pdf = ReportPdf.Write(document, path => "https://burgerbegroting.example" + path, "nl-NL", (page, pages) => $"{page}/{pages}");
            return pdf.Length.ToString(CultureInfo.InvariantCulture);
        }))));

        var pdfBytes = (await client.GetByteArrayAsync("2027/uitslag/verslag.pdf")).Length;
        Console.WriteLine();
        Console.WriteLine($"{ballots:N0} ballots in each of rounds 1, 2 and 4, {codes:N0} stemcodes, {database.Provider}; median of {runs} runs after a warm-up (min–max); PDF {pdfBytes / 1024.0:F0} KB; load average {LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| what | median (min–max) | ÷ home page | ÷ COUNT |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (what, time) in rows)
        {
            Console.WriteLine($"| {what} | {Ms(time.Median)} ({Ms(time.Min)}–{Ms(time.Max)}) | {time.Median / home.Median:F1}× | {time.Median / count.Median:F1}× |");
        }

        return 0;
    }

    private sealed record Stats(double Median, double Min, double Max, string Result);

    /// <summary>One warm-up, then <paramref name="runs"/> timed runs, each after <paramref name="before"/> (not timed).</summary>
    private static async Task<Stats> MeasureAsync(int runs, Func<Task>? before, Func<Task<string>> work)
    {
        var result = await work();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            if (before is not null)
            {
                await before();
            }

            var started = Stopwatch.GetTimestamp();
            result = await work();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        times.Sort();
        return new Stats(times[times.Count / 2], times[0], times[^1], result);
    }

    private static async Task<string> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        return response.IsSuccessStatusCode ? body.Length.ToString(CultureInfo.InvariantCulture) : throw new InvalidOperationException($"/{path} answered {(int)response.StatusCode}");
    }

    internal static async Task<int> CreateEditionAsync(AppDbContext db)
    {
        var edition = Edition.CreateNew("Burgerbegroting Maastricht 2027", TotalBudget, DateTime.UtcNow);
        edition.MakeCurrent(DateTime.UtcNow);
        edition.VoterRoll = VoterRoll.Stemcodes;
        edition.Buurten.AddRange(DemoCity.Buurten.Select(b => new Buurt { Name = b.Name, Postcodes = b.Postcodes }));
        edition.Themes.AddRange(ThemeNames.Select((name, i) => new Theme { Name = name, ShortDescription = $"Over {name}", Position = i + 1 }));
        db.Editions.Add(edition);
        await db.SaveChangesAsync();
        return edition.Id;
    }

    internal static async Task StepAsync(BenchApp app, RoundKind kind, Func<RoundLifecycle, Func<int, Task<TransitionError>>> step) =>
        await app.InScopeAsync(async services =>
        {
            var id = await services.GetRequiredService<AppDbContext>().Rounds.Where(r => r.Number == (int)kind).Select(r => r.Id).SingleAsync();
            var error = await step(services.GetRequiredService<RoundLifecycle>())(id);
            return error == TransitionError.None ? 0 : throw new InvalidOperationException($"round {(int)kind}: {error}");
        });

    /// <summary>Publishes as staff would; a tie at round 1's cut-off goes to the theme listed first.</summary>
    internal static async Task PublishAsync(BenchApp app, RoundKind kind) =>
        await app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var lifecycle = services.GetRequiredService<RoundLifecycle>();
            var id = await db.Rounds.Where(r => r.Number == (int)kind).Select(r => r.Id).SingleAsync();
            if (await lifecycle.PublishAsync(id) == TransitionError.TieUnresolved)
            {
                var tie = await lifecycle.TieAsync(id);
                await lifecycle.ResolveTieAsync(id, [.. tie.Tied.OrderBy(t => t.Theme.Position).Take(tie.Seats).Select(t => t.ThemeId)], "bench");
                db.ChangeTracker.Clear();
                await StepAsync(app, kind, l => l.PublishAsync);
            }

            return 0;
        });

    internal static string Ms(double ms) => ms.ToString(ms < 10 ? "F1" : "F0", CultureInfo.InvariantCulture) + " ms";

    internal static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    internal static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
