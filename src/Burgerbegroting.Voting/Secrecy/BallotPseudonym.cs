using System.Security.Cryptography;
using System.Text;

namespace Burgerbegroting.Voting.Secrecy;

/// <summary>
/// The key a ballot is stored under (docs/secrecy.md): a keyed hash (HMAC-SHA256) of the voter's id with the round's
/// own key. Whoever has the round key can find a voter's ballot, to replace it or show it back; without the key the
/// pseudonyms are random-looking and join nothing. The round key is destroyed when the round is published.
/// </summary>
public static class BallotPseudonym
{
    public const int KeyBytes = 32;

    /// <summary>Lowercase hex, 64 characters.</summary>
    public const int Length = 64;

    public static string Of(ReadOnlySpan<byte> roundKey, string voterId)
    {
        if (roundKey.Length < KeyBytes)
        {
            throw new ArgumentException($"A round key has at least {KeyBytes} bytes.", nameof(roundKey));
        }

        ArgumentException.ThrowIfNullOrEmpty(voterId);
        return Convert.ToHexStringLower(HMACSHA256.HashData(roundKey, Encoding.UTF8.GetBytes(voterId)));
    }
}
