using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Burgerbegroting.Browser.Tests.Infrastructure;

/// <summary>
/// The app of <see cref="AppFactory"/> (own SQLite file, mail over real SMTP) served by Kestrel on a random
/// loopback port, so that a real browser can reach it.
/// </summary>
public sealed class KestrelAppFactory : AppFactory
{
    public KestrelAppFactory(int smtpPort)
        : base(smtpPort: smtpPort)
    {
        UseKestrel(0);
    }

    /// <summary>Starts Kestrel and returns the address it listens on (http://127.0.0.1:PORT/).</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reports no addresses");
        var address = addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel listens on no address");
        // Kestrel may report "http://[::1]:PORT" or "http://localhost:PORT"; the browser gets one fixed address.
        var uri = new Uri(address);
        return new UriBuilder(uri) { Path = "/" }.Uri;
    }
}
