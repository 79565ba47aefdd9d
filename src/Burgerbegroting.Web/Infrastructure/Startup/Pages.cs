using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Participation;
using Burgerbegroting.Web.Secrecy;
using Burgerbegroting.Web.Selection;
using Htmx.TagHelpers;
using Burgerbegroting.Web.Infrastructure.Localization;
using Burgerbegroting.Web.Pages;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Burgerbegroting.Web.Infrastructure.Startup;

public static class Pages
{
    public static WebApplicationBuilder AddPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRouting(o => o.LowercaseUrls = true);
        // Write "€" and "ë" as they are, not as character references: smaller pages, readable source.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<Links>();
        builder.Services.AddRazorPages(o =>
            {
                o.Conventions.Add(new RouteTableConvention(PageRoutes.Templates));
                o.Conventions.AuthorizeFolder(PageRoutes.AdminFolder, Policies.Staff);
                o.Conventions.AuthorizeFolder(PageRoutes.StaffAccountsFolder, Policies.Admin);
                o.Conventions.AuthorizePage(PageRoutes.Profile);
                o.Conventions.AuthorizePage(PageRoutes.MyIdeas);
                o.Conventions.AuthorizePage(PageRoutes.MyData);
                o.Conventions.AuthorizePage(PageRoutes.DeleteAccount);
            })
            .AddMvcOptions(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.Filters.Add(new UnmatchedHandlerFilter());
                o.ModelBinderProviders.Insert(0, new NulFreeStringBinderProvider());
                // jQuery's "a[b][c]" field syntax is not used here, and its reader throws on a field name with an
                // unclosed bracket ("[abc") before any page code runs: a 500 for a junk form. Without it, a 400 or nothing.
                o.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
                o.ValueProviderFactories.RemoveType<JQueryQueryStringValueProviderFactory>();
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Shared());
        builder.Services.AddOptions<MvcOptions>()
            .Configure<IStringLocalizerFactory>(Languages.LocalizeModelBinding);
        return builder;
    }

    public static WebApplication UsePipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseCookiePolicy();
        // Before the error pages: the exception handler renders its page through a pipeline of its own (routing and
        // the page only), so a language chosen only further down would be lost and the page after a 500 would not
        // be in the visitor's language.
        app.UseRequestLocalization(app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(PageRoutes.PathOf(PageRoutes.Error));
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute(PageRoutes.PathOf(PageRoutes.Error), "?code={0}");
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapPages(this WebApplication app)
    {
        app.MapRazorPages();
        RouteTableConvention.Verify(app.Services, PageRoutes.Templates);
        app.MapHtmxAntiforgeryScript().Add(CacheForADay);
        app.MapOpenData();
        app.MapEditionAddresses();
        app.MapBallotList();
        app.MapParticipation();
        app.MapPost(PageRoutes.LanguageSwitch, SwitchLanguage).DisableAntiforgery().AllowAnonymous();
        return app;
    }

    /// <summary>
    /// The antiforgery script is Htmx.Net's, the same on every page; without this every page view would fetch it again
    /// (the endpoint sends no caching headers of its own).
    /// </summary>
    private static void CacheForADay(EndpointBuilder endpoint)
    {
        var script = endpoint.RequestDelegate!;
        endpoint.RequestDelegate = context =>
        {
            context.Response.Headers.CacheControl = "public, max-age=86400";
            return script(context);
        };
    }

    /// <summary>The language switch on every page: a plain form, so it works without JavaScript.</summary>
    private static IResult SwitchLanguage(HttpContext context, [FromForm] string? culture, [FromForm] string? returnUrl)
    {
        var chosen = Languages.Normalize(culture);
        context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl : "/");
    }

    /// <summary>The test LocalRedirect makes, so that it never throws: a path on this site, not "//host" nor "/\host", no control characters.</summary>
    private static bool IsLocal([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl);
}
