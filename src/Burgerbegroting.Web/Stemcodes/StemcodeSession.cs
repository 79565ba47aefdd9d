using System.Globalization;
using System.Security.Claims;
using Burgerbegroting.Data.Stemcodes;
using Burgerbegroting.Voting.Paper;
using Microsoft.AspNetCore.Authentication;

namespace Burgerbegroting.Web.Stemcodes;

/// <summary>A code session: the code's row (never the code) and how it votes — online, or on an event's desk tablet.</summary>
public sealed record CodeSession(long CodeId, BallotChannel Channel);

/// <summary>
/// A resident voting with a code and without an account has a short session of its own: a cookie that names the
/// code's row (never the code), ends when the browser closes, after a few idle minutes, and after a ballot is saved,
/// so a shared computer does not keep it (docs/stemcodes.md, "Voting with a code").
/// </summary>
public static class StemcodeSession
{
    public const string Scheme = "Stemcode";
    private const string CodeClaim = "bb:stemcode";
    private const string ChannelClaim = "bb:channel";

    public static async Task<CodeSession?> CurrentAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(Scheme);
        if (!result.Succeeded || !long.TryParse(result.Principal.FindFirstValue(CodeClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        var channel = Enum.TryParse<BallotChannel>(result.Principal.FindFirstValue(ChannelClaim), out var c) ? c : BallotChannel.Stemcode;
        return new CodeSession(id, channel);
    }

    public static Task SignInAsync(HttpContext http, VotingCode code, BallotChannel channel = BallotChannel.Stemcode)
    {
        var identity = new ClaimsIdentity(
            [new Claim(CodeClaim, code.Id.ToString(CultureInfo.InvariantCulture)), new Claim(ChannelClaim, channel.ToString())], Scheme);
        return http.SignInAsync(Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
    }

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(Scheme);
}
