using Burgerbegroting.Data.Email;
using Burgerbegroting.Web.Email;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Burgerbegroting.Web.Tests.Email;

/// <summary>
/// An SMTP outage loses nothing; two running app instances never both deliver a message; an instance that dies
/// mid-delivery can cause one repeat, which carries the same Message-ID (delivery is at least once).
/// </summary>
public sealed class OutboxDeliveryTests
{
    private static async Task<List<OutboxMessage>> WaitUntilAsync(AppFactory app, Func<List<OutboxMessage>, bool> done, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var messages = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
            if (done(messages) || DateTime.UtcNow > deadline)
            {
                return messages;
            }

            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Smtp_down_keeps_the_message_queued_with_its_error_and_delivers_it_once_when_back()
    {
        await using var smtp = SmtpSink.Stopped();
        await using var app = new AppFactory(smtpPort: smtp.Port);
        _ = app.Server;
        await app.QueueAsync("wachtrij@example.nl");

        var failing = await WaitUntilAsync(app, m => m.Single().Attempts >= 2);
        var message = Assert.Single(failing);
        Assert.Equal(OutboxStatus.Queued, message.Status);
        Assert.False(string.IsNullOrEmpty(message.LastError));
        Assert.True(message.NextAttemptAt > message.CreatedAt, "a failed attempt is retried later, not at once");

        await smtp.StartAsync();
        var sent = await WaitUntilAsync(app, m => m.Single().Status == OutboxStatus.Sent);
        Assert.Equal(OutboxStatus.Sent, Assert.Single(sent).Status);
        await smtp.WaitForMailAsync("wachtrij@example.nl");

        // More sender passes must not send it again.
        var sender = app.Services.GetRequiredService<OutboxSender>();
        Assert.Equal(0, await sender.SendDueAsync());
        await Task.Delay(500);
        Assert.Single(smtp.Messages());
    }

    [Fact]
    public async Task A_message_that_keeps_failing_ends_as_failed_and_staff_can_retry_it()
    {
        await using var smtp = SmtpSink.Stopped();
        await using var app = new AppFactory(smtpPort: smtp.Port).With("Email:MaxAttempts", "3");
        _ = app.Server;
        await app.QueueAsync("kapot@example.nl");
        var failed = await WaitUntilAsync(app, m => m.Single().Status == OutboxStatus.Failed);
        Assert.Equal(3, Assert.Single(failed).Attempts);

        var health = await app.CreateBrowserlessClient().GetStringAsync("/health");
        Assert.Contains("\"failed\": 1", health, StringComparison.Ordinal);
        Assert.Contains("Degraded", health, StringComparison.Ordinal);
        var status = (await app.CreateBrowserlessClient().GetDocumentAsync("/status")).QuerySelector("main")!.TextContent;
        Assert.True(status.Contains("Niet alles werkt zoals het hoort", StringComparison.Ordinal) && status.Contains("1 e-mail kon niet worden verstuurd.", StringComparison.Ordinal), status);
    }

    [Fact]
    public async Task Two_running_app_instances_on_one_database_never_both_deliver_a_message()
    {
        await using var smtp = await SmtpSink.StartNewAsync();
        await using var first = new AppFactory(smtpPort: smtp.Port);
        _ = first.Server;
        await using var second = new AppFactory(smtpPort: smtp.Port, sqliteFile: first.SqliteFile);
        _ = second.Server;

        var recipients = Enumerable.Range(1, 40).Select(i => $"bewoner{i}@example.nl").ToArray();
        await first.QueueAsync(recipients[..20]);
        await second.QueueAsync(recipients[20..]);

        var messages = await WaitUntilAsync(first, m => m.Count == 40 && m.All(x => x.Status == OutboxStatus.Sent), 60);
        Assert.All(messages, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        await Task.Delay(500);
        var received = smtp.Messages();
        Assert.Equal(40, received.Count);
        Assert.Equal(40, received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(recipients.Order(), received.Select(m => m.To).Order());
    }

    [Fact]
    public async Task A_sender_that_dies_after_the_server_took_a_mail_causes_one_repeat_with_the_same_Message_ID_after_its_lease()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var smtp = InProcessSmtp.Start();
        var handedOver = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        smtp.BeforeAccepting = async (_, cancellationToken) =>
        {
            if (smtp.Received.Count == 1)
            {
                // The server has the whole message but has not said 250 yet: the moment the sender dies.
                handedOver.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
        };
        await using var app = OutboxTesting.ManualSender(smtp.Port).WithServices(s => s.AddSingleton<TimeProvider>(clock));
        var id = Assert.Single(await app.QueueAsync("dubbel@example.nl"));
        var first = ActivatorUtilities.CreateInstance<OutboxSender>(app.Services);
        var second = ActivatorUtilities.CreateInstance<OutboxSender>(app.Services);

        using var death = new CancellationTokenSource();
        var firstPass = first.SendDueAsync(death.Token);
        await handedOver.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await death.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => firstPass);
        var orphaned = await app.OutboxMessageAsync(id);
        Assert.Equal((OutboxStatus.Queued, 0, first.InstanceId), (orphaned.Status, orphaned.Attempts, orphaned.LockedBy));

        Assert.Equal(0, await second.SendDueAsync());
        clock.Advance(app.EmailOptions().Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await second.SendDueAsync());

        var sent = await app.OutboxMessageAsync(id);
        Assert.Equal((OutboxStatus.Sent, 1, (string?)null), (sent.Status, sent.Attempts, sent.LockedBy));
        Assert.Equal(2, smtp.Received.Count);
        Assert.All(smtp.Received, d => Assert.Equal($"{id:N}@maastricht.example", d.Message.MessageId));
        Assert.Equal(smtp.Received[0].Raw, smtp.Received[1].Raw);
    }

    [Fact]
    public async Task Without_smtp_settings_mail_is_written_as_eml_files()
    {
        await using var app = new AppFactory();
        _ = app.Server;
        await app.QueueAsync("bestand@example.nl");
        await WaitUntilAsync(app, m => m.Single().Status == OutboxStatus.Sent);
        var file = Assert.Single(Directory.GetFiles(app.PickupFolder, "*.eml"));
        var mail = ReceivedMail.Parse(await File.ReadAllTextAsync(file));
        Assert.Contains("bestand@example.nl", mail.To, StringComparison.Ordinal);
        Assert.Equal("Hallo", mail.Text.Trim());
    }

    [Fact]
    public async Task A_mail_is_saved_with_the_change_that_causes_it_or_not_at_all()
    {
        await using var app = new AppFactory().With("Email:RunSender", "false");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Burgerbegroting.Data.AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            scope.ServiceProvider.GetRequiredService<Outbox>().Enqueue(new EmailMessage("x@example.nl", "s", "t", "h", "test"));
            await db.SaveChangesAsync();
            // The change fails after the mail was added: the transaction rolls back and the mail goes with it.
            await transaction.RollbackAsync();
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }
}
