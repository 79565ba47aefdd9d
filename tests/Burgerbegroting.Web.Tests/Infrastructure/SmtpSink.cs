using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Burgerbegroting.Web.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on loopback (Debian's aiosmtpd with its Maildir handler): the app talks SMTP to it and every
/// message it accepts lands as a file we can read.
/// </summary>
public sealed partial class SmtpSink : IAsyncDisposable
{
    private readonly string _maildir;
    private Process? _process;

    private SmtpSink(int port, string maildir)
    {
        Port = port;
        _maildir = maildir;
    }

    public int Port { get; }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A sink that is not running yet (to test an SMTP outage); call StartAsync to bring it up.</summary>
    public static SmtpSink Stopped(int? port = null) => new(port ?? FreePort(), TestEnvironment.NewTempDirectory("maildir"));

    public static async Task<SmtpSink> StartNewAsync()
    {
        var sink = Stopped();
        await sink.StartAsync();
        return sink;
    }

    public async Task StartAsync()
    {
        foreach (var sub in new[] { "cur", "new", "tmp" })
        {
            Directory.CreateDirectory(Path.Combine(_maildir, sub));
        }

        var info = new ProcessStartInfo(TestEnvironment.Aiosmtpd)
        {
            ArgumentList = { "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", _maildir },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // aiosmtpd is a Python program; keep a pyenv interpreter's settings from leaking into Debian's python3.
        info.Environment.Remove("PYTHONHOME");
        info.Environment.Remove("PYTHONPATH");
        _process = Process.Start(info) ?? throw new InvalidOperationException("aiosmtpd did not start");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"aiosmtpd exited with code {_process.ExitCode} before listening on port {Port}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"aiosmtpd did not listen on port {Port} within 15 s");
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public IReadOnlyList<ReceivedMail> Messages()
    {
        var folder = Path.Combine(_maildir, "new");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder).Select(f => ReceivedMail.Parse(File.ReadAllText(f))).ToList()
            : [];
    }

    public async Task<ReceivedMail> WaitForMailAsync(string to, Func<ReceivedMail, bool>? match = null, int timeoutSeconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            var mail = Messages().LastOrDefault(m => m.To.Contains(to, StringComparison.OrdinalIgnoreCase) && (match?.Invoke(m) ?? true));
            if (mail is not null)
            {
                return mail;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No mail to {to} arrived over SMTP within {timeoutSeconds} s; received: {string.Join(", ", Messages().Select(m => $"{m.To}: {m.Subject}"))}");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(_maildir, recursive: true); } catch (IOException) { }
    }
}

/// <summary>A message as it arrived: headers, the decoded text part, and the links in it.</summary>
public sealed partial record ReceivedMail(string To, string Subject, string MessageId, string Text, string Raw)
{
    public static ReceivedMail Parse(string raw)
    {
        var message = MimeText.Parse(raw);
        return new ReceivedMail(message.Header("To"), message.Header("Subject"), message.Header("Message-ID"), message.Text, raw);
    }

    /// <summary>A header as it stands (unfolded, encoded words decoded); empty when the mail has none.</summary>
    public string Header(string name) => MimeText.Parse(Raw).Header(name);

    public IReadOnlyList<string> Links() => LinkPattern().Matches(Text).Select(m => m.Value).Distinct().ToList();

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex LinkPattern();
}
