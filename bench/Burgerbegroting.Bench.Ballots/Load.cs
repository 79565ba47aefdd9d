using System.Diagnostics;
using System.Globalization;

namespace Burgerbegroting.Bench.Ballots;

/// <summary>What one stretch of load measured: requests from the client's side, CPU and memory from the app's process.</summary>
public sealed record Segment(string What, int Connections, int Requests, int Errors, double Seconds, double P50, double P99, double CpuMsPerRequest, double SystemShare, long MaxRssMb)
{
    public double PerSecond => Requests / Seconds;
}

/// <summary>
/// Closed-loop load: <c>connections</c> workers, each sends its next request as soon as the previous one is answered,
/// for a fixed time. Latency is measured per request on the client; the app's CPU time comes from /proc/PID/stat
/// (user + system, before and after) and its resident memory from /proc/PID/status, sampled every 100 ms.
/// </summary>
public sealed class Load(int pid)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public long PeakRssMb { get; private set; }

    /// <summary>Runs <paramref name="request"/> (given the worker's number; returns whether it succeeded) on every worker for <paramref name="duration"/>.</summary>
    public async Task<Segment> RunAsync(string what, int connections, TimeSpan duration, Func<int, Task<bool>> request)
    {
        var times = new List<double>[connections];
        var errors = new int[connections];
        using var stop = new CancellationTokenSource(duration);
        var rss = 0L;
        using var sampler = new CancellationTokenSource();
        var sampling = Task.Run(async () =>
        {
            while (!sampler.IsCancellationRequested)
            {
                rss = Math.Max(rss, RssMb());
                await Task.Delay(100, CancellationToken.None);
            }
        });
        var cpuBefore = CpuSeconds();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            var mine = times[worker] = [];
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await request(worker);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or DrillException)
                {
                    ok = false;
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                errors[worker] += ok ? 0 : 1;
            }
        })));
        var seconds = watch.Elapsed.TotalSeconds;
        var cpuAfter = CpuSeconds();
        var cpu = cpuAfter.Total - cpuBefore.Total;
        await sampler.CancelAsync();
        await sampling;
        PeakRssMb = Math.Max(PeakRssMb, rss);
        var all = times.SelectMany(t => t).Order().ToList();
        return new Segment(what, connections, all.Count, errors.Sum(), seconds, Percentile(all, 0.50), Percentile(all, 0.99), all.Count == 0 ? 0 : cpu * 1000 / all.Count, cpu == 0 ? 0 : (cpuAfter.System - cpuBefore.System) / cpu, rss);
    }

    /// <summary>The app's CPU time so far, in seconds: user + system, and system alone.</summary>
    public (double Total, double System) CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name in brackets may hold spaces: fields are counted after its closing bracket.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var (user, system) = (long.Parse(fields[11], CultureInfo.InvariantCulture), long.Parse(fields[12], CultureInfo.InvariantCulture));
        return ((user + system) / TicksPerSecond, system / TicksPerSecond);
    }

    public long RssMb()
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
