using System.Globalization;

namespace Burgerbegroting.Voting.Money;

/// <summary>A whole percentage as typed in the round 2 form: "25", " 25 ", "25%", "25 %"; empty counts as 0.</summary>
public static class WholePercentage
{
    public static bool TryParse(string? input, out int value)
    {
        var text = (input ?? "").Trim().TrimEnd('%').Trim();
        if (text.Length == 0)
        {
            value = 0;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
