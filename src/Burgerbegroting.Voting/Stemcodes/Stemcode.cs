using System.Buffers;
using System.Globalization;

namespace Burgerbegroting.Voting.Stemcodes;

/// <summary>
/// A stemcode as printed on a letter and typed by a resident (docs/stemcodes.md): twelve characters from an alphabet
/// without look-alikes, shown as <c>XXXX-XXXX-XXXX</c>. Typing is forgiving: case, spaces and dashes do not matter.
/// </summary>
public static class Stemcode
{
    /// <summary>Digits 2–9 and the letters A–Z without I, L and O: no 0/O and no 1/I/L to confuse. 31 symbols.</summary>
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public const int Length = 12;

    /// <summary>The randomness of one code: 12 × log2(31) ≈ 59.45 bits.</summary>
    public static double Bits => Length * Math.Log2(Alphabet.Length);

    /// <summary>How many different codes there are: 31^12 ≈ 7.9 × 10^17.</summary>
    public static double Space => Math.Pow(Alphabet.Length, Length);

    /// <summary>
    /// What a resident typed ("abcd efgh jkmn", "ABCD-EFGH-JKMN", " abcdefghjkmn ") as the twelve canonical characters,
    /// or null when it cannot be a code (wrong length, or a character that no code contains).
    /// </summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 64)
        {
            return null;
        }

        Span<char> code = stackalloc char[Length];
        var n = 0;
        foreach (var c in typed)
        {
            if (IsSeparator(c))
            {
                continue;
            }

            var upper = char.ToUpperInvariant(c);
            if (n == Length || !Alphabet.Contains(upper, StringComparison.Ordinal))
            {
                return null;
            }

            code[n++] = upper;
        }

        return n == Length ? new string(code) : null;
    }

    /// <summary>Whether <paramref name="code"/> is a code in canonical form: twelve characters of the alphabet.</summary>
    public static bool IsCanonical(string? code) =>
        code is { Length: Length } && code.AsSpan().ContainsAnyExcept(AlphabetValues) is false;

    private static readonly SearchValues<char> AlphabetValues = SearchValues.Create(Alphabet);

    /// <summary>
    /// What people put between groups, or what a copy from a PDF or mail brings along: whitespace, every kind of dash
    /// (hyphen, en and em dash, non-breaking hyphen, minus sign), dots, and invisible format characters such as the
    /// soft hyphen and the zero-width space.
    /// </summary>
    private static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c) || c is '.' or '\u2212'
        || char.GetUnicodeCategory(c) is UnicodeCategory.DashPunctuation or UnicodeCategory.Format;

    /// <summary>"ABCDEFGHJKMN" → "ABCD-EFGH-JKMN", the way it is printed.</summary>
    public static string Format(string canonical) =>
        canonical.Length == Length ? $"{canonical[..4]}-{canonical[4..8]}-{canonical[8..]}" : canonical;
}
