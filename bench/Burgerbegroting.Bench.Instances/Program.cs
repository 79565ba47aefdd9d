using System.Diagnostics;
using System.Globalization;
using System.Net;
using Burgerbegroting.Bench;
using Burgerbegroting.Bench.Instances;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Email;
using Microsoft.EntityFrameworkCore;
using Npgsql;

// Two instances of the app on one PostgreSQL database behind nginx (issue 16, "Several instances, one database"); see
// bench/README.md. Usage:
//   dotnet run -c Release --project bench/Burgerbegroting.Bench.Instances -- [--voters 100] [--load-seconds 20] [--keep]
//       [--pool 40] [--race-keys]   (the instances start on a database without a data-protection key, as before migrate made one)
// Needs BB_TEST_POSTGRES (./test.sh --setup-only prints it), nginx and aiosmtpd (Debian packages nginx, python3-aiosmtpd).
// Exit code 1 if any check fails.
var voterCount = Option("--voters", 100);
var loadSeconds = Option("--load-seconds", 20);
// Connections each instance may hold (Npgsql's Maximum Pool Size; 0: Npgsql's default of 100). Two instances with
// 100 each can ask for more than PostgreSQL's default max_connections (100) allows: see bench/README.md.
var pool = Option("--pool", 40);
const int signInLimit = 10;
const int ballotLimit = 60;
var report = new Report();
var clock = Stopwatch.StartNew();

var server = Environment.GetEnvironmentVariable("BB_TEST_POSTGRES") is { Length: > 0 } configured
    ? configured
    : throw new DrillException("BB_TEST_POSTGRES is not set: eval \"$(./test.sh --setup-only | grep '^export')\" first.");
var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "burgerbegroting-bench", $"instances-{Guid.NewGuid():N}")).FullName;
var databaseName = $"bb_drill_{Guid.NewGuid():N}";
var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = databaseName }.ConnectionString;
var instanceConnectionString = pool > 0 ? new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = pool }.ConnectionString : connectionString;
await ServerCommandAsync($"CREATE DATABASE \"{databaseName}\"");
Console.WriteLine($"Folder {folder}; PostgreSQL database {databaseName}; {Environment.ProcessorCount} cores; load average {LoadAverage()}");

await using var sink = new SmtpSink(folder);
await sink.StartAsync();
var secrets = Directory.CreateDirectory(Path.Combine(folder, "secrets")).FullName;
// What every instance shares, as a deployment gives it through the environment: the database, the folder of the keys
// that must not be in the database (shared storage), the SMTP server, the public address, the limits.
var settings = new Dictionary<string, string>
{
    ["Database__Provider"] = "Postgres",
    ["ConnectionStrings__Default"] = instanceConnectionString,
    ["Database__MigrateOnStartup"] = "false",
    ["Secrets__Folder"] = secrets,
    ["Email__Smtp__Host"] = "127.0.0.1",
    ["Email__Smtp__Port"] = sink.Port.ToString(CultureInfo.InvariantCulture),
    ["Email__Smtp__Security"] = "None",
    ["Email__PublicBaseUrl"] = "https://burgerbegroting.example",
    // A mail claimed by an instance that is then killed waits for its lease to run out; 20 s instead of 2 minutes
    // keeps the drill short.
    ["Email__Lease"] = "00:00:20",
    ["RateLimits__SignInPerMinute"] = signInLimit.ToString(CultureInfo.InvariantCulture),
    ["RateLimits__BallotsPerMinute"] = ballotLimit.ToString(CultureInfo.InvariantCulture),
    ["Logging__LogLevel__Default"] = "Warning",
    ["DOTNET_hostBuilder__reloadConfigOnChange"] = "false",
};

var killedAt = DateTime.MaxValue;
var exit = 1;
try
{
    exit = await RunAsync();
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await ServerCommandAsync($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)");
    if (!args.Contains("--keep"))
    {
        Directory.Delete(folder, recursive: true);
    }
    else
    {
        Console.WriteLine($"Kept {folder} (logs of both instances, nginx and the mails)");
    }
}

return exit;

async Task<int> RunAsync()
{
    // As README's deployment says: migrate with the command, then start the instances (without migrating on startup).
    await using (var migrate = new AppInstance("migrate", folder, 0, settings))
    {
        var migrated = await migrate.RunCommandAsync("migrate");
        report.Add("start", "the migrate command; data-protection keys in the database after it", $"exit {migrated}; {await KeyCountAsync()} key(s)", migrated == 0);
    }

    var raceKeys = args.Contains("--race-keys");
    var seeded = await Seeder.SeedAsync(settings, voterCount + 3, withoutKeys: raceKeys);
    Console.WriteLine($"Seeded in {clock.Elapsed.TotalSeconds:F1} s: edition {seeded.EditionId}, round 2 open, {voterCount + 3} residents");
    AppInstance[] apps = [new("instance-a", folder, DrillProcess.FreePort(), settings), new("instance-b", folder, DrillProcess.FreePort(), settings)];
    var (a, b) = (apps[0], apps[1]);
    await using var stopA = a;
    await using var stopB = b;
    // Both at once on a database without a data-protection key: each may make one.
    var started = Stopwatch.StartNew();
    foreach (var app in apps)
    {
        app.Start();
    }

    await Task.WhenAll(apps.Select(app => app.WaitReadyAsync()));
    report.Add("start", "two instances started together, until both answer /health", $"{started.Elapsed.TotalSeconds:F1} s", null);
    var keys = await KeyCountAsync();
    report.Add("start", $"data-protection keys in the database once both run{(raceKeys ? " (started on a database without one)" : "")}", $"{keys}", raceKeys ? null : keys == 1);
    await using var nginx = new Nginx(folder, DrillProcess.FreePort(), apps);
    await nginx.StartAsync();
    var proxy = nginx.Url;
    Console.WriteLine($"instance A {a.Url}, instance B {b.Url}, nginx {proxy}, SMTP sink 127.0.0.1:{sink.Port}");

    var voters = new List<Voter>();
    using var staff = new Client(IPAddress.Parse("127.0.3.1"));
    try
    {
        await CrossInstanceAsync(a, b, seeded, voters);
        await RateLimitsAsync(a, b, proxy, seeded, voters);
        var load = Enumerable.Range(0, voterCount).Select(i => new Voter(Seeder.Resident(i + 4), Loopback(1, i), seeded.ThemeIds)).ToList();
        voters.AddRange(load);
        await SignInAllAsync(load, proxy);
        await KillUnderLoadAsync(a, b, nginx, load);
        if (await staff.SignInAsync(a.Url, Seeder.StaffEmail, Seeder.Password) != HttpStatusCode.Redirect)
        {
            throw new DrillException("the staff member could not sign in at instance A");
        }

        await CloseUnderLoadAsync(a, b, proxy, staff, seeded, voters);
        await OutboxAsync();
        await ServerErrorsAsync(apps, nginx);
    }
    finally
    {
        foreach (var voter in voters)
        {
            voter.Dispose();
        }
    }

    Console.WriteLine();
    Console.WriteLine($"Two instances, one PostgreSQL database (max_connections {await ServerSettingAsync("max_connections")}; pool per instance {(pool > 0 ? pool : 100)}), nginx round robin; {voterCount} voters under load for {loadSeconds} s per scenario; " +
        $"{Environment.ProcessorCount} cores, load average {LoadAverage()}; {clock.Elapsed.TotalSeconds:F0} s in all");
    report.Print();
    return report.Failed ? 1 : 0;
}

// (1) A resident signs in at instance A and votes at instance B with the same cookies; the page after the save (its
// message in a TempData cookie made by B) is read at A.
async Task CrossInstanceAsync(AppInstance a, AppInstance b, Seeded seeded, List<Voter> voters)
{
    var voter = new Voter(Seeder.Resident(1), Loopback(0, 1), seeded.ThemeIds);
    voters.Add(voter);
    await voter.SignInAsync(a.Url);
    await voter.LoadFormAsync(a.Url);
    var shares = voter.RandomSplit(new Random(1));
    var attempt = await voter.VoteAsync(b.Url, shares, readBackAt: a.Url);
    var atA = await voter.StoredAsync(a.Url);
    var atB = await voter.StoredAsync(b.Url);
    var ok = attempt.Outcome == Outcome.Acknowledged && voter.ReceiptCode is not null
        && atA.Shares?.SequenceEqual(shares) == true && atB.Shares?.SequenceEqual(shares) == true && atA.Receipt == voter.ReceiptCode;
    report.Add("1 sign in at A, vote at B", "signed in at A (form and token from A), ballot posted to B, the page after it read at A",
        $"B answered {attempt.Status}; receipt {voter.ReceiptCode ?? "missing"} shown at A; the ballot reads back the same at A and B: {(ok ? "yes" : "NO")}", ok);
}

// (4) Rate limits per client address, through the proxy: a client is cut off after at most limit × instances in a
// window; another client is not affected; a forged X-Forwarded-For does not buy a fresh bucket.
async Task RateLimitsAsync(AppInstance a, AppInstance b, Uri proxy, Seeded seeded, List<Voter> voters)
{
    var max = signInLimit * 2;
    var signInUrl = new Uri(proxy, "account/inloggen");
    async Task<(int Through, int Limited, Dictionary<string, int> ByInstance)> SignInsAsync(Client client, int count, bool forge)
    {
        var page = await client.PageAsync(signInUrl);
        var (through, limited) = (0, 0);
        var byInstance = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var headers = forge ? new Dictionary<string, string> { ["X-Forwarded-For"] = $"203.0.113.{i + 1}" } : null;
            using var response = await client.PostAsync(signInUrl, Client.FormFields(page, "main form", new Dictionary<string, string>
            {
                ["Input.Email"] = "niemand@drill.example",
                ["Input.Password"] = "fout-wachtwoord",
            }), headers);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited++;
            }
            else
            {
                through++;
                var upstream = Name(response.Headers.TryGetValues("X-Drill-Upstream", out var values) ? values.First() : null, a, b);
                byInstance[upstream] = byInstance.GetValueOrDefault(upstream) + 1;
            }
        }

        return (through, limited, byInstance);
    }

    var watch = Stopwatch.StartNew();
    using (var one = new Client(IPAddress.Parse("127.0.2.1")))
    using (var other = new Client(IPAddress.Parse("127.0.2.2")))
    using (var forger = new Client(IPAddress.Parse("127.0.2.3")))
    {
        var first = await SignInsAsync(one, max + 10, forge: false);
        var second = await SignInsAsync(other, 5, forge: false);
        var forged = await SignInsAsync(forger, max + 10, forge: true);
        report.Add("4 rate limit: sign-in", $"{max + 10} failed sign-ins from one address through nginx (limit {signInLimit}/min per instance)",
            $"{first.Through} answered ({Per(first.ByInstance)}), {first.Limited} refused with 429", first.Through <= max && first.Through >= signInLimit && first.Limited > 0);
        report.Add("4 rate limit: sign-in", "then 5 from a second address", $"{second.Through} answered, {second.Limited} refused", second.Limited == 0);
        report.Add("4 rate limit: sign-in", $"{max + 10} from a third address, each with a forged X-Forwarded-For", $"{forged.Through} answered, {forged.Limited} refused", forged.Through <= max && forged.Limited > 0);
    }

    var heavy = new Voter(Seeder.Resident(2), IPAddress.Parse("127.0.2.4"), seeded.ThemeIds);
    var light = new Voter(Seeder.Resident(3), IPAddress.Parse("127.0.2.5"), seeded.ThemeIds);
    voters.Add(heavy);
    voters.Add(light);
    await heavy.SignInAsync(proxy);
    await light.SignInAsync(proxy);
    var random = new Random(4);
    var ballotMax = ballotLimit * 2;
    for (var i = 0; i < ballotMax + 30; i++)
    {
        await heavy.VoteAsync(proxy, heavy.RandomSplit(random));
    }

    for (var i = 0; i < 10; i++)
    {
        await light.VoteAsync(proxy, light.RandomSplit(random));
    }

    var acknowledged = heavy.Attempts.Where(x => x.Outcome == Outcome.Acknowledged).ToList();
    var perInstance = acknowledged.GroupBy(x => Name(x.Upstream, a, b)).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    report.Add("4 rate limit: ballots", $"{ballotMax + 30} ballots from one address through nginx (limit {ballotLimit}/min per instance)",
        $"{acknowledged.Count} saved ({Per(perInstance)}), {heavy.Attempts.Count(x => x.Outcome == Outcome.Limited)} refused with 429, other {heavy.Attempts.Count(x => x.Outcome is Outcome.Failed or Outcome.Closed)}",
        acknowledged.Count <= ballotMax && acknowledged.Count >= ballotLimit && perInstance.Values.All(n => n <= ballotLimit));
    report.Add("4 rate limit: ballots", "then 10 from a second address", $"{light.Attempts.Count(x => x.Outcome == Outcome.Acknowledged)} saved, {light.Attempts.Count(x => x.Outcome == Outcome.Limited)} refused",
        light.Attempts.All(x => x.Outcome == Outcome.Acknowledged));
    // Each client's burst takes seconds, well within the minute its windows started with its first request.
    report.Add("4 rate limit", "time for all of the above", $"{watch.Elapsed.TotalSeconds:F1} s", null);
}

async Task SignInAllAsync(List<Voter> load, Uri proxy)
{
    var watch = Stopwatch.StartNew();
    await Parallel.ForEachAsync(load, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (voter, _) =>
    {
        await voter.SignInAsync(proxy);
        await voter.LoadFormAsync(proxy);
    });
    report.Add("setup", $"{load.Count} voters sign in through nginx, each from an address of their own", $"{watch.Elapsed.TotalSeconds:F1} s", null);
}

// (5) kill -9 of instance B while the voters vote through nginx: every acknowledged ballot is stored.
async Task KillUnderLoadAsync(AppInstance a, AppInstance b, Nginx nginx, List<Voter> load)
{
    using var stop = new CancellationTokenSource();
    var loop = LoadAsync(load, nginx.Url, 500, 1500, stop.Token, stopOnClosed: false);
    await Task.Delay(TimeSpan.FromSeconds(loadSeconds / 2.0));
    killedAt = DateTime.UtcNow;
    await b.KillAsync();
    Console.WriteLine($"killed instance B (kill -9) at {killedAt:HH:mm:ss.fff}");
    await Task.Delay(TimeSpan.FromSeconds(loadSeconds / 2.0));
    await stop.CancelAsync();
    await loop;

    var attempts = load.SelectMany(v => v.Attempts).ToList();
    var acknowledged = attempts.Where(x => x.Outcome == Outcome.Acknowledged).ToList();
    var (asAcknowledged, savedUnanswered, noBallot, lost) = (0, 0, 0, new List<string>());
    foreach (var voter in load)
    {
        var (stored, receipt) = await voter.StoredAsync(a.Url);
        var possible = voter.PossiblyStored();
        if (receipt is not null)
        {
            voter.SetReceipt(receipt);
        }

        voter.Verify(stored);
        if (voter.LastAcknowledged is { } last && stored?.SequenceEqual(last.Shares) == true)
        {
            asAcknowledged++;
        }
        else if (stored is not null && possible.Any(p => p.SequenceEqual(stored)))
        {
            savedUnanswered++;
        }
        else if (stored is null && voter.LastAcknowledged is null)
        {
            noBallot++;
        }
        else
        {
            lost.Add(voter.Email);
        }
    }

    var failed = attempts.Where(x => x.Outcome == Outcome.Failed).ToList();
    report.Add("5 kill -9 under load", $"ballots posted through nginx by {load.Count} voters, B killed after {loadSeconds / 2.0:F0} s",
        $"{attempts.Count} posted: {acknowledged.Count} acknowledged ({Per(acknowledged.GroupBy(x => Name(x.Upstream, a, b)).ToDictionary(g => g.Key, g => g.Count()))}), " +
        $"{failed.Count} without an answer ({string.Join(", ", failed.GroupBy(x => x.Status).Select(g => $"{g.Count()}× {(g.Key == 0 ? "connection" : g.Key)}"))}), " +
        $"{attempts.Count(x => x.Outcome == Outcome.Limited)} limited; acknowledged in {Times(acknowledged)}", null);
    report.Add("5 kill -9 under load", "acknowledged after the kill (by A alone)", $"{acknowledged.Count(x => x.At > killedAt.AddSeconds(1))}", acknowledged.Any(x => x.At > killedAt.AddSeconds(1)));
    report.Add("5 kill -9 under load", "each voter's ballot read back at A against what they were told",
        $"{asAcknowledged} as last acknowledged, {savedUnanswered} a later ballot saved whose answer was lost in the kill, {noBallot} never acknowledged and none stored, {lost.Count} LOST{(lost.Count > 0 ? ": " + string.Join(", ", lost.Take(5)) : "")}",
        lost.Count == 0);

    var restarted = Stopwatch.StartNew();
    b.Start();
    await b.WaitReadyAsync();
    report.Add("5 kill -9 under load", "instance B started again until /health answers", $"{restarted.Elapsed.TotalSeconds:F1} s", null);
    // nginx took B out for fail_timeout (5 s); afterwards it gets requests again.
    await Task.Delay(TimeSpan.FromSeconds(6));
}

// (2) Ballots through nginx reach both instances while staff close the round at instance A: the acknowledged ballots
// are the counted ones (the stored results and the published list of ballots by receipt code).
async Task CloseUnderLoadAsync(AppInstance a, AppInstance b, Uri proxy, Client staff, Seeded seeded, List<Voter> voters)
{
    var loadVoters = voters.Where(v => v.Email != Seeder.Resident(1)).ToList();
    var since = DateTime.UtcNow;
    using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(loadSeconds + 60));
    var loop = LoadAsync(loadVoters, proxy, 200, 800, stop.Token, stopOnClosed: true);
    await Task.Delay(TimeSpan.FromSeconds(loadSeconds / 2.0));
    var rounds = new Uri(a.Url, $"beheer/edities/{seeded.EditionId}/rondes");
    var page = await staff.PageAsync(rounds);
    var closing = Stopwatch.StartNew();
    using var closed = await staff.PostAsync(Client.FormAction(page, "form[action*='handler=Close']", rounds), Client.FormFields(page, "form[action*='handler=Close']", new Dictionary<string, string>()));
    closing.Stop();
    var closedAt = DateTime.UtcNow;
    await loop;

    var attempts = voters.SelectMany(v => v.Attempts).Where(x => x.At >= since).ToList();
    var acknowledged = attempts.Where(x => x.Outcome == Outcome.Acknowledged).ToList();
    report.Add("2 close under load", $"staff close round 2 at A while {loadVoters.Count} voters vote through nginx",
        $"close answered {(int)closed.StatusCode} in {closing.ElapsedMilliseconds} ms; {attempts.Count} ballots posted, {acknowledged.Count} acknowledged " +
        $"({Per(acknowledged.GroupBy(x => Name(x.Upstream, a, b)).ToDictionary(g => g.Key, g => g.Count()))}), " +
        $"{attempts.Count(x => x.Outcome == Outcome.Closed)} refused with 409 after the close, {attempts.Count(x => x.Outcome == Outcome.Limited)} limited, {attempts.Count(x => x.Outcome == Outcome.Failed)} failed; " +
        $"acknowledged in {Times(acknowledged)}",
        closed.StatusCode == HttpStatusCode.Redirect && acknowledged.Select(x => x.Upstream).Distinct().Count() == 2 && !attempts.Any(x => x.Outcome == Outcome.Failed));
    var lastAcknowledged = acknowledged.Count > 0 ? acknowledged.Max(x => x.At) : since;
    var firstRefused = attempts.Where(x => x.Outcome == Outcome.Closed).Select(x => x.At).DefaultIfEmpty(DateTime.MaxValue).Min();
    report.Add("2 close under load", "the last acknowledgement and the first 409, against the close's answer",
        $"last acknowledged {(closedAt - lastAcknowledged).TotalMilliseconds:F0} ms before it, first 409 {(firstRefused - closedAt).TotalMilliseconds:F0} ms after it (negative: before it)", null);

    var publishPage = await staff.PageAsync(new Uri(b.Url, rounds.PathAndQuery));
    using var published = await staff.PostAsync(Client.FormAction(publishPage, "form[action*='handler=Publish']", new Uri(b.Url, rounds.PathAndQuery)),
        Client.FormFields(publishPage, "form[action*='handler=Publish']", new Dictionary<string, string>()));

    // What each voter was last told is stored (the ballot read back after the kill, or a later acknowledged one).
    var expected = voters.Select(v => (Voter: v, Shares: v.Expected())).Where(x => x.Shares is not null).ToList();
    await using var db = Database();
    var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == seeded.RoundId);
    var results = await db.ThemeResults.AsNoTracking().Where(r => r.RoundId == seeded.RoundId).ToDictionaryAsync(r => r.ThemeId, r => r.PercentageSum);
    var sums = seeded.ThemeIds.Select((id, i) => (id, Sum: expected.Sum(x => (long)x.Shares![i]))).ToList();
    var sumsMatch = sums.All(s => results.GetValueOrDefault(s.id) == s.Sum);
    report.Add("2 close under load", "voters with an acknowledged ballot = ballots counted in the close (Round.BallotCount)",
        $"{expected.Count} = {round.BallotCount}", expected.Count == round.BallotCount);
    report.Add("2 close under load", "percentages per theme: the voters' last acknowledged ballots = the stored results",
        $"{string.Join(" ", sums.Select(s => s.Sum))} = {string.Join(" ", seeded.ThemeIds.Select(id => results.GetValueOrDefault(id)))}", sumsMatch);

    var list = await BallotListAsync(proxy, seeded.ThemeIds);
    var matching = expected.Count(x => x.Voter.ReceiptCode is { } code && list.TryGetValue(code, out var lines) && lines.SequenceEqual(x.Shares!));
    report.Add("2 close under load", $"published at B ({(int)published.StatusCode}); the list of ballots by receipt code (open data) against each voter's receipt and last acknowledged ballot",
        $"{list.Count} ballots listed, {matching} of {expected.Count} voters find their receipt code with their ballot", published.StatusCode == HttpStatusCode.Redirect && matching == expected.Count && list.Count == expected.Count);
}

// (3) Every mail the outbox holds arrives at the SMTP server once; both instances send.
async Task OutboxAsync()
{
    var watch = Stopwatch.StartNew();
    await using var db = Database();
    var pending = int.MaxValue;
    while (watch.Elapsed < TimeSpan.FromSeconds(120) && pending > 0)
    {
        await Task.Delay(1000);
        pending = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Queued);
    }

    var rows = await db.OutboxMessages.AsNoTracking().Select(m => new { m.Id, m.Kind, m.Status, m.Attempts }).ToListAsync();
    var arrivals = sink.MessageIds().Select(m => (Id: Guid.TryParse(m.Id.Trim('<', '>').Split('@')[0], out var guid) ? guid : Guid.Empty, m.At)).ToList();
    var received = arrivals.Select(m => m.Id).ToList();
    var counts = received.GroupBy(g => g).ToDictionary(g => g.Key, g => g.Count());
    var sent = rows.Where(r => r.Status == OutboxStatus.Sent).ToList();
    var once = sent.Count(r => counts.GetValueOrDefault(r.Id) == 1);
    var twice = sent.Count(r => counts.GetValueOrDefault(r.Id) > 1);
    var missing = sent.Count(r => !counts.ContainsKey(r.Id));
    var strangers = counts.Keys.Count(id => rows.All(r => r.Id != id));
    report.Add("3 outbox", "mails queued (receipts, one per voter; the results to those who asked for news)",
        $"{rows.Count}: {string.Join(", ", rows.GroupBy(r => r.Kind).Select(g => $"{g.Count()} {g.Key}"))}; {sent.Count} sent, {rows.Count(r => r.Status == OutboxStatus.Failed)} failed, {pending} still queued after {watch.Elapsed.TotalSeconds:F0} s",
        pending == 0 && sent.Count == rows.Count);
    report.Add("3 outbox", "received by the SMTP server",
        $"{received.Count} messages: {once} sent rows arrived once, {twice} more than once, {missing} never, {strangers} unknown", once == rows.Count && received.Count == rows.Count);
    // A repeat is expected only for a mail the killed instance had handed to the SMTP server but not yet recorded as
    // sent: it comes again once the lease has run out. Its times say whether that is what happened.
    foreach (var repeat in arrivals.GroupBy(m => m.Id).Where(g => g.Count() > 1))
    {
        var times = repeat.Select(m => m.At).Order().Select(at => $"{(at - killedAt).TotalSeconds:+0.0;-0.0} s");
        report.Add("3 outbox", $"mail {repeat.Key} received {repeat.Count()} times, relative to the kill", string.Join(", ", times), null);
    }
}

// 5xx answers and errors the instances logged, over the whole drill (the 502s of the kill excepted).
async Task ServerErrorsAsync(AppInstance[] apps, Nginx nginx)
{
    await Task.Delay(500);
    var (byStatus, byUpstream) = nginx.Counts();
    var appErrors = byStatus.Where(s => s.Key >= 500 && s.Key != 502).Sum(s => s.Value);
    report.Add("all", "requests through nginx, by status", string.Join(", ", byStatus.OrderBy(s => s.Key).Select(s => $"{s.Value}× {s.Key}")), null);
    report.Add("all", "requests through nginx, by instance that answered", string.Join(", ", byUpstream.OrderBy(s => s.Key).Select(s => $"{Name(s.Key, apps[0], apps[1])}: {s.Value}")), null);
    var failures = apps.SelectMany(app => app.Failures().Select(line => $"{app.Name}: {line}")).ToList();
    report.Add("all", "5xx other than the kill's 502s; error lines in the instances' logs", $"{appErrors}; {failures.Count}{(failures.Count > 0 ? " — " + string.Join(" | ", failures.Take(3)) : "")}", appErrors == 0 && failures.Count == 0);
}

// Every voter: vote, wait a little, vote again; with stopOnClosed a voter stops at the first 409.
Task LoadAsync(List<Voter> load, Uri site, int minPause, int maxPause, CancellationToken stop, bool stopOnClosed) =>
    Task.WhenAll(load.Select((voter, i) => Task.Run(async () =>
    {
        var random = new Random(1000 + i);
        await Task.Delay(random.Next(0, maxPause), CancellationToken.None);
        while (!stop.IsCancellationRequested)
        {
            var attempt = await voter.VoteAsync(site, voter.RandomSplit(random));
            if (stopOnClosed && attempt.Outcome == Outcome.Closed)
            {
                return;
            }

            await Task.Delay(random.Next(minPause, maxPause), CancellationToken.None);
        }
    }, CancellationToken.None)));

async Task<Dictionary<string, int[]>> BallotListAsync(Uri proxy, IReadOnlyList<int> themeIds)
{
    using var http = new HttpClient();
    var csv = (await http.GetStringAsync(new Uri(proxy, "uitslag/2/stembiljetten.csv"))).TrimStart('\uFEFF');
    var list = new Dictionary<string, int[]>(StringComparer.Ordinal);
    foreach (var line in csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1))
    {
        var cells = line.Split(';');
        var (code, theme, value) = (cells[0], int.Parse(cells[1], CultureInfo.InvariantCulture), int.Parse(cells[^1], CultureInfo.InvariantCulture));
        if (!list.TryGetValue(code, out var shares))
        {
            list[code] = shares = new int[themeIds.Count];
        }

        shares[themeIds.ToList().IndexOf(theme)] = value;
    }

    return list;
}

async Task<int> KeyCountAsync()
{
    await using var db = Database();
    return await db.DataProtectionKeys.CountAsync();
}

AppDbContext Database() => new(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(connectionString).Options);

// nginx lists every instance it tried ("B, A": B failed, A answered).
static string Name(string? upstream, AppInstance a, AppInstance b) =>
    upstream is null ? "?" : string.Join(" then ", upstream.Split(',', StringSplitOptions.TrimEntries).Select(u =>
        u == $"127.0.0.1:{a.Port}" ? "A" : u == $"127.0.0.1:{b.Port}" ? "B" : u));

// Median and 95th percentile of the answers' times.
static string Times(IEnumerable<Attempt> attempts)
{
    var sorted = attempts.Select(x => x.Milliseconds).Order().ToList();
    return sorted.Count == 0 ? "—" : $"median {sorted[sorted.Count / 2]:F0} ms, p95 {sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * 0.95))]:F0} ms";
}

static string Per(Dictionary<string, int> counts) => string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value}"));

// 127.1.x.y for the voters under load, 127.0.1.y for the first: each a client of its own to the proxy.
static IPAddress Loopback(int group, int i) => new([127, (byte)(group == 0 ? 0 : 1), (byte)(group == 0 ? 1 : i / 250), (byte)(i % 250 + 1)]);

async Task ServerCommandAsync(string sql)
{
    await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

async Task<string> ServerSettingAsync(string name)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand($"SHOW {name}", connection);
    return (string)(await command.ExecuteScalarAsync())!;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
