using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Burgerbegroting.Voting.Stemcodes;

/// <summary>
/// Makes the codes of one issue. A batch has a secret seed of 256 bits from the operating system's cryptographic
/// generator; code number <c>i</c> is drawn from HMAC-SHA256(seed, i), a pseudorandom function, so the codes are as
/// unpredictable as the seed while the batch can print its letters again from the seed alone until the seed is
/// destroyed (docs/stemcodes.md, "Issuing"). Every character is uniform over the alphabet (rejection sampling).
/// </summary>
public static class StemcodeGenerator
{
    public const int SeedBytes = 32;

    public static byte[] NewSeed() => RandomNumberGenerator.GetBytes(SeedBytes);

    /// <summary>The canonical code number <paramref name="index"/> of the batch with this seed.</summary>
    public static string Code(ReadOnlySpan<byte> seed, int index)
    {
        if (seed.Length != SeedBytes)
        {
            throw new ArgumentException($"A seed has {SeedBytes} bytes.", nameof(seed));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(index);
        Span<char> code = stackalloc char[Stemcode.Length];
        Span<byte> input = stackalloc byte[8];
        Span<byte> block = stackalloc byte[32];
        var n = 0;
        for (var counter = 0; n < Stemcode.Length; counter++)
        {
            BinaryPrimitives.WriteInt32BigEndian(input, index);
            BinaryPrimitives.WriteInt32BigEndian(input[4..], counter);
            HMACSHA256.HashData(seed, input, block);
            foreach (var b in block)
            {
                // 248 = 8 × 31: bytes below it map uniformly onto the 31 symbols; the rest are skipped.
                if (b < 248 && n < Stemcode.Length)
                {
                    code[n++] = Stemcode.Alphabet[b % Stemcode.Alphabet.Length];
                }
            }
        }

        return new string(code);
    }
}
