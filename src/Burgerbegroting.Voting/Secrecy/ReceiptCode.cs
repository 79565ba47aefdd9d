using System.Security.Cryptography;

namespace Burgerbegroting.Voting.Secrecy;

/// <summary>
/// The short code a voter gets after saving a ballot and finds again next to that ballot in the published open data
/// (docs/secrecy.md). Random, so it says nothing about the voter or the moment; eight characters from an alphabet
/// without look-alikes (no 0/O, 1/I/L, U), written in two groups of four: 30^8 ≈ 6.6·10^11 codes per round: a new code
/// meets one of 100,000 others with chance 1.5·10^-7, and then a unique index refuses it and the save is tried again.
/// </summary>
public static class ReceiptCode
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTVWXYZ23456789";

    /// <summary>As stored and published: "ABCD-EFGH".</summary>
    public const int Length = 9;

    public static string New()
    {
        Span<char> code = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            code[i] = i == 4 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(code);
    }
}
