using System.Globalization;

namespace Burgerbegroting.Web.Pages.Account;

/// <summary>Birth year as typed in the register and profile forms; returns the resource key of the problem, if any.</summary>
internal static class BirthYears
{
    public static int? Parse(string? input, int thisYear, out string? errorKey)
    {
        errorKey = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            errorKey = "Validation.BirthYearRequired";
            return null;
        }

        if (!int.TryParse(input.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1900 || year > thisYear)
        {
            errorKey = "Validation.BirthYear";
            return null;
        }

        return year;
    }
}
