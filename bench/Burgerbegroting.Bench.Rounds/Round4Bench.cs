using System.Diagnostics;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Selection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Burgerbegroting.Bench.Rounds;

/// <summary>
/// Closing round 4 (idea selection) at the scale of a city (issue 17: at most 1 s on SQLite with 100,000 ballots):
/// an edition taken through rounds 1–3 by the app's lifecycle (100,000 ballots in rounds 1 and 2, 4 admitted ideas in
/// each of 5 themes), then 100,000 valid round-4 ballots, and the close timed with each rule the edition can choose
/// (greedy and equal shares): once cold, then the median of repeats after setting the round back to Open. The stored
/// results are checked against the Voting library run on the same ballots loaded one by one, the straightforward way.
/// The reference in the same run is the close of round 2 with as many ballots (an aggregate query and a few rows).
/// Usage: <c>-- --round4 [--ballots 100000] [--ideas-per-theme 4] [--closes 5] [--postgres] [--keep]</c>.
/// </summary>
public static class Round4Bench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var ballots = ReportBench.Option(args, "--ballots", 100_000);
        var ideasPerTheme = ReportBench.Option(args, "--ideas-per-theme", 4);
        var closes = ReportBench.Option(args, "--closes", 5);
        await using var database = args.Contains("--postgres") ? await BenchDatabase.PostgresAsync() : BenchDatabase.Sqlite();
        database.Keep = args.Contains("--keep");
        await using var app = new BenchApp(database.Provider, database.ConnectionString);
        var address = app.Start();
        Console.WriteLine($"{database.Description}; app on {address}; {Environment.ProcessorCount} cores; load average {ReportBench.LoadAverage()}");

        var editionId = await app.InScopeAsync(services => ReportBench.CreateEditionAsync(services.GetRequiredService<AppDbContext>()));
        var random = new Random(2027);
        var voters = Enumerable.Range(0, ballots).Select(_ => Guid.NewGuid().ToString()).ToArray();
        var rows = new List<(string What, string Measured, bool? Met)>();
        (double Cold, List<double> Warm) reference = (0, []);
        foreach (var kind in new[] { RoundKind.ThemeChoice, RoundKind.BudgetSplit, RoundKind.Ideas, RoundKind.Selection })
        {
            var step = Stopwatch.StartNew();
            await ReportBench.StepAsync(app, kind, lifecycle => lifecycle.OpenAsync);
            await app.InScopeAsync(async services =>
            {
                await ReportSeeder.SeedRoundAsync(services.GetRequiredService<AppDbContext>(), editionId, kind, voters, ballots, random, ideasPerTheme);
                return 0;
            });
            Console.WriteLine($"round {(int)kind}: seeded in {step.Elapsed.TotalSeconds:F1} s");
            if (kind == RoundKind.Selection)
            {
                break;
            }

            if (kind == RoundKind.BudgetSplit)
            {
                reference = await ClosesAsync(app, kind, closes);
            }
            else
            {
                await ReportBench.StepAsync(app, kind, lifecycle => lifecycle.CloseAsync);
            }

            await ReportBench.PublishAsync(app, kind);
        }

        if (database.SqliteFile is { } file)
        {
            Console.WriteLine($"SQLite file {new FileInfo(file).Length / 1024.0 / 1024.0:F0} MB");
        }

        var (ballotsByTheme, entries) = await app.InScopeAsync(services => CheckBallotsAsync(services.GetRequiredService<AppDbContext>(), editionId));
        Console.WriteLine($"{ballots:N0} round-4 ballots, {entries:N0} approvals, all valid; ballots per theme {string.Join(" ", ballotsByTheme)}");
        rows.Add(($"reference: close of round 2 ({ballots:N0} ballots), first (cold)", ReportBench.Ms(reference.Cold), null));
        rows.Add(($"reference: close of round 2, median of {reference.Warm.Count} more (min–max)", Summary(reference.Warm), null));
        var referenceMedian = Median(reference.Warm);
        foreach (var rule in new[] { OutcomeRuleKind.Greedy, OutcomeRuleKind.EqualShares })
        {
            await app.InScopeAsync(services => services.GetRequiredService<AppDbContext>().Editions.Where(e => e.Id == editionId)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.OutcomeRule, rule)));
            var (cold, warm) = await ClosesAsync(app, RoundKind.Selection, closes);
            await app.InScopeAsync(services => CheckResultsAsync(services.GetRequiredService<AppDbContext>(), editionId));
            rows.Add(($"close of round 4, {rule}: first (cold)", $"{ReportBench.Ms(cold)} ({cold / referenceMedian:F1}× round 2)", cold <= 1000));
            rows.Add(($"close of round 4, {rule}: median of {warm.Count} more (min–max)", $"{Summary(warm)} ({Median(warm) / referenceMedian:F1}× round 2)", Median(warm) <= 1000));
            var computed = await ComputesAsync(app, closes);
            rows.Add(($"of which computing the results (ResultsCalculator), {rule}: median of {computed.Count}", Summary(computed), null));
        }

        Console.WriteLine();
        Console.WriteLine($"{ballots:N0} round-4 ballots, 5 themes, {ideasPerTheme * 5} ideas, {database.Provider}; load average {ReportBench.LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| what | measured | ≤ 1 s |");
        Console.WriteLine("|---|---|---|");
        foreach (var (what, measured, met) in rows)
        {
            Console.WriteLine($"| {what} | {measured} | {(met is null ? "" : met.Value ? "yes" : "NO")} |");
        }

        return rows.Any(r => r.Met == false) ? 1 : 0;
    }

    /// <summary>The close as staff trigger it, first cold, then again after setting the round back to Open.</summary>
    private static async Task<(double Cold, List<double> Warm)> ClosesAsync(BenchApp app, RoundKind kind, int closes)
    {
        var times = new List<double>();
        for (var i = 0; i < closes; i++)
        {
            await app.InScopeAsync(services => services.GetRequiredService<AppDbContext>().Rounds.Where(r => r.Number == (int)kind)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RoundStatus.Open).SetProperty(r => r.ResultsComputedAt, (DateTime?)null)));
            var started = Stopwatch.GetTimestamp();
            await ReportBench.StepAsync(app, kind, lifecycle => lifecycle.CloseAsync);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Console.WriteLine($"close of round {(int)kind} {i + 1}: {times[^1]:F0} ms");
        }

        return (times[0], [.. times.Skip(1).Order()]);
    }

    /// <summary>
    /// Only the results computed and stored again (ResultsCalculator), without the status update, the audit entry and,
    /// on PostgreSQL, the rewrite of the ballot tables in random order that the close does after it (BallotOrder).
    /// </summary>
    private static async Task<List<double>> ComputesAsync(BenchApp app, int runs)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            times.Add(await app.InScopeAsync(async services =>
            {
                var db = services.GetRequiredService<AppDbContext>();
                var round = await db.Rounds.SingleAsync(r => r.Number == (int)RoundKind.Selection);
                var started = Stopwatch.GetTimestamp();
                await services.GetRequiredService<ResultsCalculator>().ComputeAsync(round);
                return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }));
        }

        return [.. times.Order()];
    }

    /// <summary>Every round-4 ballot as the real ballot rules require (admitted ideas, within each theme's budget).</summary>
    private static async Task<(int[] BallotsByTheme, int Entries)> CheckBallotsAsync(AppDbContext db, int editionId)
    {
        var edition = await db.Editions.Include(e => e.Themes).SingleAsync(e => e.Id == editionId);
        var themes = edition.SelectionThemes().OrderBy(t => t.Position).ToList();
        var offered = new List<SelectionTheme>();
        foreach (var theme in themes)
        {
            offered.Add(new SelectionTheme(theme.Id, theme.Budget!.Value, (await db.AdmittedIdeasAsync(editionId, theme.Id)).ToDictionary(i => i.Id, i => i.Cost)));
        }

        var offer = new SelectionOffer(offered);
        var lines = await LoadAsync(db, editionId);
        foreach (var ballot in lines.Values)
        {
            if (!SelectionBallot.Create(offer, [.. ballot.Select(l => l.IdeaId)]).IsValid)
            {
                throw new InvalidOperationException("The bench seeded an invalid round-4 ballot.");
            }
        }

        return ([.. themes.Select(t => lines.Values.Count(b => b.Any(l => l.ThemeId == t.Id)))], lines.Values.Sum(b => b.Count));
    }

    /// <summary>The stored results must be what the rule makes of the ballots loaded one by one (the code as it was before issue 17).</summary>
    private static async Task<int> CheckResultsAsync(AppDbContext db, int editionId)
    {
        var edition = await db.Editions.Include(e => e.Themes).Include(e => e.Rounds).AsSplitQuery().SingleAsync(e => e.Id == editionId);
        var round = edition.Round(RoundKind.Selection);
        var lines = await LoadAsync(db, editionId);
        var stored = await db.IdeaResults.AsNoTracking().Where(r => r.RoundId == round.Id).ToListAsync();
        var expected = new List<string>();
        foreach (var theme in edition.SelectionThemes())
        {
            var ideas = await db.AdmittedIdeasAsync(editionId, theme.Id);
            var approvals = lines.OrderBy(b => b.Key).Select(b => (IReadOnlyList<int>)[.. b.Value.Where(l => l.ThemeId == theme.Id).Select(l => l.IdeaId)]).Where(b => b.Count > 0).ToList();
            var election = SelectionElection.Build(theme, ideas, approvals);
            var outcome = SelectionElection.Rule(edition.OutcomeRule).Run(election.Election);
            expected.AddRange(outcome.Projects.Select(p => Describe(SelectionCalculator.ToResult(round, theme, election, outcome, p))));
        }

        var actual = stored.Select(Describe).ToList();
        if (!actual.Order().SequenceEqual(expected.Order()))
        {
            throw new InvalidOperationException($"The stored results differ from the ballots':\nstored:\n{string.Join('\n', actual.Order())}\nexpected:\n{string.Join('\n', expected.Order())}");
        }

        Console.WriteLine($"Results checked ({edition.OutcomeRule}): {stored.Count} ideas, {stored.Count(r => r.Selected)} selected, votes {string.Join(" ", stored.OrderBy(r => r.IdeaId).Select(r => r.Votes))}");
        return 0;
    }

    private static string Describe(IdeaResult r) =>
        $"{r.ThemeId} {r.IdeaId} votes {r.Votes} cost {r.Cost} {(r.Selected ? "selected" : "-")} step {r.Step} {r.Reason} left {r.RemainingAtTurn} money {r.SupportersMoneyLeft} tie {r.WonTieAgainst}";

    /// <summary>Each round-4 ballot's lines, by ballot id: every row read and kept, the way the close did it before.</summary>
    private static async Task<Dictionary<long, List<(int ThemeId, int IdeaId)>>> LoadAsync(AppDbContext db, int editionId)
    {
        var roundId = await db.Rounds.Where(r => r.EditionId == editionId && r.Number == (int)RoundKind.Selection).Select(r => r.Id).SingleAsync();
        var rows = await (from e in db.BallotEntries
                          join b in db.Ballots on e.BallotId equals b.Id
                          where b.RoundId == roundId
                          select new { e.BallotId, e.ThemeId, e.IdeaId }).ToListAsync();
        return rows.GroupBy(r => r.BallotId).ToDictionary(g => g.Key, g => g.Select(r => (r.ThemeId, r.IdeaId!.Value)).ToList());
    }

    private static double Median(List<double> sorted) => sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];

    private static string Summary(List<double> sorted) =>
        sorted.Count == 0 ? "—" : $"{ReportBench.Ms(Median(sorted))} ({ReportBench.Ms(sorted[0])}–{ReportBench.Ms(sorted[^1])})";
}
