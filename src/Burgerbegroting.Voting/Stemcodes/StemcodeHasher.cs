using System.Security.Cryptography;
using System.Text;

namespace Burgerbegroting.Voting.Stemcodes;

/// <summary>
/// Codes are stored only as HMAC-SHA256(key, code), with a key that is not in the database: a copy of the database
/// alone does not let anyone test codes offline (docs/stemcodes.md, "Storage").
/// </summary>
public sealed class StemcodeHasher
{
    public const int HashBytes = 32;
    private readonly byte[] _key;

    public StemcodeHasher(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
        {
            throw new ArgumentException("The stemcode key needs at least 32 bytes.", nameof(key));
        }

        _key = [.. key];
    }

    /// <summary>The stored form of a canonical code (see <see cref="Stemcode.Normalize"/>).</summary>
    /// <exception cref="ArgumentException">The code is not canonical: hashing "abcd-efgh-jkmn" would store a hash that
    /// the typed code, once normalised, never matches.</exception>
    public byte[] Hash(string canonical)
    {
        if (!Stemcode.IsCanonical(canonical))
        {
            throw new ArgumentException("Only a canonical stemcode (Stemcode.Normalize) is hashed.", nameof(canonical));
        }

        return HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(canonical));
    }

    /// <summary>
    /// Whether a canonical code is the one stored as <paramref name="stored"/>, in time that does not depend on where
    /// they differ. Like <see cref="Hash"/> it refuses a code that is not canonical: normalise what was typed first.
    /// </summary>
    public bool Matches(string canonical, ReadOnlySpan<byte> stored) =>
        CryptographicOperations.FixedTimeEquals(Hash(canonical), stored);
}
