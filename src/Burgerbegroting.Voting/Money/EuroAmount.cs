using System.Globalization;

namespace Burgerbegroting.Voting.Money;

public enum EuroAmountError
{
    None,
    Empty,
    NotANumber,
    HasCents,
    Negative,
    TooLarge,
}

/// <summary>
/// Whole euros as Dutch people type them: "1500", "1.500", "€ 1.500,-", "1500,00", "EUR 1 500". A dot or space
/// followed by three digits groups thousands; a comma starts the cents, which must be zero ("-" counts as zero).
/// </summary>
public static class EuroAmount
{
    public const long Max = 1_000_000_000_000;

    public static EuroAmountError TryParse(string? input, out long euros)
    {
        euros = 0;
        var text = (input ?? "").Trim();
        foreach (var prefix in new[] { "€", "EUR", "eur", "Eur" })
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                text = text[prefix.Length..].Trim();
            }
        }

        if (text.Length == 0)
        {
            return EuroAmountError.Empty;
        }

        if (text.StartsWith('-'))
        {
            return EuroAmountError.Negative;
        }

        var (whole, cents) = SplitCents(text);
        if (cents is not null && !cents.All(c => c is '0' or '-'))
        {
            return cents.All(char.IsAsciiDigit) && cents.Length <= 2 && whole.Length > 0 ? EuroAmountError.HasCents : EuroAmountError.NotANumber;
        }

        var digits = WithoutThousandSeparators(whole);
        if (digits is null || digits.Length == 0)
        {
            return EuroAmountError.NotANumber;
        }

        if (digits.Length > 13 || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out euros) || euros > Max)
        {
            euros = 0;
            return EuroAmountError.TooLarge;
        }

        return EuroAmountError.None;
    }

    /// <summary>"1.500,-" → ("1.500", "-"); "1500.00" (two digits after a dot) is read as cents too.</summary>
    private static (string Whole, string? Cents) SplitCents(string text)
    {
        var comma = text.LastIndexOf(',');
        if (comma >= 0)
        {
            return (text[..comma].Trim(), text[(comma + 1)..].Trim());
        }

        var dot = text.LastIndexOf('.');
        return dot >= 0 && text.Length - dot - 1 is 1 or 2 ? (text[..dot], text[(dot + 1)..]) : (text, null);
    }

    /// <summary>Removes "." and " " between groups of exactly three digits; null if the grouping is wrong.</summary>
    internal static string? WithoutThousandSeparators(string whole)
    {
        var groups = whole.Split(['.', ' ', '\u00A0'], StringSplitOptions.None);
        if (!groups.All(g => g.Length > 0 && g.All(char.IsAsciiDigit)))
        {
            return null;
        }

        if (groups.Length > 1 && (groups[0].Length > 3 || groups.Skip(1).Any(g => g.Length != 3)))
        {
            return null;
        }

        return string.Concat(groups);
    }

    /// <summary>"€ 1.500" in Dutch, "€1,500" in English.</summary>
    public static string Format(long euros, CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en"
            ? "€" + euros.ToString("#,0", CultureInfo.InvariantCulture)
            : "€ " + euros.ToString("#,0", new CultureInfo("nl-NL"));
}
