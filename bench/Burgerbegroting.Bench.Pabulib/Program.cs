using System.Diagnostics;
using System.Globalization;
using Burgerbegroting.Voting;

// Times the outcome rules on the reference pabulib files. Usage:
//   dotnet run --project bench/Burgerbegroting.Bench.Pabulib -c Release -- [targets|all] [--repeat N]
// "targets" (default) measures the three target figures of bench/README.md; "all" times every rule on every file once.
// Each timed call is preceded by a fixed CPU reference (SHA-256 of 100,000 short inputs), and the median ratio is shown.
var mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "targets";
var repeatIndex = Array.IndexOf(args, "--repeat");
var repeat = repeatIndex >= 0 ? int.Parse(args[repeatIndex + 1], CultureInfo.InvariantCulture) : 5;
var instances = Path.Combine(FindRoot(), "tests", "pabulib", "instances");

if (mode == "all")
{
    foreach (var file in Directory.GetFiles(instances, "*.pb").Order(StringComparer.Ordinal))
    {
        var election = PabulibReader.ReadFile(file);
        foreach (var rule in RuleCatalog.All)
        {
            var exactBefore = EqualSharesRule.ExactRuns;
            var settledBefore = EqualSharesRule.ExactSettlements;
            var watch = Stopwatch.StartNew();
            string result;
            try
            {
                result = rule.Run(election).Selected.Count.ToString(CultureInfo.InvariantCulture) + " selected";
            }
            catch (InvalidOperationException e)
            {
                result = e.Message;
            }

            Console.WriteLine($"{Path.GetFileName(file),-72} {rule.Name,-32} {watch.Elapsed.TotalMilliseconds,9:F1} ms  exact runs {EqualSharesRule.ExactRuns - exactBefore,3}  amounts settled exactly {EqualSharesRule.ExactSettlements - settledBefore,3}  {result}");
        }
    }

    return;
}

var warsaw = Path.Combine(instances, "Poland_Warszawa_2026.pb");
var wroclaw = Path.Combine(instances, "Poland_Wroclaw_2015_150_-_500.pb");
var warsawElection = PabulibReader.ReadFile(warsaw);
Measure("Warszawa 2026: mes-cost (after parsing)", () => RuleCatalog.Get("mes-cost").Run(warsawElection), 50);
Measure("Warszawa 2026: mes-cost-add1-greedy (after parsing)", () => RuleCatalog.Get("mes-cost-add1-greedy").Run(warsawElection), 300);
Measure("Wroclaw 2015: parse + greedy-cost + mes-cost", () =>
{
    var election = PabulibReader.ReadFile(wroclaw);
    RuleCatalog.Get("greedy-cost").Run(election);
    return RuleCatalog.Get("mes-cost").Run(election);
}, 1000);

// A fixed amount of CPU work, timed next to every measured call: the machine is shared, so its speed varies from
// minute to minute, and a ratio to this reference moves much less than a time does.
static double Reference()
{
    var watch = Stopwatch.StartNew();
    var bytes = new byte[16];
    var digest = new byte[32];
    for (var i = 0; i < 100_000; i++)
    {
        BitConverter.TryWriteBytes(bytes, i);
        System.Security.Cryptography.SHA256.HashData(bytes, digest);
    }

    return watch.Elapsed.TotalMilliseconds;
}

void Measure(string name, Func<Outcome> action, double targetMs)
{
    // The first call warms up the JIT and builds the compiled election; it is reported but not in the median.
    var exactBefore = EqualSharesRule.ExactRuns;
    var settledBefore = EqualSharesRule.ExactSettlements;
    Reference();
    var watch = Stopwatch.StartNew();
    var outcome = action();
    var first = watch.Elapsed.TotalMilliseconds;
    var times = new List<double>();
    var references = new List<double>();
    var ratios = new List<double>();
    for (var i = 0; i < repeat; i++)
    {
        var reference = Reference();
        watch.Restart();
        action();
        var time = watch.Elapsed.TotalMilliseconds;
        times.Add(time);
        references.Add(reference);
        ratios.Add(time / reference);
    }

    times.Sort();
    references.Sort();
    ratios.Sort();
    var median = times[times.Count / 2];
    Console.WriteLine(
        $"{name,-56} first {first,8:F1} ms  median {median,8:F1} ms  min {times[0],8:F1} ms  target {targetMs,6:F0} ms  " +
        $"{(median <= targetMs ? "OK" : "SLOW")}  reference {references[references.Count / 2],6:F1} ms, ratio {ratios[ratios.Count / 2],6:F2}  " +
        $"({outcome.Selected.Count} selected, add1 increments {outcome.BudgetIncrements?.ToString(CultureInfo.InvariantCulture) ?? "-"}, exact runs {EqualSharesRule.ExactRuns - exactBefore}, amounts settled exactly {EqualSharesRule.ExactSettlements - settledBefore})");
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Burgerbegroting.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Burgerbegroting.sln not found above " + AppContext.BaseDirectory);
}
