using System.Security.Cryptography;
using Burgerbegroting.Data.Email;
using MailKit.Net.Smtp;
using MimeKit;
using Microsoft.Extensions.Options;

namespace Burgerbegroting.Web.Email;

/// <summary>
/// Hands messages to MailKit's SMTP client, or, without an SMTP host, writes them as .eml files to the pickup folder
/// so the app runs with no mail server. One sender pass opens one <see cref="MailBatch"/>.
/// </summary>
public sealed class MailTransport(IOptions<EmailOptions> options, IHostEnvironment environment)
{
    public MailBatch Begin()
    {
        var o = options.Value;
        return string.IsNullOrWhiteSpace(o.Smtp.Host)
            ? new PickupBatch(o, Path.GetFullPath(o.PickupFolder, environment.ContentRootPath))
            : new SmtpBatch(o);
    }
}

/// <summary>Delivers the messages of one sender pass; disposing it ends the pass (and closes its connection).</summary>
public abstract class MailBatch(EmailOptions options) : IAsyncDisposable
{
    protected EmailOptions Options { get; } = options;

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        using var mime = OutboxMime.Build(message, Options);
        await SendAsync(message.Id, mime, cancellationToken);
    }

    protected abstract Task SendAsync(Guid id, MimeMessage message, CancellationToken cancellationToken);

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// One SMTP connection for the whole batch, opened at the first message. A rejected message leaves the session usable
/// (MailKit resets it); after any other failure the connection is dropped and the next message starts a fresh one.
/// </summary>
internal sealed class SmtpBatch(EmailOptions options) : MailBatch(options)
{
    private readonly SmtpClient _client = new() { Timeout = (int)options.Smtp.Timeout.TotalMilliseconds };
    private bool _ready;

    protected override async Task SendAsync(Guid id, MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            if (!_ready || !_client.IsConnected)
            {
                await ConnectAsync(cancellationToken);
            }

            await _client.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not SmtpCommandException)
        {
            await DropAsync();
            throw;
        }
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var smtp = Options.Smtp;
        await DropAsync();
        await _client.ConnectAsync(smtp.Host!, smtp.Port, smtp.SocketOptions, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await _client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }

        _ready = true;
    }

    // The connection is being given up, often because it already broke: a failure to close it changes nothing.
    private async Task DropAsync()
    {
        _ready = false;
        if (_client.IsConnected)
        {
            try { await _client.DisconnectAsync(quit: false, CancellationToken.None); } catch (Exception) { }
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (_ready && _client.IsConnected)
        {
            try { await _client.DisconnectAsync(quit: true, CancellationToken.None); } catch (Exception) { }
        }

        _client.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>
/// Each message as an .eml file, the same bytes SMTP would carry. Written under a temporary name and then moved, so
/// whoever reads the folder never sees half a file; the name carries the time, the outbox row and a random part,
/// so two files never collide, not even when the same row is written twice.
/// </summary>
internal sealed class PickupBatch(EmailOptions options, string folder) : MailBatch(options)
{
    private static readonly FormatOptions EmlFormat = CreateFormat();

    private static FormatOptions CreateFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }

    protected override async Task SendAsync(Guid id, MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmssfff}-{id:N}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}.eml";
        var temporary = Path.Combine(folder, $".{name}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                await message.WriteToAsync(EmlFormat, stream, cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, Path.Combine(folder, name), overwrite: false);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
