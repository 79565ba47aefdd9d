using MailKit.Net.Smtp;

namespace Burgerbegroting.Web.Email;

/// <summary>
/// Whether a failed delivery can succeed later, and how to tell staff what went wrong. A 5xx rejection of the sender,
/// the recipient or the message is the server's final word: retrying only delays the bad news. Everything else
/// (4xx replies, a dropped connection, a timeout, a TLS or login problem) may pass, so it is retried with backoff.
/// </summary>
public static class DeliveryFailure
{
    public static bool IsPermanent(Exception ex) => ex switch
    {
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.SenderNotAccepted or SmtpErrorCode.MessageNotAccepted } smtp
            => (int)smtp.StatusCode >= 500,
        _ => false,
    };

    /// <summary>The server's own words with their code ("550 5.1.1 user unknown"), else the exception's message.</summary>
    public static string Describe(Exception ex)
    {
        var text = ex switch
        {
            SmtpCommandException smtp => $"{(int)smtp.StatusCode} {smtp.Message}",
            _ when ex.InnerException is not null => $"{ex.Message} ({ex.InnerException.Message})",
            _ => ex.Message,
        };
        return text.Length > 2000 ? text[..2000] : text;
    }
}
