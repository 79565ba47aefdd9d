using System.Globalization;
using Burgerbegroting.Voting.Eligibility;
using Burgerbegroting.Voting.Stemcodes;
using Burgerbegroting.Web.Infrastructure.Pdf;
using Burgerbegroting.Web.Infrastructure.Startup;
using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Burgerbegroting.Web.Stemcodes;

/// <summary>
/// The stemcode letters as one PDF for the print house: one A4 page per code, Dutch text with English beside it.
/// Everything the letters share (heading, texts, rounds, the frame of the code) is drawn once into a form that
/// every page places, so a page adds only its addressee, its code and its QR code: a PDF of 10,000 letters stays
/// small and quick to make and to print.
/// </summary>
/// <remarks>
/// Anonymous codes (no addressee, for a library desk or an event) get the same page with the address window left
/// empty, so one print process serves both.
/// </remarks>
public static class LetterPdf
{
    // A4 in points, margins of 20 mm.
    private const double PageWidth = 595.28;
    private const double PageHeight = 841.89;
    private const double Left = 56.7;
    private const double Width = PageWidth - 2 * Left;
    private const double Right = Left + Width;
    private const double Bottom = PageHeight - 36;

    // The address sits in the window of a standard Dutch window envelope (folded A4): 25 mm from the left, 50 mm
    // from the top.
    private const double AddressLeft = 70.9;
    private const double AddressTop = 141.7;

    private const double BoxTop = 222;
    private const double BoxHeight = 132;
    private const double BoxInset = 16;
    private const double ModuleSize = 2.8;
    private const double QrMaxSize = BoxHeight - 10;

    private const double ColumnsTop = BoxTop + BoxHeight + 24;
    private const double ColumnGap = 24;
    private const double ColumnWidth = (Width - ColumnGap) / 2;

    /// <summary>
    /// Writes one page per letter to <paramref name="output"/> (left open). Texts come from <paramref name="text"/>
    /// resolved in Dutch and in English, whatever the current culture.
    /// </summary>
    /// <exception cref="ArgumentException">A letter's code is not canonical, or there are no letters.</exception>
    public static void Write(Stream output, LetterSet set, IEnumerable<Letter> letters, IStringLocalizer<SharedResource> text)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(letters);
        ArgumentNullException.ThrowIfNull(text);
        PdfFonts.Register();
        var dutch = LetterText.Resolve(text, set, Languages.Dutch);
        var english = LetterText.Resolve(text, set, Languages.English);

        using var document = new PdfDocument();
        document.Info.Title = set.EditionName;
        document.Info.Subject = set.Municipality;
        document.Info.Creator = "Burgerbegroting";
        document.Options.CompressContentStreams = true;
        var template = Template(document, set, dutch, english);
        var count = 0;
        foreach (var letter in letters)
        {
            Check(letter, count, nameof(letters));
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            using var gfx = XGraphics.FromPdfPage(page);
            gfx.DrawImage(template, 0, 0);
            DrawPersonal(gfx, set, letter, dutch);
            count++;
        }

        if (count == 0)
        {
            throw new ArgumentException("There are no letters to write.", nameof(letters));
        }

        document.Save(output, false);
    }

    /// <summary>Codes are secret: the message names the letter's position, never its code.</summary>
    internal static void Check(Letter letter, int index, string parameter)
    {
        if (letter is null || Stemcode.Normalize(letter.Code) != letter.Code)
        {
            throw new ArgumentException($"Letter {index + 1} has no stemcode in canonical form.", parameter);
        }

        if (letter.Postcode is not null && DutchPostcode.Normalize(letter.Postcode) != letter.Postcode)
        {
            throw new ArgumentException($"Letter {index + 1} has a postcode that is not normalised (\"6211AB\").", parameter);
        }
    }

    /// <summary>The address line of a letter: "6211 AB, huisnummer 12 A", or what there is of it.</summary>
    internal static string? AddressLine(Letter letter, string format) => (letter.Postcode, letter.HouseNumber) switch
    {
        ({ } postcode, { } number) => string.Format(CultureInfo.InvariantCulture, format, DutchPostcode.Format(postcode), number),
        ({ } postcode, null) => DutchPostcode.Format(postcode),
        (null, { } number) => number,
        _ => null,
    };

    private static void DrawPersonal(XGraphics gfx, LetterSet set, Letter letter, LetterText dutch)
    {
        if (letter.IsAddressed)
        {
            var y = AddressTop;
            foreach (var line in new[] { letter.Name ?? dutch.Resident, AddressLine(letter, dutch.AddressFormat) })
            {
                if (line is not null)
                {
                    gfx.DrawString(line, F.Address, XBrushes.Black, new XRect(AddressLeft, y, 260, 14), XStringFormats.TopLeft);
                    y += F.Address.GetHeight();
                }
            }
        }

        var buurt = string.Format(CultureInfo.InvariantCulture, dutch.BuurtFormat, letter.Buurt);
        gfx.DrawString(buurt, F.Small, XBrushes.Black, new XRect(Right - 180, AddressTop, 180, 12), XStringFormats.TopRight);
        gfx.DrawString(Stemcode.Format(letter.Code), F.Code, XBrushes.Black, new XRect(Left + BoxInset, BoxTop + 34, 260, 34), XStringFormats.TopLeft);

        var modules = LetterQr.Modules(LetterLinks.VoteLink(set.CodePage, letter.Code).AbsoluteUri);
        var size = modules.GetLength(0);
        var module = Math.Min(ModuleSize, QrMaxSize / size);
        var x0 = Right - 5 - size * module;
        var y0 = BoxTop + (BoxHeight - size * module) / 2;
        var blocks = LetterQr.Blocks(modules);
        var rects = new XRect[blocks.Count];
        for (var i = 0; i < rects.Length; i++)
        {
            var b = blocks[i];
            rects[i] = new XRect(x0 + b.X * module, y0 + b.Y * module, b.Width * module, b.Height * module);
        }

        gfx.DrawRectangles(XBrushes.Black, rects);
    }

    private static XForm Template(PdfDocument document, LetterSet set, LetterText dutch, LetterText english)
    {
        var form = new XForm(document, XUnit.FromPoint(PageWidth), XUnit.FromPoint(PageHeight));
        using var g = XGraphics.FromForm(form);
        PdfText.Line(g, set.Municipality, F.Heading, Left, 40, Width);
        // An edition name may have 150 characters: two lines.
        var rule = Math.Max(84, PdfText.Paragraph(g, set.EditionName, F.Subheading, Left, 62, Width) + 6);
        g.DrawLine(new XPen(XColors.Black, 0.5), Left, rule, Right, rule);

        g.DrawRoundedRectangle(new XPen(XColors.Black, 1.2), Left, BoxTop, Width, BoxHeight, 14, 14);
        var x = Left + BoxInset;
        PdfText.Line(g, $"{dutch.CodeLabel} · {english.CodeLabel}", F.Label, x, BoxTop + 14, 300);
        PdfText.Line(g, $"{dutch.GoTo} · {english.GoTo}", F.Small, x, BoxTop + 76, 300);
        PdfText.Line(g, LetterLinks.Printed(set.CodePage), F.Link, x, BoxTop + 88, 330);
        PdfText.Line(g, $"{dutch.OrScan} · {english.OrScan}", F.Small, x, BoxTop + 106, 300);

        var bottom = Math.Max(
            Column(g, dutch, Left, ColumnsTop),
            Column(g, english, Left + ColumnWidth + ColumnGap, ColumnsTop));
        if (bottom > Bottom)
        {
            // A clipped letter would go out unnoticed; a longer edition name or text must shorten first.
            throw new InvalidOperationException($"The letter text does not fit on one page ({bottom:F0} of {Bottom:F0} points).");
        }

        return form;
    }

    /// <summary>One language's text; returns where it ends.</summary>
    private static double Column(XGraphics g, LetterText text, double x, double y)
    {
        y = PdfText.Paragraph(g, text.Title, F.Title, x, y, ColumnWidth) + 4;
        y = PdfText.Paragraph(g, text.Intro, F.Body, x, y, ColumnWidth) + 8;
        y = PdfText.Paragraph(g, text.HowTo, F.BodyBold, x, y, ColumnWidth) + 2;
        for (var i = 0; i < text.Steps.Count; i++)
        {
            PdfText.Line(g, $"{i + 1}.", F.BodyBold, x, y, 14);
            y = PdfText.Paragraph(g, text.Steps[i], F.Body, x + 14, y, ColumnWidth - 14) + 2;
        }

        y += 6;
        foreach (var note in text.Notes)
        {
            y = PdfText.Paragraph(g, note, F.Body, x, y, ColumnWidth) + 5;
        }

        y = PdfText.Paragraph(g, text.RoundsHeading, F.BodyBold, x, y + 3, ColumnWidth) + 2;
        foreach (var (name, dates) in text.Rounds)
        {
            y = PdfText.Paragraph(g, name, F.Body, x, y, ColumnWidth);
            y = PdfText.Paragraph(g, dates, F.Body, x + 14, y, ColumnWidth - 14) + 3;
        }

        return y;
    }

    /// <summary>The fonts, made once; making a font registers ours with PDFsharp first.</summary>
    private static class F
    {
        public static readonly XFont Heading = PdfFonts.Font(PdfFonts.Sans, 15, bold: true);
        public static readonly XFont Subheading = PdfFonts.Font(PdfFonts.Sans, 11);
        public static readonly XFont Address = PdfFonts.Font(PdfFonts.Sans, 10.5);
        public static readonly XFont Small = PdfFonts.Font(PdfFonts.Sans, 8.5);
        public static readonly XFont Label = PdfFonts.Font(PdfFonts.Sans, 10, bold: true);
        public static readonly XFont Link = PdfFonts.Font(PdfFonts.Sans, 11.5, bold: true);
        public static readonly XFont Code = PdfFonts.Font(PdfFonts.Mono, 26, bold: true);
        public static readonly XFont Title = PdfFonts.Font(PdfFonts.Sans, 12.5, bold: true);
        public static readonly XFont Body = PdfFonts.Font(PdfFonts.Sans, 9.6);
        public static readonly XFont BodyBold = PdfFonts.Font(PdfFonts.Sans, 9.6, bold: true);
    }
}
