namespace Burgerbegroting.Data.Email;

public enum OutboxStatus
{
    Queued = 0,
    Sent = 1,
    Failed = 2,
}

/// <summary>
/// A mail waiting to be sent (docs/qualities.md, "Email"). It is saved in the same transaction as the change that causes it;
/// the sender claims it with a lease so that two app instances never both send it.
/// </summary>
public class OutboxMessage
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string? HtmlBody { get; set; }

    /// <summary>Kind of mail ("confirm-email", "password-reset", ...), for the staff overview.</summary>
    public string Kind { get; set; } = "";

    /// <summary>Transactional mails (confirmation, reset, receipts) have no unsubscribe link; the others must.</summary>
    public bool Transactional { get; set; } = true;

    /// <summary>The signed link that stops update mails, for the List-Unsubscribe header of non-transactional mail.</summary>
    public string? UnsubscribeUrl { get; set; }

    public OutboxStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>The instance that holds the lease, and until when; a lease that ran out may be taken over.</summary>
    public string? LockedBy { get; set; }
    public DateTime? LockedUntil { get; set; }
}
