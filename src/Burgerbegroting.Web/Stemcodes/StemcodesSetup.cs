using Burgerbegroting.Web.Infrastructure;

namespace Burgerbegroting.Web.Stemcodes;

public static class StemcodesSetup
{
    /// <summary>Stemcodes (docs/stemcodes.md): issuing and printing, the guard against guessing, and the code session.</summary>
    public static WebApplicationBuilder AddStemcodes(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<StemcodeOptions>(builder.Configuration.GetSection("Stemcodes"));
        services.AddSingleton<StemcodeVault>();
        services.AddSingleton<StemcodeGuard>();
        services.AddScoped<StemcodeIssuer>();
        services.AddScoped<StemcodeRedeemer>();
        services.AddScoped<StemcodeExport>();
        var idle = builder.Configuration.GetValue("Stemcodes:IdleMinutes", new StemcodeOptions().IdleMinutes);
        services.AddAuthentication().AddCookie(StemcodeSession.Scheme, o =>
        {
            o.Cookie.Name = "bb.stemcode";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(idle);
            o.SlidingExpiration = true;
            o.LoginPath = Pages.PageRoutes.PathOf(Pages.PageRoutes.VoteCode);
        });
        return builder;
    }
}
