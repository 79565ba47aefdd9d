using System.Text.RegularExpressions;

namespace Burgerbegroting.Data.Editions;

/// <summary>The rule for an edition's part of the public addresses (<see cref="Edition.Slug"/>).</summary>
public static partial class EditionSlug
{
    public const int MaxLength = 32;

    /// <summary>The route constraint: what the public routes accept as an edition (the same rule as <see cref="IsValid"/>).</summary>
    public const string RouteConstraint = "regex(^[0-9][a-z0-9-]{{0,31}}$)";

    public static bool IsValid(string? slug) => slug is not null && Pattern().IsMatch(slug);

    /// <summary>The year in the name ("Burgerbegroting Maastricht 2027" → "2027"), or else the year the edition was created.</summary>
    public static string Suggest(string name, DateTime now) =>
        Year().Match(name ?? "") is { Success: true } m ? m.Value : now.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("^[0-9][a-z0-9-]{0,31}$")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"(?<![0-9])[0-9]{4}(?![0-9])")]
    private static partial Regex Year();
}
