using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Infrastructure.Startup;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Burgerbegroting.Bench.Rounds;

/// <summary>
/// The real app as it runs in production (environment "Production", migrations on startup), on Kestrel at a
/// random loopback port, against the given database. No mail is sent and the rate limits are out of the way.
/// (Any type of the Web assembly names the entry point; its own <c>Program</c> clashes with this one's.)
/// </summary>
public sealed class BenchApp : WebApplicationFactory<RoundLifecycle>
{
    private readonly DatabaseProvider _provider;
    private readonly string _connectionString;

    public BenchApp(DatabaseProvider provider, string connectionString)
    {
        _provider = provider;
        _connectionString = connectionString;
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", _provider.ToString());
        builder.UseSetting("ConnectionStrings:Default", _connectionString);
        builder.UseSetting("Email:RunSender", "false");
        builder.UseSetting("Email:PublicBaseUrl", "https://burgerbegroting.example");
        builder.UseSetting("RateLimits:SignInPerMinute", "1000000");
        builder.UseSetting("RateLimits:BallotsPerMinute", "1000000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Keys in the database unencrypted is how the app is deployed; the warning about it is noise here.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
    }

    /// <summary>Starts Kestrel (which runs the migrations) and returns the address it listens on.</summary>
    public Uri Start()
    {
        // The factory looks for its content-root manifest (src/Burgerbegroting.Web) in the current directory.
        Environment.CurrentDirectory = AppContext.BaseDirectory;
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel listens on no address");
        return new UriBuilder(address) { Path = "/" }.Uri;
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
