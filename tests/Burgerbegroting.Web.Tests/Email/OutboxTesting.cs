using Burgerbegroting.Data;
using Burgerbegroting.Data.Email;
using Burgerbegroting.Web.Email;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Burgerbegroting.Web.Tests.Email;

/// <summary>Queue mails through the app's own outbox and look at its rows.</summary>
internal static class OutboxTesting
{
    /// <summary>An app whose background sender is off: the test runs sender passes itself.</summary>
    public static AppFactory ManualSender(int? smtpPort = null) => new AppFactory(smtpPort: smtpPort).With("Email:RunSender", "false");

    public static async Task<List<Guid>> QueueAsync(this AppFactory app, params string[] recipients) =>
        await app.QueueAsync(recipients.Select(to => new EmailMessage(to, $"Test voor {to}", "Hallo", "<p>Hallo</p>", "test")).ToArray());

    public static async Task<List<Guid>> QueueAsync(this AppFactory app, params EmailMessage[] mails)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var ids = mails.Select(mail => outbox.Enqueue(mail)!.Id).ToList();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        return ids;
    }

    public static Task<List<OutboxMessage>> OutboxAsync(this AppFactory app) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.CreatedAt).ToListAsync());

    public static Task<OutboxMessage> OutboxMessageAsync(this AppFactory app, Guid id) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    public static Task<int> SendPassAsync(this AppFactory app) => app.Services.GetRequiredService<OutboxSender>().SendDueAsync();

    public static EmailOptions EmailOptions(this AppFactory app) => app.Services.GetRequiredService<IOptions<EmailOptions>>().Value;
}
