using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Email;
using Burgerbegroting.Web.Email;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Burgerbegroting.Web.Tests.Email;

/// <summary>
/// What one sender pass does with each kind of SMTP answer, against a real SMTP server in the test process. A 5xx
/// rejection is final at once; a 4xx reply, a broken connection or a TLS mismatch is retried with backoff.
/// </summary>
public sealed class SmtpRepliesTests
{
    // SmtpServer appends how many bad commands the session may still send; it is part of what the server said.
    private const string UserUnknown = "550 5.1.1 <weg@example.nl>: user unknown, 4 retry(ies) remaining.";

    [Fact]
    public async Task A_recipient_rejected_with_550_fails_after_one_attempt_with_the_servers_words_and_the_next_mail_goes_out_on_the_same_connection()
    {
        await using var smtp = InProcessSmtp.Start();
        smtp.Reply("weg@example.nl", 550, "5.1.1 <weg@example.nl>: user unknown");
        await using var app = OutboxTesting.ManualSender(smtp.Port);
        var rejected = Assert.Single(await app.QueueAsync("weg@example.nl"));
        var delivered = Assert.Single(await app.QueueAsync("blijft@example.nl"));

        Assert.Equal(1, await app.SendPassAsync());

        var failed = await app.OutboxMessageAsync(rejected);
        Assert.Equal((OutboxStatus.Failed, 1, UserUnknown), (failed.Status, failed.Attempts, failed.LastError));
        Assert.Equal(OutboxStatus.Sent, (await app.OutboxMessageAsync(delivered)).Status);
        var accepted = Assert.Single(smtp.Received);
        Assert.Equal("blijft@example.nl", accepted.Recipient);
        Assert.Equal(Assert.Single(smtp.Refused).SessionId, accepted.SessionId);
    }

    [Fact]
    public async Task Staff_see_the_servers_rejection_at_beheer_email_and_their_retry_delivers_the_mail_once_it_is_accepted()
    {
        await using var smtp = InProcessSmtp.Start();
        smtp.Reply("weg@example.nl", 550, "5.1.1 <weg@example.nl>: user unknown");
        await using var app = OutboxTesting.ManualSender(smtp.Port);
        var id = Assert.Single(await app.QueueAsync("weg@example.nl"));
        await app.SendPassAsync();
        await app.CreateAsync("staf@example.nl", Roles.Staff);
        var staff = await app.SignInAsync("staf@example.nl");

        var page = await staff.GetDocumentAsync("/beheer/email?status=Failed");
        var row = Assert.Single(page.QuerySelectorAll("tbody tr"));
        Assert.Contains(UserUnknown, row.TextContent, StringComparison.Ordinal);

        smtp.Accept("weg@example.nl");
        (await staff.SubmitAsync(page, new Dictionary<string, string>(), $"form[action*='{id}']")).AssertRedirect("/beheer/email");
        Assert.Equal(OutboxStatus.Queued, (await app.OutboxMessageAsync(id)).Status);
        Assert.Equal(1, await app.SendPassAsync());
        Assert.Equal(OutboxStatus.Sent, (await app.OutboxMessageAsync(id)).Status);
        Assert.Equal("weg@example.nl", Assert.Single(smtp.Received).Recipient);
    }

    [Fact]
    public async Task A_451_reply_keeps_the_mail_queued_after_one_attempt_and_it_is_tried_again_after_the_backoff()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var smtp = InProcessSmtp.Start();
        smtp.Reply("later@example.nl", 451, "4.3.0 mailbox busy");
        await using var app = OutboxTesting.ManualSender(smtp.Port).WithServices(s => s.AddSingleton<TimeProvider>(clock));
        var id = Assert.Single(await app.QueueAsync("later@example.nl"));
        var backoff = OutboxSender.Backoff(1, app.EmailOptions());

        Assert.Equal(0, await app.SendPassAsync());
        var queued = await app.OutboxMessageAsync(id);
        Assert.Equal((OutboxStatus.Queued, 1, (string?)null), (queued.Status, queued.Attempts, queued.LockedBy));
        Assert.Equal(clock.GetUtcNow().UtcDateTime + backoff, queued.NextAttemptAt);
        Assert.Equal("451 4.3.0 mailbox busy, 4 retry(ies) remaining.", queued.LastError);

        smtp.Accept("later@example.nl");
        clock.Advance(backoff - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, await app.SendPassAsync());
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, await app.SendPassAsync());
        var sent = await app.OutboxMessageAsync(id);
        Assert.Equal((OutboxStatus.Sent, 2), (sent.Status, sent.Attempts));
    }

    [Theory]
    [InlineData("SslOnConnect", "SSL")]
    [InlineData("StartTls", "STARTTLS")]
    public async Task Tls_required_by_the_settings_but_missing_on_the_server_is_an_error_that_is_retried(string security, string reason)
    {
        await using var smtp = InProcessSmtp.Start();
        await using var app = OutboxTesting.ManualSender(smtp.Port).With("Email:Smtp:Security", security);
        var id = Assert.Single(await app.QueueAsync("veilig@example.nl"));

        Assert.Equal(0, await app.SendPassAsync());

        var message = await app.OutboxMessageAsync(id);
        Assert.Equal((OutboxStatus.Queued, 1), (message.Status, message.Attempts));
        Assert.Contains(reason, message.LastError, StringComparison.Ordinal);
        Assert.Empty(smtp.Received);
    }

    [Fact]
    public async Task One_sender_pass_sends_its_whole_batch_over_one_SMTP_connection()
    {
        await using var smtp = InProcessSmtp.Start();
        await using var app = OutboxTesting.ManualSender(smtp.Port);
        await app.QueueAsync("een@example.nl", "twee@example.nl", "drie@example.nl");

        Assert.Equal(3, await app.SendPassAsync());

        Assert.Equal(3, smtp.Received.Count);
        Assert.Single(smtp.Received.Select(d => d.SessionId).Distinct());
    }
}
