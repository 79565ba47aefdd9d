using System.Globalization;
using System.Security.Claims;
using Burgerbegroting.Data.Stemcodes;
using Microsoft.AspNetCore.Authentication;

namespace Burgerbegroting.Web.Stemcodes;

/// <summary>
/// A resident voting with a code and without an account has a short session of its own: a cookie that names the
/// code's row (never the code), ends when the browser closes, after a few idle minutes, and after a ballot is saved,
/// so a shared computer does not keep it (docs/stemcodes.md, "Voting with a code").
/// </summary>
public static class StemcodeSession
{
    public const string Scheme = "Stemcode";
    private const string CodeClaim = "bb:stemcode";

    public static async Task<long?> CodeIdAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(Scheme);
        return result.Succeeded && long.TryParse(result.Principal.FindFirstValue(CodeClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    public static Task SignInAsync(HttpContext http, VotingCode code)
    {
        var identity = new ClaimsIdentity([new Claim(CodeClaim, code.Id.ToString(CultureInfo.InvariantCulture))], Scheme);
        return http.SignInAsync(Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
    }

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(Scheme);
}
