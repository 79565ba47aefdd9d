using System.Net;
using System.Threading.RateLimiting;
using Burgerbegroting.Web.Email;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;

namespace Burgerbegroting.Web.Infrastructure.Startup;

public static class Security
{
    public const string SignInLimit = "sign-in";
    public const string BallotLimit = "ballot";

    /// <summary>Antiforgery on every form and htmx request, rate limits on sign-in and ballots (docs/qualities.md, "Security").</summary>
    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddAntiforgery(o =>
        {
            o.HeaderName = "RequestVerificationToken";
            o.Cookie.Name = "bb.af";
        });
        var perMinute = builder.Configuration.GetValue("RateLimits:SignInPerMinute", 10);
        var ballotsPerMinute = builder.Configuration.GetValue("RateLimits:BallotsPerMinute", 60);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInLimit, ctx => Window(ctx, perMinute));
            o.AddPolicy(BallotLimit, ctx => Window(ctx, ballotsPerMinute));
        });
        // Every cookie (sign-in, antiforgery, language, code session, tablet, temp data) is Secure on an https request,
        // also when https ends at the proxy.
        builder.Services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.SameAsRequest);
        builder.AddReverseProxy();
        builder.AddPublicAddress();
        return builder;
    }

    /// <summary>
    /// Behind a reverse proxy (docs/qualities.md, "Deployment"): the client's address from X-Forwarded-For (so rate
    /// limits count per resident, not per proxy) and the scheme from X-Forwarded-Proto (so cookies are Secure and HSTS
    /// is sent), trusted only from the proxies in ReverseProxy:KnownProxies / KnownNetworks; loopback is always known.
    /// The Host header is never taken from the proxy.
    /// </summary>
    private static void AddReverseProxy(this WebApplicationBuilder builder)
    {
        var proxies = builder.Configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [];
        var networks = builder.Configuration.GetSection("ReverseProxy:KnownNetworks").Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }

    /// <summary>
    /// Links in mails come from Email:PublicBaseUrl, never from a request's Host header: outside Development (and the
    /// tests) the app does not start without it. When AllowedHosts is left at "*", only the public address's host
    /// and loopback (for monitoring on the machine itself) are served.
    /// </summary>
    private static void AddPublicAddress(this WebApplicationBuilder builder)
    {
        if (!RequiresPublicAddress(builder.Environment))
        {
            return;
        }

        builder.Services.AddOptions<EmailOptions>()
            .Validate(o => Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http",
                "Email:PublicBaseUrl must be the site's public address (https://burgerbegroting.example.nl): links in mails are made from it.")
            .ValidateOnStart();
        if (builder.Configuration["AllowedHosts"] is null or "*")
        {
            builder.Services.PostConfigure<HostFilteringOptions>(o =>
            {
                var publicHost = Uri.TryCreate(builder.Configuration["Email:PublicBaseUrl"], UriKind.Absolute, out var uri) ? uri.Host : "";
                o.AllowedHosts = [.. new[] { publicHost, "localhost", "127.0.0.1", "[::1]" }.Where(h => h.Length > 0)];
            });
        }
    }

    /// <summary>Development and the tests may make links from the request; every real deployment names its address.</summary>
    public static bool RequiresPublicAddress(IHostEnvironment environment) =>
        !environment.IsDevelopment() && !environment.IsEnvironment("Testing");

    private static RateLimitPartition<string> Window(HttpContext ctx, int permits) =>
        // Only the saving POSTs count: reading a page is free, and so are the live previews (?handler=Remaining,
        // Usage, Preview) that htmx posts while someone types or ticks.
        HttpMethods.IsPost(ctx.Request.Method) && string.IsNullOrEmpty(ctx.Request.Query["handler"])
            ? RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("read");

    /// <summary>The one page that scans a QR code (the event desk) may use the camera, for this site only; no other page may.</summary>
    public static void AllowCamera(HttpResponse response) => response.Headers["Permissions-Policy"] = PermissionsPolicy("(self)");

    private static string PermissionsPolicy(string camera) => $"camera={camera}, microphone=(), geolocation=(), payment=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var h = context.Response.Headers;
        h["X-Content-Type-Options"] = "nosniff";
        h["X-Frame-Options"] = "DENY";
        h["Referrer-Policy"] = "strict-origin-when-cross-origin";
        h["Permissions-Policy"] = PermissionsPolicy("()");
        h["Cross-Origin-Opener-Policy"] = "same-origin";
        h["Content-Security-Policy"] =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
            "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
        await next();
    });
}
