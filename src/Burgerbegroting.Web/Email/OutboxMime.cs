using System.Text;
using Burgerbegroting.Data.Email;
using MimeKit;
using MimeKit.Text;

namespace Burgerbegroting.Web.Email;

/// <summary>
/// The one place an outbox row becomes a MIME message, for SMTP and the pickup folder alike. The result depends only
/// on the row and the sender settings, so a resend is the same message, byte for byte, with the same Message-ID.
/// </summary>
public static class OutboxMime
{
    public static MimeMessage Build(OutboxMessage message, EmailOptions options)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(Encoding.UTF8, options.FromName, options.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Headers.Replace(HeaderId.Subject, Encoding.UTF8, message.Subject);
        // The moment the mail was composed, not when an attempt happened to succeed.
        mime.Date = new DateTimeOffset(DateTime.SpecifyKind(message.CreatedAt, DateTimeKind.Utc));
        mime.MessageId = MessageId(message.Id, options.From);
        if (!message.Transactional)
        {
            mime.Headers.Add("Auto-Submitted", "auto-generated");
            if (!string.IsNullOrEmpty(message.UnsubscribeUrl))
            {
                // RFC 8058: mail clients offer one-click unsubscribe by POSTing to this address.
                mime.Headers.Add(HeaderId.ListUnsubscribe, $"<{message.UnsubscribeUrl}>");
                mime.Headers.Add(HeaderId.ListUnsubscribePost, "List-Unsubscribe=One-Click");
            }
        }

        var text = Part(TextFormat.Plain, message.TextBody);
        if (string.IsNullOrEmpty(message.HtmlBody))
        {
            mime.Body = text;
        }
        else
        {
            // "=_" never occurs in quoted-printable text, so this boundary cannot clash with the parts.
            var alternative = new MultipartAlternative { Boundary = $"=_{message.Id:N}" };
            alternative.Add(text);
            alternative.Add(Part(TextFormat.Html, message.HtmlBody));
            mime.Body = alternative;
        }

        return mime;
    }

    /// <summary>Derived from the row, in the sender's domain: a duplicate after a crash can be recognised as one.</summary>
    public static string MessageId(Guid id, string from)
    {
        var at = from.LastIndexOf('@');
        var domain = at >= 0 && at < from.Length - 1 ? from[(at + 1)..] : "burgerbegroting.localhost";
        return $"{id:N}@{domain}";
    }

    // An explicit encoding keeps SMTP from re-encoding the parts, so the message on the wire is the one in the pickup folder.
    private static TextPart Part(TextFormat format, string body)
    {
        var part = new TextPart(format) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        part.SetText(Encoding.UTF8, body);
        return part;
    }
}
