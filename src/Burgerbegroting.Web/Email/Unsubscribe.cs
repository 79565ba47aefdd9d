using Microsoft.AspNetCore.DataProtection;

namespace Burgerbegroting.Web.Email;

/// <summary>Signed links to stop update mails (every mail that is not about the person's own action has a working unsubscribe link).</summary>
public sealed class Unsubscribe(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Burgerbegroting.Unsubscribe.v1");

    public string Token(string userId) => _protector.Protect(userId);

    public string? UserId(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(token);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
