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
    public int BatchSize { get; set; } = 20;

    /// <summary>Off for tests that drive the sender by hand.</summary>
    public bool RunSender { get; set; } = true;
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>STARTTLS on the connection (System.Net.Mail's EnableSsl).</summary>
    public bool StartTls { get; set; } = true;

    public string? UserName { get; set; }
    public string? Password { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
