using Burgerbegroting.Data;
using Burgerbegroting.Data.Email;

namespace Burgerbegroting.Web.Email;

/// <summary>A mail to queue. With an unsubscribe link it is an update mail; without one it is transactional.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string HtmlBody, string Kind, string? UnsubscribeUrl = null)
{
    public bool Transactional => UnsubscribeUrl is null;
}

/// <summary>
/// Adds mails to the outbox table in the caller's unit of work: they are saved, or not, together with the change
/// that causes them (docs/qualities.md, "Email"). The caller calls SaveChanges.
/// </summary>
public sealed class Outbox(AppDbContext db, TimeProvider clock)
{
    /// <summary>Queues the mail; a mail to a deleted account (which has no address) is not queued: null.</summary>
    public OutboxMessage? Enqueue(EmailMessage mail)
    {
        if (string.IsNullOrEmpty(mail.To))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            To = mail.To,
            Subject = mail.Subject,
            TextBody = mail.TextBody,
            HtmlBody = mail.HtmlBody,
            Kind = mail.Kind,
            Transactional = mail.Transactional,
            UnsubscribeUrl = mail.UnsubscribeUrl,
            Status = OutboxStatus.Queued,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.OutboxMessages.Add(message);
        return message;
    }
}
