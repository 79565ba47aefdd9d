using System.Net.Sockets;
using Burgerbegroting.Web.Email;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Burgerbegroting.Web.Tests.Email;

/// <summary>Which SMTP failures end a mail at once and which are retried, and what staff read about them.</summary>
public sealed class DeliveryFailureTests
{
    private static readonly MailboxAddress Recipient = MailboxAddress.Parse("x@example.nl");

    public static TheoryData<Exception, bool> Failures => new()
    {
        { new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, Recipient, "5.1.1 user unknown"), true },
        { new SmtpCommandException(SmtpErrorCode.SenderNotAccepted, SmtpStatusCode.MailboxNameNotAllowed, Recipient, "5.7.1 not allowed"), true },
        { new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.TransactionFailed, "5.7.1 spam"), true },
        { new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxBusy, Recipient, "4.2.1 busy"), false },
        { new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.InsufficientStorage, "4.3.1 full"), false },
        { new SmtpCommandException(SmtpErrorCode.UnexpectedStatusCode, SmtpStatusCode.ServiceNotAvailable, "4.3.2 shutting down"), false },
        { new SmtpCommandException(SmtpErrorCode.UnexpectedStatusCode, SmtpStatusCode.CommandUnrecognized, "5.5.1 what?"), false },
        { new SmtpProtocolException("unexpected reply"), false },
        { new IOException("connection reset"), false },
        { new SocketException((int)SocketError.ConnectionRefused), false },
        { new TimeoutException(), false },
        { new SslHandshakeException("no TLS"), false },
        { new AuthenticationException("535 bad credentials"), false },
        // An address MimeKit cannot read is no verdict of the server: retried, and failed after the last attempt.
        { new ParseException("not an address", 0, 0), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Only_a_5xx_rejection_of_the_sender_a_recipient_or_the_message_is_permanent(Exception failure, bool permanent) =>
        Assert.Equal(permanent, DeliveryFailure.IsPermanent(failure));

    [Fact]
    public void Staff_read_the_servers_reply_with_its_code()
    {
        var rejection = new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, Recipient, "5.1.1 <x@example.nl>: user unknown");
        Assert.Equal("550 5.1.1 <x@example.nl>: user unknown", DeliveryFailure.Describe(rejection));
        Assert.Equal("outer (inner)", DeliveryFailure.Describe(new IOException("outer", new InvalidOperationException("inner"))));
        Assert.Equal(2000, DeliveryFailure.Describe(new IOException(new string('x', 3000))).Length);
    }
}
