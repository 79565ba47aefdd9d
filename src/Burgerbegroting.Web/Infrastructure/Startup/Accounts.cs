using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Accounts;
using Burgerbegroting.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Burgerbegroting.Web.Pages;

namespace Burgerbegroting.Web.Infrastructure.Startup;

public static class Policies
{
    /// <summary>Staff pages (the whole /beheer folder).</summary>
    public const string Staff = "staff";

    /// <summary>Managing staff accounts.</summary>
    public const string Admin = "admin";

    /// <summary>Submitting ideas: a resident with a confirmed email, or a buurtnetwerk approved by staff.</summary>
    public const string SubmitIdeas = "submit-ideas";
}

public static class Accounts
{
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<AppUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false; // sign-in is allowed; voting and submitting check confirmation
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                // Guessing is slowed per address by the sign-in rate limit; the lockout is the backstop against guessing
                // from many addresses, kept short because anyone who knows an address can trigger it. A password reset
                // lifts it at once, and the sign-in page says so (docs/qualities.md, "Security").
                options.Lockout.MaxFailedAccessAttempts = 10;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();

        builder.Services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(3));
        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = PageRoutes.PathOf(PageRoutes.Login);
            options.LogoutPath = PageRoutes.PathOf(PageRoutes.Logout);
            options.AccessDeniedPath = PageRoutes.PathOf(PageRoutes.AccessDenied);
            options.Cookie.Name = "bb.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            // Revocation and role changes take effect at the next request, not when the cookie expires.
            options.Events.OnValidatePrincipal = SessionCheck.ValidateAsync;
        });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Staff, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.SubmitIdeas, p => p.RequireAssertion(ctx =>
                ctx.User.IsInRole(Roles.Network) ||
                (ctx.User.IsInRole(Roles.Resident) && ctx.User.HasClaim(AccountClaims.EmailConfirmed, "true"))));

        builder.Services.AddScoped<IUserClaimsPrincipalFactory<AppUser>, AppClaimsPrincipalFactory>();
        builder.Services.AddScoped<StaffAccounts>();
        builder.Services.AddScoped<NetworkAccounts>();
        builder.Services.AddScoped<Registrations>();
        builder.Services.AddScoped<AccountSeeder>();
        return builder;
    }
}

public static class AccountClaims
{
    public const string EmailConfirmed = "bb:email_confirmed";
    public const string DisplayName = "bb:display_name";
}

/// <summary>Puts what pages need on every request (name, confirmed email) into the sign-in cookie.</summary>
internal sealed class AppClaimsPrincipalFactory(
    Microsoft.AspNetCore.Identity.UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    Microsoft.Extensions.Options.IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<System.Security.Claims.ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new(AccountClaims.EmailConfirmed, user.EmailConfirmed ? "true" : "false"));
        identity.AddClaim(new(AccountClaims.DisplayName, user.PublicName));
        return identity;
    }
}
