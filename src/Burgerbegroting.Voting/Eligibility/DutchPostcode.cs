namespace Burgerbegroting.Voting.Eligibility;

/// <summary>A Dutch postcode: four digits (the first not 0) and two letters, as "6211AB" once normalised.</summary>
public static class DutchPostcode
{
    /// <summary>Accepts what people type ("6211 ab", " 6211AB ", "6211-AB") and returns "6211AB", or null if it is no postcode.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var chars = input.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray();
        if (chars.Length != 6 || chars[0] is < '1' or > '9' || !chars[1..4].All(char.IsAsciiDigit) || !chars[4..].All(char.IsAsciiLetter))
        {
            return null;
        }

        var letters = new string(chars[4..]).ToUpperInvariant();
        // SA, SD and SS are never issued (PostNL).
        return letters is "SA" or "SD" or "SS" ? null : new string(chars[..4]) + letters;
    }

    /// <summary>"6211AB" → "6211 AB", the way it is written on letters.</summary>
    public static string Format(string normalized) =>
        normalized.Length == 6 ? $"{normalized[..4]} {normalized[4..]}" : normalized;
}
