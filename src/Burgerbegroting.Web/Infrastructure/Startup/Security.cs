using System.Threading.RateLimiting;
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
        return builder;
    }

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
