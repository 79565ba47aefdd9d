using System.Text;

namespace Burgerbegroting.Web.Infrastructure;

/// <summary>Names of downloaded files.</summary>
public static class FileNames
{
    /// <summary>ASCII letters and digits of a name ("Burgerbegroting Maastricht 2027" → "BurgerbegrotingMaastricht2027"), accents dropped.</summary>
    public static string Slug(string text) =>
        string.Concat(text.Normalize(NormalizationForm.FormD).Where(char.IsAsciiLetterOrDigit).Take(60)) is { Length: > 0 } slug ? slug : "burgerbegroting";
}
