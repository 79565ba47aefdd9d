using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Burgerbegroting.Web.Tests.Infrastructure;

/// <summary>A message as the server received it: the connection it came over and its exact bytes.</summary>
public sealed record SmtpDelivery(Guid SessionId, string Recipient, byte[] Raw)
{
    public MimeMessage Message => MimeMessage.Load(new MemoryStream(Raw));
}

/// <summary>
/// A real SMTP server in the test process (the SmtpServer package) on a free loopback port, for what the aiosmtpd sink
/// cannot do: answer chosen recipients with chosen replies, hold a message before accepting it, and tell which
/// connection each message came over.
/// </summary>
public sealed class InProcessSmtp : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<SmtpDelivery> _received = new();
    private readonly ConcurrentQueue<(Guid SessionId, string Recipient)> _refused = new();
    private readonly ConcurrentDictionary<string, SmtpResponse> _replies = new(StringComparer.OrdinalIgnoreCase);
    private Task _running = Task.CompletedTask;

    private InProcessSmtp() => Port = SmtpSink.FreePort();

    public int Port { get; }

    /// <summary>Runs once a message has been received and before the server answers; may delay that answer.</summary>
    public Func<SmtpDelivery, CancellationToken, Task>? BeforeAccepting { get; set; }

    public IReadOnlyList<SmtpDelivery> Received => [.. _received];

    /// <summary>Recipients answered with a <see cref="Reply"/>, and the connection they were tried on.</summary>
    public IReadOnlyList<(Guid SessionId, string Recipient)> Refused => [.. _refused];

    public static InProcessSmtp Start()
    {
        var server = new InProcessSmtp();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, server.Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Filter(server));
        services.Add(new Store(server));
        // The listener is bound before StartAsync first yields, so the port accepts connections from here on.
        server._running = new SmtpServer.SmtpServer(options, services).StartAsync(server._stop.Token);
        return server;
    }

    /// <summary>Answers RCPT TO for this address with the given reply instead of accepting it.</summary>
    public void Reply(string recipient, int code, string text) => _replies[recipient] = new SmtpResponse((SmtpReplyCode)code, text);

    /// <summary>Accepts the address again after <see cref="Reply"/>.</summary>
    public void Accept(string recipient) => _replies.TryRemove(recipient, out _);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        // A session held open by BeforeAccepting ends with the cancellation; do not let a stuck one hang the test run.
        try { await _running.WaitAsync(TimeSpan.FromSeconds(10)); } catch (OperationCanceledException) { } catch (TimeoutException) { }
        _stop.Dispose();
    }

    private sealed class Filter(InProcessSmtp server) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            var address = $"{to.User}@{to.Host}";
            if (!server._replies.TryGetValue(address, out var reply))
            {
                return Task.FromResult(true);
            }

            server._refused.Enqueue((context.SessionId, address));
            throw new SmtpResponseException(reply);
        }
    }

    private sealed class Store(InProcessSmtp server) : IMessageStore
    {
        public async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var to = transaction.To.Single();
            var delivery = new SmtpDelivery(context.SessionId, $"{to.User}@{to.Host}", buffer.ToArray());
            server._received.Enqueue(delivery);
            if (server.BeforeAccepting is { } hook)
            {
                await hook(delivery, cancellationToken);
            }

            return SmtpResponse.Ok;
        }
    }
}
