using Burgerbegroting.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Burgerbegroting.Web.Accounts;

/// <summary>
/// Spends the time of one password check where no real one is made (an unknown address, a locked account, an address
/// that is already registered), so answers take as long whether or not an account exists.
/// </summary>
public static class PasswordTiming
{
    private static readonly AppUser Nobody = new();
    private static string? _hash;

    public static void Spend(IPasswordHasher<AppUser> hasher, string password)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        _hash ??= hasher.HashPassword(Nobody, "no account has this password");
        hasher.VerifyHashedPassword(Nobody, _hash, password);
    }
}
