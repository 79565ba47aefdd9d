using System.Security.Claims;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Infrastructure.Startup;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Burgerbegroting.Web.Accounts;

/// <summary>
/// Checks every signed-in request against the database (docs/qualities.md, "Security"), in one small query: a changed
/// security stamp (a password reset, a revoked staff member) or a revoked or deleted account ends the session at once;
/// changed roles or a newly confirmed e-mail address take effect in the same request, without signing out — a
/// buurtnetwerk approved while signed in can submit its idea straight away.
/// </summary>
public static class SessionCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var services = context.HttpContext.RequestServices;
        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var id = principal?.FindFirstValue(claims.UserIdClaimType);
        if (principal is null || id is null)
        {
            return;
        }

        var db = services.GetRequiredService<AppDbContext>();
        var current = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new
            {
                u.SecurityStamp,
                u.EmailConfirmed,
                u.RevokedAt,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .SingleOrDefaultAsync();
        if (current is null || current.RevokedAt is not null || current.SecurityStamp != principal.FindFirstValue(claims.SecurityStampClaimType))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        var roles = principal.FindAll(claims.RoleClaimType).Select(c => c.Value).Order(StringComparer.Ordinal);
        if (!roles.SequenceEqual(current.Roles.Order(StringComparer.Ordinal), StringComparer.Ordinal)
            || principal.HasClaim(AccountClaims.EmailConfirmed, "true") != current.EmailConfirmed)
        {
            var signIn = services.GetRequiredService<SignInManager<AppUser>>();
            var user = await signIn.UserManager.FindByIdAsync(id);
            context.ReplacePrincipal(await signIn.CreateUserPrincipalAsync(user!));
            context.ShouldRenew = true;
        }
    }
}
