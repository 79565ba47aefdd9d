using System.Net;
using System.Net.Mail;
using System.Text;
using Burgerbegroting.Data.Email;
using Microsoft.Extensions.Options;

namespace Burgerbegroting.Web.Email;

public interface IMailTransport
{
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// System.Net.Mail (MailKit is not on this package source): SMTP with STARTTLS and credentials, or, without an SMTP
/// host, .eml files in the pickup folder so the app runs with no mail server.
/// </summary>
public sealed class SmtpMailTransport(IOptions<EmailOptions> options, IHostEnvironment environment) : IMailTransport
{
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var mail = new MailMessage
        {
            From = new MailAddress(o.From, o.FromName, Encoding.UTF8),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = message.TextBody,
            BodyEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };
        mail.To.Add(new MailAddress(message.To));
        // A stable Message-ID: should a crash ever cause a resend, mail systems can recognise the duplicate.
        mail.Headers.Add("Message-ID", $"<{message.Id:N}@burgerbegroting>");
        if (!message.Transactional)
        {
            mail.Headers.Add("Auto-Submitted", "auto-generated");
        }

        if (!string.IsNullOrEmpty(message.HtmlBody))
        {
            mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.HtmlBody, Encoding.UTF8, "text/html"));
        }

        using var client = CreateClient(o);
        await client.SendMailAsync(mail, cancellationToken);
    }

    private SmtpClient CreateClient(EmailOptions o)
    {
        if (string.IsNullOrWhiteSpace(o.Smtp.Host))
        {
            var folder = Path.GetFullPath(o.PickupFolder, environment.ContentRootPath);
            Directory.CreateDirectory(folder);
            return new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = folder };
        }

        var client = new SmtpClient(o.Smtp.Host, o.Smtp.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = o.Smtp.StartTls,
            Timeout = (int)o.Smtp.Timeout.TotalMilliseconds,
        };
        if (!string.IsNullOrEmpty(o.Smtp.UserName))
        {
            client.Credentials = new NetworkCredential(o.Smtp.UserName, o.Smtp.Password);
        }

        return client;
    }
}
