using System.Collections.Concurrent;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Burgerbegroting.Web.Infrastructure.Pdf;

/// <summary>
/// The fonts of the app's PDFs (stemcode letters, paper ballots), embedded in this assembly (DejaVu, licence in
/// Fonts/LICENSE-DejaVu.txt): PDFsharp on Linux finds no system fonts by itself, and a printed page must look the same
/// wherever it is made.
/// </summary>
internal sealed class PdfFonts : IFontResolver
{
    public const string Sans = "Burgerbegroting Sans";
    public const string Mono = "Burgerbegroting Mono";

    private static readonly PdfFonts Instance = new();
    private static readonly Lock Gate = new();
    private static bool _registered;
    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    /// <summary>
    /// Installs the resolver for the process. PDFsharp takes one font resolver per process and refuses a change once
    /// a font was used, so this sets it the first time and does nothing after; every PDF writer, the tests and the
    /// bench may all call it.
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
            else if (current is not PdfFonts)
            {
                throw new InvalidOperationException($"PDFsharp already has another font resolver ({current.GetType().Name}); the app's PDFs need {nameof(PdfFonts)}.");
            }

            _registered = true;
        }
    }

    /// <summary>A font of ours with Unicode encoding (names like "Łucja" and "Céramique"); registers first.</summary>
    public static XFont Font(string family, double size, bool bold = false)
    {
        Register();
        return new XFont(family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
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
        using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream($"Burgerbegroting.Web.Infrastructure.Pdf.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
