namespace Burgerbegroting.Voting.Eligibility;

/// <summary>A Dutch postcode: four digits (the first not 0) and two letters, as "6211AB" once normalised.</summary>
public static class DutchPostcode
{
    /// <summary>Accepts what people type ("6211 ab", " 6211AB ", "6211-AB") and returns "6211AB", or null if it is no postcode.</summary>
    public static string? Normalize(string? input)
    {
        if (input is null)
        {
            return null;
        }

        // Without LINQ or arrays: a register import normalises every one of its rows.
        Span<char> chars = stackalloc char[6];
        var n = 0;
        foreach (var c in input)
        {
            if (char.IsWhiteSpace(c) || c == '-')
            {
                continue;
            }

            if (n == chars.Length)
            {
                return null;
            }

            chars[n++] = c;
        }

        if (n != 6 || chars[0] is < '1' or > '9' || !char.IsAsciiDigit(chars[1]) || !char.IsAsciiDigit(chars[2]) || !char.IsAsciiDigit(chars[3])
            || !char.IsAsciiLetter(chars[4]) || !char.IsAsciiLetter(chars[5]))
        {
            return null;
        }

        chars[4] = char.ToUpperInvariant(chars[4]);
        chars[5] = char.ToUpperInvariant(chars[5]);

        // SA, SD and SS are never issued (PostNL).
        return chars[4] == 'S' && chars[5] is 'A' or 'D' or 'S' ? null : new string(chars);
    }

    /// <summary>"6211AB" → "6211 AB", the way it is written on letters.</summary>
    public static string Format(string normalized) =>
        normalized.Length == 6 ? $"{normalized[..4]} {normalized[4..]}" : normalized;
}
