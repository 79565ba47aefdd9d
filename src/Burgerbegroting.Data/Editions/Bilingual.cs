using System.Globalization;

namespace Burgerbegroting.Data.Editions;

/// <summary>
/// Texts staff write in Dutch and, where they wish, in English (an edition's name and introduction, a theme's texts).
/// The English site shows the English text where there is one and the Dutch text where it was left empty.
/// </summary>
public static class Bilingual
{
    /// <summary>The text for the current UI culture (set per request by the language switch).</summary>
    public static string Pick(string dutch, string english) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && !string.IsNullOrWhiteSpace(english) ? english : dutch;
}
