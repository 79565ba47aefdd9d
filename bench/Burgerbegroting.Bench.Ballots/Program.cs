using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Burgerbegroting.Bench;
using Burgerbegroting.Bench.Ballots;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Npgsql;

// Ballot saves against the home page and a static file, in one run, on the real app as a process (issue 17); see
// bench/README.md. Usage:
//   dotnet run -c Release --project bench/Burgerbegroting.Bench.Ballots -- [--postgres] [--rounds 1,2,4] [--seconds 10]
//       [--voters 256] [--connections 16,64] [--no-codes] [--keep] [--trace FOLDER] [--env NAME=VALUE]
// Needs aiosmtpd (Debian package python3-aiosmtpd); with --postgres, BB_TEST_POSTGRES (./test.sh --setup-only prints it).
// Exit code 1 if a check fails or a target is missed.
var postgres = args.Contains("--postgres");
var rounds = Text("--rounds", "1,2,4").Split(',').Select(r => (RoundKind)int.Parse(r, CultureInfo.InvariantCulture)).ToList();
var duration = TimeSpan.FromSeconds(Number("--seconds", 10));
var voterCount = Number("--voters", 256);
var connectionCounts = Text("--connections", "16,64").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList();
var withCodes = !args.Contains("--no-codes");
var random = new Random(17);
// The seeding host looks for its content-root manifest (src/Burgerbegroting.Web) in the current directory.
Environment.CurrentDirectory = AppContext.BaseDirectory;
var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "burgerbegroting-bench", $"ballots-{Guid.NewGuid():N}")).FullName;
var server = postgres
    ? Environment.GetEnvironmentVariable("BB_TEST_POSTGRES") is { Length: > 0 } configured ? configured
        : throw new DrillException("BB_TEST_POSTGRES is not set: eval \"$(./test.sh --setup-only | grep '^export')\" first.")
    : null;
Console.WriteLine($"Folder {folder}; {(postgres ? "PostgreSQL" : "SQLite")}; {Environment.ProcessorCount} cores; load average {LoadAverage()}");

await using var sink = new SmtpSink(folder);
await sink.StartAsync();
var secrets = Directory.CreateDirectory(Path.Combine(folder, "secrets")).FullName;
var segments = new List<(RoundKind Round, Segment Segment, double? Ratio)>();
var checks = new List<(string What, string Figure, bool Ok)>();
var databases = new List<string>();
try
{
    foreach (var round in rounds)
    {
        await RoundAsync(round);
    }
}
finally
{
    if (postgres)
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var name in databases)
        {
            await ServerCommandAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    if (!args.Contains("--keep"))
    {
        Directory.Delete(folder, recursive: true);
    }
}

PrintReport();
return checks.All(c => c.Ok) ? 0 : 1;

async Task RoundAsync(RoundKind round)
{
    var settings = await SettingsAsync(round);
    var seeded = await BenchSeeder.SeedAsync(settings, round, voterCount);
    await BenchSeeder.SetVoterRollAsync(settings, VoterRoll.Accounts);
    var options = seeded.Options;
    Console.WriteLine($"round {(int)round}: demo edition seeded, {seeded.BallotsBefore} ballots in the round, {voterCount} residents and {seeded.Codes.Count} letters added");

    await using var app = new AppInstance($"app-round{(int)round}", folder, DrillProcess.FreePort(), settings);
    var started = Stopwatch.StartNew();
    app.Start();
    await app.WaitReadyAsync();
    var home = new Uri(app.Url, "/");
    using (var first = new HttpClient())
    {
        (await first.GetAsync(home)).EnsureSuccessStatusCode();
    }

    checks.Add(($"round {(int)round}: start-up to the first page", $"{started.Elapsed.TotalSeconds:F1} s", true));
    var load = new Load(app.Pid ?? throw new DrillException("the app is not running"));
    var idle = load.RssMb();

    var accounts = seeded.Residents.Select(email => new BenchVoter(email, null, options)).ToList();
    var codes = withCodes ? seeded.Codes.Select(code => new BenchVoter(null, code, options)).ToList() : [];
    try
    {
        await ForEachAsync(accounts, v => v.PrepareAsync(app.Url));
        var anonymous = Enumerable.Range(0, connectionCounts.Max()).Select(_ => new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false })).ToList();
        var css = new Uri(app.Url, "css/site.css");
        Func<int, Task<bool>> Get(Uri url) => async worker =>
        {
            using var response = await anonymous[worker].GetAsync(url);
            await response.Content.ReadAsByteArrayAsync();
            return response.StatusCode == HttpStatusCode.OK;
        };

        // Warm-up (JIT, query compilation, connection pools): not reported.
        await load.RunAsync("warm-up", 16, TimeSpan.FromSeconds(3), Get(home));
        await load.RunAsync("warm-up", 16, TimeSpan.FromSeconds(3), Vote(accounts, 16, app.Url, options));
        await DrainAsync(app.Url);
        foreach (var connections in connectionCounts)
        {
            var page = await load.RunAsync("home page", connections, duration, Get(home));
            segments.Add((round, page, null));
            segments.Add((round, await load.RunAsync("static file (css)", connections, duration, Get(css)), null));
            using var trace = Trace(app.Pid, $"round{(int)round}-{connections}");
            var saves = await load.RunAsync("ballot save (account)", connections, duration, Vote(accounts, connections, app.Url, options));
            trace?.WaitForExit();
            var drained = await DrainAsync(app.Url);
            segments.Add((round, saves, saves.PerSecond / page.PerSecond));
            checks.Add(($"round {(int)round}, {connections} connections: receipt mails still queued when the saves stopped drained in", $"{drained.TotalSeconds:F1} s", drained <= TimeSpan.FromSeconds(5)));
            Console.WriteLine($"round {(int)round}, {connections} connections: home {page.PerSecond:F0} req/s, ballots {saves.PerSecond:F0} req/s, p99 {saves.P99:F0} ms, queue drained in {drained.TotalSeconds:F1} s");
        }

        await CheckStoredAsync(round, accounts, app.Url, "account");
        if (withCodes)
        {
            await BenchSeeder.SetVoterRollAsync(settings, VoterRoll.Stemcodes);
            await ForEachAsync(codes, v => v.PrepareAsync(app.Url));
            foreach (var connections in connectionCounts)
            {
                var page = segments.Last(s => s.Round == round && s.Segment.What == "home page" && s.Segment.Connections == connections).Segment;
                var saves = await load.RunAsync("ballot by stemcode (code typed + ballot saved)", connections, duration, Vote(codes, connections, app.Url, options));
                segments.Add((round, saves, saves.PerSecond / page.PerSecond));
            }

            await CheckStoredAsync(round, codes, app.Url, "stemcode");
        }

        var stored = await BenchSeeder.BallotCountAsync(settings, options.RoundId);
        var voted = accounts.Concat(codes).Count(v => v.LastAcknowledged is not null);
        checks.Add(($"round {(int)round}: ballots in the round = before + voters with an acknowledged ballot", $"{stored} = {seeded.BallotsBefore} + {voted}", stored == seeded.BallotsBefore + voted));
        checks.Add(($"round {(int)round}: resident memory idle after start / peak under load", $"{idle} / {load.PeakRssMb} MB", load.PeakRssMb <= 300));
        var failures = app.Failures();
        checks.Add(($"round {(int)round}: errors the app logged (fail:/crit:)", failures.Count == 0 ? "none" : $"{failures.Count}, first: {failures[0]}", failures.Count == 0));
    }
    finally
    {
        foreach (var voter in accounts.Concat(codes))
        {
            voter.Dispose();
        }
    }
}

// With --trace FOLDER: dotnet-trace (a dotnet tool, on the PATH; Linux perf events) samples where the app spends CPU while it saves ballots.
Process? Trace(int? pid, string name) =>
    Text("--trace", "") is { Length: > 0 } traces && pid is { } id
        ? Process.Start("dotnet-trace", ["collect-linux", "-p", id.ToString(CultureInfo.InvariantCulture), "--profile", "cpu-sampling",
            "--duration", TimeSpan.FromSeconds(duration.TotalSeconds * 0.8).ToString(@"dd\:hh\:mm\:ss", CultureInfo.InvariantCulture), "-o", Path.Combine(traces, name + ".nettrace")])
        : null;

// Worker w votes for the voters w, w + connections, w + 2 × connections, ... in turn, so each voter's ballots are sent
// one after another and the last acknowledged one is what must be stored.
Func<int, Task<bool>> Vote(List<BenchVoter> voters, int connections, Uri site, BallotOptions options)
{
    var next = new int[connections];
    return async worker =>
    {
        var mine = (voters.Count - worker + connections - 1) / connections;
        var voter = voters[worker + (connections * (next[worker]++ % mine))];
        FormBallot ballot;
        lock (random)
        {
            ballot = FormBallot.Random(options, random);
        }

        return (await voter.VoteAsync(site, ballot)).Acknowledged;
    };
}

async Task CheckStoredAsync(RoundKind round, List<BenchVoter> voters, Uri site, string kind)
{
    var wrong = 0;
    await ForEachAsync(voters, async voter =>
    {
        var stored = await voter.StoredAsync(site);
        if (stored?.Canonical != voter.LastAcknowledged?.Canonical)
        {
            Interlocked.Increment(ref wrong);
            Console.WriteLine($"  {voter.Name}: stored {stored?.Canonical ?? "(none)"}, last acknowledged {voter.LastAcknowledged?.Canonical ?? "(none)"}");
        }
    });
    var saves = voters.Sum(v => v.Acknowledged);
    checks.Add(($"round {(int)round}: {kind} voters whose stored ballot is their last acknowledged one ({saves:N0} acknowledged saves)", $"{voters.Count - wrong} of {voters.Count}", wrong == 0));
}

// Until /health says no mail is queued; the time it took.
async Task<TimeSpan> DrainAsync(Uri site)
{
    using var http = new HttpClient();
    var watch = Stopwatch.StartNew();
    while (watch.Elapsed < TimeSpan.FromSeconds(120))
    {
        using var health = JsonDocument.Parse(await http.GetStringAsync(new Uri(site, "health")));
        if (Queued(health.RootElement) == 0)
        {
            return watch.Elapsed;
        }

        await Task.Delay(100);
    }

    return watch.Elapsed;
}

static long? Queued(JsonElement element)
{
    if (element.ValueKind == JsonValueKind.Object)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name == "queued" && property.Value.ValueKind == JsonValueKind.Number)
            {
                return property.Value.GetInt64();
            }

            if (Queued(property.Value) is { } found)
            {
                return found;
            }
        }
    }

    return null;
}

async Task<Dictionary<string, string>> SettingsAsync(RoundKind round)
{
    string connection;
    if (server is not null)
    {
        var name = $"bb_ballots_{Guid.NewGuid():N}";
        await ServerCommandAsync($"CREATE DATABASE \"{name}\"");
        databases.Add(name);
        connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
    else
    {
        connection = $"Data Source={Path.Combine(folder, $"round{(int)round}.db")}";
    }

    return new Dictionary<string, string>
    {
        ["Database__Provider"] = postgres ? "Postgres" : "Sqlite",
        ["ConnectionStrings__Default"] = connection,
        ["Database__MigrateOnStartup"] = "false",
        ["Secrets__Folder"] = secrets,
        ["Email__Smtp__Host"] = "127.0.0.1",
        ["Email__Smtp__Port"] = sink.Port.ToString(CultureInfo.InvariantCulture),
        ["Email__Smtp__Security"] = "None",
        ["Email__PublicBaseUrl"] = "https://burgerbegroting.example",
        // Every save is a voter's first in real life, and each first save queues a receipt; the bench's voters save
        // again and again, so the window that spares a voter's mailbox is set to nothing: a receipt per save.
        ["Email__ReceiptWindow"] = "00:00:00",
        ["RateLimits__SignInPerMinute"] = "1000000",
        ["RateLimits__BallotsPerMinute"] = "1000000",
        ["Logging__LogLevel__Default"] = "Warning",
        ["DOTNET_hostBuilder__reloadConfigOnChange"] = "false",
    }.Concat(Extra()).ToDictionary();
}

// --env NAME=VALUE (repeatable): more environment for the app, e.g. a runtime setting to compare.
IEnumerable<KeyValuePair<string, string>> Extra() =>
    args.Select((a, i) => (a, i)).Where(p => p.a == "--env" && p.i + 1 < args.Length)
        .Select(p => args[p.i + 1].Split('=', 2)).Select(kv => new KeyValuePair<string, string>(kv[0], kv[1]));

void PrintReport()
{
    Console.WriteLine();
    Console.WriteLine($"{(postgres ? "PostgreSQL" : "SQLite")}, {duration.TotalSeconds:F0} s per line, {voterCount} voters of each kind, load average at the end {LoadAverage()}");
    Console.WriteLine();
    Console.WriteLine("| round | what | connections | req/s | p50 ms | p99 ms | errors | app CPU ms/request (system share) | app RSS MB (max) | ÷ home page req/s |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
    foreach (var (round, s, ratio) in segments)
    {
        Console.WriteLine($"| {(int)round} | {s.What} | {s.Connections} | {s.PerSecond:F0} | {s.P50:F1} | {s.P99:F1} | {s.Errors} | {s.CpuMsPerRequest:F2} ({s.SystemShare:P0}) | {s.MaxRssMb} | {(ratio is { } r ? r.ToString("F2", CultureInfo.InvariantCulture) : "")} |");
    }

    var target = postgres ? 0.6 : 0.4;
    foreach (var (round, s, ratio) in segments.Where(s => s.Ratio is not null && s.Segment.Connections == connectionCounts.Max() && s.Segment.What.Contains("account", StringComparison.Ordinal)))
    {
        checks.Add(($"round {(int)round}: account ballot saves ÷ home page at {s.Connections} connections (target ≥ {target})", $"{ratio:F2}", ratio >= target));
        if (!postgres)
        {
            checks.Add(($"round {(int)round}: account ballot save p99 at {s.Connections} connections (target ≤ 100 ms)", $"{s.P99:F0} ms", s.P99 <= 100));
        }
    }

    checks.AddRange(segments.Where(s => s.Segment.Errors > 0).Select(s => ($"round {(int)s.Round}: {s.Segment.What} at {s.Segment.Connections} connections without errors", $"{s.Segment.Errors} errors", false)));
    Console.WriteLine();
    Console.WriteLine("| check | figure | |");
    Console.WriteLine("|---|---|---|");
    foreach (var (what, figure, ok) in checks)
    {
        Console.WriteLine($"| {what} | {figure} | {(ok ? "ok" : "MISSED")} |");
    }
}

async Task ForEachAsync(List<BenchVoter> voters, Func<BenchVoter, Task> work) =>
    await Parallel.ForEachAsync(voters, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (voter, _) => await work(voter));

async Task ServerCommandAsync(string sql)
{
    // The server's own database: the one named in BB_TEST_POSTGRES need not exist.
    await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

string Text(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;

int Number(string name, int fallback) => int.Parse(Text(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
