using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Burgerbegroting.Bench;

/// <summary>A program the drill started, with its output written to a log file in the drill's folder.</summary>
public abstract class DrillProcess : IAsyncDisposable
{
    private Process? _process;
    private StreamWriter? _log;

    protected DrillProcess(string name, string folder)
    {
        Name = name;
        LogFile = Path.Combine(folder, name + ".log");
    }

    public string Name { get; }
    public string LogFile { get; }
    public int? Pid => _process is { HasExited: false } p ? p.Id : null;

    protected void Start(ProcessStartInfo info)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        _log ??= new StreamWriter(LogFile, append: true) { AutoFlush = true };
        _log.WriteLine($"---- {DateTime.UtcNow:O} start {info.FileName} {string.Join(' ', info.ArgumentList)}");
        var process = Process.Start(info) ?? throw new DrillException($"{Name} did not start");
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (this)
        {
            _log?.WriteLine(line);
        }
    }

    protected bool Exited => _process is null || _process.HasExited;

    protected int ExitCode => _process?.ExitCode ?? -1;

    /// <summary>SIGKILL (kill -9): no shutdown, no flushing, as a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: false);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>A normal stop (SIGTERM): the host shuts down and finishes what it is doing.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill!.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
        lock (this)
        {
            _log?.Dispose();
            _log = null;
        }

        GC.SuppressFinalize(this);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    protected async Task WaitForPortAsync(int port, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (Exited)
            {
                throw new DrillException($"{Name} exited with code {ExitCode} before listening on {port}; see {LogFile}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new DrillException($"{Name} did not listen on {port} within {within.TotalSeconds} s; see {LogFile}");
    }
}

/// <summary>
/// One instance of the app: the built Burgerbegroting.Web.dll run as in production (environment Production, Kestrel on
/// a loopback port), with the settings every instance shares.
/// </summary>
public sealed class AppInstance(string name, string folder, int port, IReadOnlyDictionary<string, string> settings) : DrillProcess(name, folder)
{
    public int Port { get; } = port;
    public Uri Url { get; } = new($"http://127.0.0.1:{port}/");
    public DateTime StartedAt { get; private set; }

    public void Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Burgerbegroting.Web.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = Url.ToString().TrimEnd('/');
        info.Environment["ASPNETCORE_CONTENTROOT"] = AppContext.BaseDirectory;
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        StartedAt = DateTime.UtcNow;
        Start(info);
    }

    /// <summary>Runs one of the app's commands (<c>migrate</c>) to its end; its exit code.</summary>
    public async Task<int> RunCommandAsync(string command)
    {
        Start(command);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (!Exited)
        {
            await Task.Delay(100, timeout.Token);
        }

        return ExitCode;
    }

    /// <summary>Until /health answers 200 (the database answers).</summary>
    public async Task WaitReadyAsync()
    {
        await WaitForPortAsync(Port, TimeSpan.FromSeconds(90));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(Url, "health"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new DrillException($"{Name}: /health never answered 200; see {LogFile}");
    }

    /// <summary>Lines the app logged as errors (ASP.NET Core's console format starts them with "fail:" or "crit:").</summary>
    public IReadOnlyList<string> Failures() =>
        File.Exists(LogFile) ? [.. File.ReadLines(LogFile).Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal))] : [];
}

/// <summary>
/// nginx from Debian's package, run as the drill's own process (not the system service) with a configuration in the
/// drill's folder: both instances as one upstream, round robin, X-Forwarded-For and X-Forwarded-Proto set as a
/// deployment would, and a response header saying which instance answered.
/// </summary>
public sealed partial class Nginx(string folder, int port, IReadOnlyList<AppInstance> upstreams) : DrillProcess("nginx", folder)
{
    private readonly string _folder = Path.Combine(folder, "nginx");

    public Uri Url { get; } = new($"http://127.0.0.1:{port}/");
    public string AccessLog => Path.Combine(_folder, "access.log");

    public async Task StartAsync()
    {
        Directory.CreateDirectory(_folder);
        foreach (var temp in new[] { "body", "proxy", "fastcgi", "uwsgi", "scgi" })
        {
            // The workers run as nobody when nginx starts as root.
            var path = Directory.CreateDirectory(Path.Combine(_folder, temp)).FullName;
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, (UnixFileMode)0b111_111_111);
            }
        }

        var servers = string.Concat(upstreams.Select(u => $"    server 127.0.0.1:{u.Port} max_fails=1 fail_timeout=5s;\n"));
        var config = $$"""
            worker_processes 1;
            daemon off;
            pid {{_folder}}/nginx.pid;
            error_log {{_folder}}/error.log warn;
            events { worker_connections 4096; }
            http {
              log_format drill '$remote_addr [$time_iso8601] "$request" $status up=$upstream_addr| $upstream_status $request_time';
              access_log {{AccessLog}} drill;
              client_body_temp_path {{_folder}}/body;
              proxy_temp_path {{_folder}}/proxy;
              fastcgi_temp_path {{_folder}}/fastcgi;
              uwsgi_temp_path {{_folder}}/uwsgi;
              scgi_temp_path {{_folder}}/scgi;
              upstream app {
            {{servers}}    keepalive 32;
              }
              server {
                listen 127.0.0.1:{{port}};
                location / {
                  proxy_pass http://app;
                  proxy_http_version 1.1;
                  proxy_set_header Connection "";
                  proxy_set_header Host $host;
                  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                  proxy_set_header X-Forwarded-Proto $scheme;
                  add_header X-Drill-Upstream $upstream_addr always;
                }
              }
            }
            """;
        var file = Path.Combine(_folder, "nginx.conf");
        await File.WriteAllTextAsync(file, config);
        Start(new ProcessStartInfo("nginx") { ArgumentList = { "-e", Path.Combine(_folder, "error.log"), "-p", _folder, "-c", file } });
        await WaitForPortAsync(port, TimeSpan.FromSeconds(15));
    }

    /// <summary>Requests in the access log by status (the proxy's answer), and by the instance that answered.</summary>
    public (Dictionary<int, int> ByStatus, Dictionary<string, int> ByUpstream) Counts()
    {
        var byStatus = new Dictionary<int, int>();
        var byUpstream = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.Exists(AccessLog) ? File.ReadLines(AccessLog) : [])
        {
            var match = AccessLine().Match(line);
            if (!match.Success)
            {
                continue;
            }

            var status = int.Parse(match.Groups["status"].Value, CultureInfo.InvariantCulture);
            byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
            var upstream = match.Groups["upstream"].Value;
            byUpstream[upstream] = byUpstream.GetValueOrDefault(upstream) + 1;
        }

        return (byStatus, byUpstream);
    }

    [GeneratedRegex("\" (?<status>[0-9]{3}) up=(?<upstream>[^|]*)\\|")]
    private static partial Regex AccessLine();
}

/// <summary>Debian's aiosmtpd as an SMTP server on loopback that keeps every message it accepts (Maildir), as the tests use it.</summary>
public sealed class SmtpSink(string folder) : DrillProcess("aiosmtpd", folder)
{
    private readonly string _maildir = Path.Combine(folder, "maildir");

    public int Port { get; } = FreePort();

    public async Task StartAsync()
    {
        foreach (var sub in new[] { "cur", "new", "tmp" })
        {
            Directory.CreateDirectory(Path.Combine(_maildir, sub));
        }

        var command = Environment.GetEnvironmentVariable("BB_TEST_AIOSMTPD") is { Length: > 0 } configured ? configured : "aiosmtpd";
        var info = new ProcessStartInfo(command) { ArgumentList = { "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", _maildir } };
        info.Environment.Remove("PYTHONHOME");
        info.Environment.Remove("PYTHONPATH");
        Start(info);
        await WaitForPortAsync(Port, TimeSpan.FromSeconds(15));
    }

    /// <summary>The Message-ID of every message received, and when (a message received twice is listed twice).</summary>
    public IReadOnlyList<(string Id, DateTime At)> MessageIds() =>
        [.. Directory.GetFiles(Path.Combine(_maildir, "new")).Select(file =>
            (File.ReadLines(file).TakeWhile(l => l.Length > 0).FirstOrDefault(l => l.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase))?[11..].Trim() ?? "(none)",
             File.GetLastWriteTimeUtc(file)))];
}
