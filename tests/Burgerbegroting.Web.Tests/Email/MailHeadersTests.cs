using System.Net;
using System.Text;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Email;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Email;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Burgerbegroting.Web.Tests.Email;

/// <summary>The headers that make a mail recognisable (Message-ID) and, for update mails, easy to stop (RFC 8058).</summary>
public sealed class MailHeadersTests
{
    // As long as a real signed token: far beyond the 78 characters after which header lines are folded.
    private static readonly string UnsubscribeUrl = "https://burgerbegroting.example.nl/email/afmelden?token=CfDJ8" + string.Concat(Enumerable.Repeat("Ab-_9z", 30));

    [Fact]
    public async Task An_update_mail_has_one_click_List_Unsubscribe_and_a_transactional_mail_has_none_both_with_a_Message_ID_from_their_row()
    {
        await using var smtp = InProcessSmtp.Start();
        await using var app = OutboxTesting.ManualSender(smtp.Port);
        var ids = await app.QueueAsync(
            new EmailMessage("update@example.nl", "Ronde 2 is begonnen", "Hallo", "<p>Hallo</p>", "round-opened", UnsubscribeUrl),
            new EmailMessage("bevestig@example.nl", "Bevestig uw e-mailadres", "Hallo", "<p>Hallo</p>", "confirm-email"));

        Assert.Equal(2, await app.SendPassAsync());

        var update = Received(smtp, "update@example.nl");
        Assert.Equal($"<{ids[0]:N}@maastricht.example>", update.Header("Message-ID"));
        Assert.Equal($"<{UnsubscribeUrl}>", update.Header("List-Unsubscribe"));
        Assert.Equal("List-Unsubscribe=One-Click", update.Header("List-Unsubscribe-Post"));
        Assert.Equal("auto-generated", update.Header("Auto-Submitted"));
        // The header may be folded before the address, but the address itself stays whole and unencoded.
        Assert.Contains($" <{UnsubscribeUrl}>\r\n", update.Raw, StringComparison.Ordinal);

        var transactional = Received(smtp, "bevestig@example.nl");
        Assert.Equal($"<{ids[1]:N}@maastricht.example>", transactional.Header("Message-ID"));
        Assert.Equal(("", "", ""), (transactional.Header("List-Unsubscribe"), transactional.Header("List-Unsubscribe-Post"), transactional.Header("Auto-Submitted")));
    }

    [Fact]
    public async Task The_List_Unsubscribe_address_of_a_round_mail_unsubscribes_with_a_one_click_POST_from_a_mail_client()
    {
        await using var smtp = InProcessSmtp.Start();
        await using var app = OutboxTesting.ManualSender(smtp.Port);
        await app.CreateAsync("volger@example.nl", Roles.Resident, configure: u => u.WantsUpdates = true);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PublicationMails>().EnqueueOpenedAsync(new Round { Number = 2 }, new Edition { Name = "Burgerbegroting 2027" });
            await scope.ServiceProvider.GetRequiredService<Burgerbegroting.Data.AppDbContext>().SaveChangesAsync();
        }

        Assert.Equal(1, await app.SendPassAsync());
        var header = Received(smtp, "volger@example.nl").Header("List-Unsubscribe");
        var address = new Uri(header.Trim('<', '>'));

        // What RFC 8058 prescribes a mail client to send: no cookies, no form of ours, no antiforgery token.
        using var mailClient = app.CreateBrowserlessClient();
        using var oneClick = new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.OK, (await mailClient.PostAsync(address.PathAndQuery, oneClick)).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Email == "volger@example.nl").Select(u => u.WantsUpdates).SingleAsync()));

        using var forged = new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.BadRequest, (await mailClient.PostAsync("/email/afmelden?token=vervalst", forged)).StatusCode);
    }

    [Fact]
    public async Task The_pickup_folder_writes_the_message_SMTP_sends_as_a_readable_eml_file()
    {
        await using var smtp = InProcessSmtp.Start();
        await using var app = OutboxTesting.ManualSender(smtp.Port);
        var environment = app.Services.GetRequiredService<IHostEnvironment>();
        var settings = app.EmailOptions();
        var message = new OutboxMessage
        {
            To = "bestand@example.nl",
            Subject = "Uitslag: één ronde verder",
            TextBody = "Hallo Jeanne,\n\nDe uitslag staat online.",
            HtmlBody = "<p>Hallo Jeanne,</p><p>De uitslag staat online.</p>",
            Kind = "results-published",
            Transactional = false,
            UnsubscribeUrl = UnsubscribeUrl,
            CreatedAt = new DateTime(2027, 3, 1, 9, 30, 0, DateTimeKind.Utc),
        };

        var pickup = new EmailOptions { From = settings.From, FromName = settings.FromName, PickupFolder = app.PickupFolder };
        await SendAsync(new MailTransport(Options.Create(pickup), environment), message);
        await SendAsync(new MailTransport(Options.Create(settings), environment), message);

        var file = Assert.Single(Directory.GetFiles(app.PickupFolder));
        Assert.Contains($"-{message.Id:N}-", Path.GetFileName(file), StringComparison.Ordinal);
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        var written = await File.ReadAllTextAsync(file);
        var mail = ReceivedMail.Parse(written);
        Assert.Equal(("bestand@example.nl", "Uitslag: één ronde verder", "Hallo Jeanne,\n\nDe uitslag staat online."), (mail.To, mail.Subject, mail.Text.TrimEnd()));
        var sent = Encoding.UTF8.GetString(Assert.Single(smtp.Received).Raw);
        Assert.Equal(HeaderBlock(sent), HeaderBlock(written));
        Assert.Equal(sent.TrimEnd(), written.TrimEnd());
    }

    private static async Task SendAsync(MailTransport transport, OutboxMessage message)
    {
        await using var batch = transport.Begin();
        await batch.SendAsync(message, CancellationToken.None);
    }

    private static string HeaderBlock(string raw) => raw[..raw.IndexOf("\r\n\r\n", StringComparison.Ordinal)];

    private static ReceivedMail Received(InProcessSmtp smtp, string to) =>
        ReceivedMail.Parse(Encoding.UTF8.GetString(smtp.Received.Single(d => d.Recipient == to).Raw));
}
