using MailKit.Security;

namespace Burgerbegroting.Web.Email;

/// <summary>Configuration section "Email". Without Smtp:Host, mails are written as .eml files to PickupFolder.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "burgerbegroting@maastricht.example";
    public string FromName { get; set; } = "Burgerbegroting Maastricht";

    /// <summary>The site's public address, used in links in mails (e.g. https://burgerbegroting.maastricht.nl).</summary>
    public string? PublicBaseUrl { get; set; }

    public SmtpOptions Smtp { get; set; } = new();
    public string PickupFolder { get; set; } = "data/mail";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan RetryMax { get; set; } = TimeSpan.FromHours(2);
    public int MaxAttempts { get; set; } = 10;
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// How long the sender, woken by a mail just queued, waits for the ones queued right after it: in a busy minute of
    /// voting a receipt per ballot, sent together over one SMTP connection instead of one connection each.
    /// </summary>
    public TimeSpan GatherDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A ballot saved again within this time after its last save gets no new receipt.</summary>
    public TimeSpan ReceiptWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Off for tests that drive the sender by hand.</summary>
    public bool RunSender { get; set; } = true;
}

/// <summary>How the SMTP connection is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connection, then STARTTLS; the server must offer it (the usual port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>No encryption at all (a relay on the same host or network).</summary>
    None,

    /// <summary>TLS on port 465, otherwise STARTTLS when the server offers it, else plain.</summary>
    Auto,
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>Empty means: the older <see cref="StartTls"/> switch decides, and without it STARTTLS.</summary>
    public SmtpSecurity? Security { get; set; }

    /// <summary>The setting before <see cref="Security"/> existed, still read so old configuration keeps working: false means None.</summary>
    public bool? StartTls { get; set; }

    public string? UserName { get; set; }
    public string? Password { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public SmtpSecurity EffectiveSecurity => Security ?? (StartTls == false ? SmtpSecurity.None : SmtpSecurity.StartTls);

    public SecureSocketOptions SocketOptions => EffectiveSecurity switch
    {
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.Auto,
    };
}
