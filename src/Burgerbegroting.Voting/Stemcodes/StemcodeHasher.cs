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
        if (key.Length < 32)
        {
            throw new ArgumentException("The stemcode key needs at least 32 bytes.", nameof(key));
        }

        _key = [.. key];
    }

    /// <summary>The stored form of a canonical code (see <see cref="Stemcode.Normalize"/>).</summary>
    public byte[] Hash(string canonical) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(canonical));

    /// <summary>Whether a canonical code is the one stored as <paramref name="stored"/>, in time that does not depend on where they differ.</summary>
    public bool Matches(string canonical, ReadOnlySpan<byte> stored) =>
        CryptographicOperations.FixedTimeEquals(Hash(canonical), stored);
}
