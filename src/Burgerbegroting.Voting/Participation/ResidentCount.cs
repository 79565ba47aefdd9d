using System.Globalization;
using Burgerbegroting.Voting.Money;

namespace Burgerbegroting.Voting.Participation;

/// <summary>
/// A number of residents as staff type it from a register: "2415", "2.415" or "2 415"; empty means not known.
/// </summary>
public static class ResidentCount
{
    public const int Max = 10_000_000;

    /// <returns>False when the text is not a whole number from 0 to <see cref="Max"/>.</returns>
    public static bool TryParse(string? input, out int? count)
    {
        count = null;
        var text = (input ?? "").Trim();
        if (text.Length == 0)
        {
            return true;
        }

        if (EuroAmount.WithoutThousandSeparators(text) is not { Length: > 0 and <= 8 } digits
            || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > Max)
        {
            return false;
        }

        count = value;
        return true;
    }
}
