using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Burgerbegroting.Web.Stemcodes;

/// <summary>
/// The fonts of the letters, embedded in this assembly (DejaVu, licence in Fonts/LICENSE-DejaVu.txt): PDFsharp on
/// Linux finds no system fonts by itself, and a letter must look the same wherever it is made.
/// </summary>
internal sealed class LetterFonts : IFontResolver
{
    public const string Sans = "Burgerbegroting Sans";
    public const string Mono = "Burgerbegroting Mono";

    private static readonly LetterFonts Instance = new();
    private static readonly Lock Gate = new();
    private static bool _registered;
    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    /// <summary>
    /// Installs the resolver for the process. PDFsharp takes one font resolver per process and refuses a change once
    /// a font was used, so this sets it the first time and does nothing after; the app, the tests and the bench may
    /// all call it.
    /// </summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            var current = GlobalFontSettings.FontResolver;
            if (current is null)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
            else if (current is not LetterFonts)
            {
                throw new InvalidOperationException($"PDFsharp already has another font resolver ({current.GetType().Name}); the letters need {nameof(LetterFonts)}.");
            }

            _registered = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => familyName switch
    {
        Sans => new FontResolverInfo(bold ? "DejaVuSans-Bold" : "DejaVuSans"),
        Mono => new FontResolverInfo("DejaVuSansMono-Bold"),
        _ => null,
    };

    public byte[]? GetFont(string faceName) => _faces.GetOrAdd(faceName, Load);

    private static byte[] Load(string faceName)
    {
        using var stream = typeof(LetterFonts).Assembly.GetManifestResourceStream($"Burgerbegroting.Web.Stemcodes.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
