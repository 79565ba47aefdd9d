using System.Globalization;
using System.Text;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Stemcodes;
using Burgerbegroting.Web.Infrastructure.Pdf;
using Burgerbegroting.Web.Stemcodes;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PdfSharp.Fonts;
using UglyToad.PdfPig;
using Letter = Burgerbegroting.Web.Stemcodes.Letter;
using Page = UglyToad.PdfPig.Content.Page;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Burgerbegroting.Web.Tests.Stemcodes;

/// <summary>
/// The printed side of stemcodes: the PDF letters read back with PdfPig (text, and the QR code decoded with ZXing
/// from the rectangles drawn on the page), and the print house's CSV read back with CsvHelper.
/// </summary>
public sealed class LetterTests
{
    private static readonly Uri CodePage = new("https://stemmen.maastricht.nl/stemmen/code");
    private static readonly byte[] Seed = [.. Enumerable.Range(1, StemcodeGenerator.SeedBytes).Select(i => (byte)i)];

    private static readonly LetterSet Set = new(
        "Gemeente Maastricht",
        "Burgerbegroting Maastricht 2027",
        [
            new LetterRound(RoundKind.ThemeChoice, new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 14)),
            new LetterRound(RoundKind.BudgetSplit, new DateOnly(2027, 4, 5), new DateOnly(2027, 4, 18)),
            new LetterRound(RoundKind.Selection, null, null),
        ],
        CodePage);

    private static readonly Letter[] Letters =
    [
        new(StemcodeGenerator.Code(Seed, 0), "Binnenstad", "A. Janssen", "6211AB", "12 A"),
        new(StemcodeGenerator.Code(Seed, 1), "Céramique", "Łucja Wójcik-Smeets", "6221KJ", "3"),
        new(StemcodeGenerator.Code(Seed, 2), "Wyck", null, "6221BW", "140"),
    ];

    private static readonly Letter Anonymous = new(StemcodeGenerator.Code(Seed, 3), "Malberg", null, null, null);

    [Fact]
    public void Each_letter_is_one_A4_page_with_its_code_addressee_code_page_and_the_text_in_Dutch_and_English()
    {
        using var pdf = PdfDocument.Open(Pdf(Letters));

        Assert.Equal(Letters.Length, pdf.NumberOfPages);
        for (var i = 0; i < Letters.Length; i++)
        {
            var letter = Letters[i];
            var page = pdf.GetPage(i + 1);
            var text = page.Text;
            Assert.Equal(595, page.Width, 0);
            Assert.Equal(842, page.Height, 0);
            Assert.Contains(Stemcode.Format(letter.Code), text, StringComparison.Ordinal);
            Assert.All(Letters.Where(other => other != letter), other => Assert.DoesNotContain(Stemcode.Format(other.Code), text, StringComparison.Ordinal));
            Assert.Contains(letter.Name ?? "Aan de bewoner(s)", text, StringComparison.Ordinal);
            Assert.Contains($"{letter.Postcode![..4]} {letter.Postcode[4..]}, huisnummer {letter.HouseNumber}", text, StringComparison.Ordinal);
            Assert.Contains("Buurt " + letter.Buurt, text, StringComparison.Ordinal);
            Assert.Contains("stemmen.maastricht.nl/stemmen/code", text, StringComparison.Ordinal);
            Assert.Contains("Gemeente Maastricht", text, StringComparison.Ordinal);
            Assert.Contains("Burgerbegroting Maastricht 2027", text, StringComparison.Ordinal);
            foreach (var culture in new[] { "nl", "en" })
            {
                foreach (var key in new[] { "Letter.Title", "Letter.HowTo", "Letter.Step2", "Letter.Step3", "Letter.Change", "Letter.Rounds" })
                {
                    Assert.Contains(Squeeze(Localized(culture, key)), Squeeze(text), StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public void The_letter_names_the_voting_rounds_with_their_dates_or_says_the_date_follows()
    {
        using var pdf = PdfDocument.Open(Pdf(Letters.Take(1)));
        var text = Squeeze(pdf.GetPage(1).Text);

        foreach (var expected in new[]
        {
            "Ronde 1: Thema's kiezen", "1 maart 2027 tot en met 14 maart 2027", "Ronde 2: Geld verdelen", "Ronde 4: Selectie", "datum volgt",
            "Round 1: Choosing themes", "1 March 2027 to 14 March 2027", "Round 4: Selection", "date to follow",
            "Met dezelfde code stemt u in ronde 1, 2 en 4.", "The same code works in rounds 1, 2 and 4.",
            "Neem contact op met Gemeente Maastricht.",
        })
        {
            Assert.Contains(Squeeze(expected), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_heading_is_at_the_top_of_the_page_and_the_code_above_the_texts()
    {
        using var pdf = PdfDocument.Open(Pdf(Letters.Take(1)));
        var page = pdf.GetPage(1);
        var words = page.GetWords().ToList();

        var heading = words.First(w => w.Text == "Gemeente");
        var code = words.First(w => w.Text == Stemcode.Format(Letters[0].Code));
        var columns = words.First(w => w.Text == "Stemmen");
        Assert.True(heading.BoundingBox.Bottom > page.Height - 70, $"heading at {heading.BoundingBox.Bottom}");
        Assert.True(code.BoundingBox.Bottom < heading.BoundingBox.Bottom && code.BoundingBox.Bottom > columns.BoundingBox.Top);
    }

    [Fact]
    public void The_longest_edition_name_the_database_takes_still_fits_on_one_page()
    {
        var name = string.Join(' ', Enumerable.Repeat("Burgerbegroting", 10))[..150];
        using var output = new MemoryStream();
        LetterPdf.Write(output, Set with { EditionName = name }, Letters.Take(1), Localizer);

        using var pdf = PdfDocument.Open(output.ToArray());
        Assert.Equal(1, pdf.NumberOfPages);
        Assert.Contains(Squeeze(name), Squeeze(pdf.GetPage(1).Text), StringComparison.Ordinal);
    }

    [Fact]
    public void The_QR_code_drawn_on_each_page_decodes_to_that_letters_vote_link()
    {
        using var pdf = PdfDocument.Open(Pdf(Letters));

        for (var i = 0; i < Letters.Length; i++)
        {
            var expected = LetterLinks.VoteLink(CodePage, Letters[i].Code).AbsoluteUri;
            Assert.Equal(expected, DecodeQr(pdf.GetPage(i + 1)));
            Assert.Equal($"https://stemmen.maastricht.nl/stemmen/code#code={Stemcode.Format(Letters[i].Code)}", expected);
        }
    }

    [Fact]
    public void An_anonymous_code_gets_the_same_page_without_an_address()
    {
        using var pdf = PdfDocument.Open(Pdf([Anonymous]));

        var text = pdf.GetPage(1).Text;
        Assert.Contains(Stemcode.Format(Anonymous.Code), text, StringComparison.Ordinal);
        Assert.Contains("Buurt Malberg", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Aan de bewoner", text, StringComparison.Ordinal);
        Assert.DoesNotContain("huisnummer", text, StringComparison.Ordinal);
        Assert.Equal(LetterLinks.VoteLink(CodePage, Anonymous.Code).AbsoluteUri, DecodeQr(pdf.GetPage(1)));
    }

    [Fact]
    public void A_letter_whose_code_is_not_canonical_is_refused_without_the_code_in_the_message()
    {
        var typed = Stemcode.Format(Letters[0].Code).ToLowerInvariant();
        var letter = Letters[0] with { Code = typed };

        var pdf = Assert.Throws<ArgumentException>(() => LetterPdf.Write(Stream.Null, Set, [letter], Localizer));
        var csv = Assert.Throws<ArgumentException>(() => PrintFile.Write(Stream.Null, Set, [letter]));
        Assert.DoesNotContain(typed, pdf.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(typed, csv.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Throws<ArgumentException>(() => LetterPdf.Write(Stream.Null, Set, [], Localizer));
    }

    [Fact]
    public void The_vote_link_carries_the_code_in_the_fragment_which_browsers_do_not_send()
    {
        var link = LetterLinks.VoteLink(CodePage, "abcd efgh jkmn");

        Assert.Equal("https://stemmen.maastricht.nl/stemmen/code#code=ABCD-EFGH-JKMN", link.AbsoluteUri);
        Assert.Equal("/stemmen/code", link.PathAndQuery);
        Assert.Equal("stemmen.maastricht.nl/stemmen/code", LetterLinks.Printed(CodePage));
        Assert.Throws<ArgumentException>(() => LetterLinks.VoteLink(CodePage, "not a code"));
        Assert.Throws<ArgumentException>(() => LetterLinks.VoteLink(new Uri("/stemmen/code", UriKind.Relative), Letters[0].Code));
    }

    [Fact]
    public void The_print_file_is_semicolon_separated_UTF8_with_BOM_and_reads_back_to_the_same_codes_and_links()
    {
        using var output = new MemoryStream();
        PrintFile.Write(output, Set, [.. Letters, Anonymous]);
        var bytes = output.ToArray();

        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var firstLine = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n")[0];
        Assert.Equal("code;buurt;naam;postcode;huisnummer;link", firstLine);

        using var reader = CsvReader.Create(bytes, new CsvReaderOptions { Separator = ';' });
        Assert.Equal(PrintFile.Header, reader.Headers);
        var rows = new List<string[]>();
        foreach (var row in reader)
        {
            rows.Add(row.ToArray());
        }

        Assert.Equal(
            [.. Letters.Append(Anonymous).Select(l => new[] { Stemcode.Format(l.Code), l.Buurt, l.Name ?? "", l.Postcode is null ? "" : $"{l.Postcode[..4]} {l.Postcode[4..]}", l.HouseNumber ?? "", LetterLinks.VoteLink(CodePage, l.Code).AbsoluteUri })],
            rows);
        Assert.Equal("Céramique", rows[1][1]);
        Assert.Equal("Łucja Wójcik-Smeets", rows[1][2]);
    }

    [Fact]
    public void A_name_that_a_spreadsheet_would_run_as_a_formula_is_written_as_text()
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        PrintFile.Write(output, Set, [Letters[0] with { Name = "=HYPERLINK(\"http://x\")" }]);

        var row = output.ToString().Split("\r\n")[1];
        Assert.Contains("'=HYPERLINK", row, StringComparison.Ordinal);
    }

    [Fact]
    public void The_QR_rectangles_cover_exactly_the_dark_modules_and_are_fewer_than_the_modules()
    {
        var modules = LetterQr.Modules(LetterLinks.VoteLink(CodePage, Letters[0].Code).AbsoluteUri);
        var size = modules.GetLength(0);
        var covered = new int[size, size];
        var blocks = LetterQr.Blocks(modules);
        foreach (var b in blocks)
        {
            for (var y = b.Y; y < b.Y + b.Height; y++)
            {
                for (var x = b.X; x < b.X + b.Width; x++)
                {
                    covered[y, x]++;
                }
            }
        }

        var dark = 0;
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                Assert.Equal(modules[y, x] ? 1 : 0, covered[y, x]);
                dark += modules[y, x] ? 1 : 0;
            }
        }

        // Level M, with QRCoder's quiet zone of four light modules around the symbol.
        Assert.All(Enumerable.Range(0, size), i => Assert.False(modules[0, i] || modules[i, 0] || modules[3, i] || modules[size - 4, i]));
        Assert.True(blocks.Count * 2 < dark, $"{blocks.Count} rectangles for {dark} dark modules");
    }

    [Fact]
    public void Registering_the_fonts_again_keeps_the_one_resolver()
    {
        PdfFonts.Register();
        PdfFonts.Register();

        Assert.IsType<PdfFonts>(GlobalFontSettings.FontResolver);
        using var output = new MemoryStream();
        LetterPdf.Write(output, Set, [Anonymous], Localizer);
        Assert.True(output.Length > 0);
    }

    private static readonly IStringLocalizer<SharedResource> Localizer = new ServiceCollection()
        .AddLogging()
        .AddLocalization(o => o.ResourcesPath = "Resources")
        .BuildServiceProvider()
        .GetRequiredService<IStringLocalizer<SharedResource>>();

    private static string Localized(string culture, string key)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(culture);
            var value = Localizer[key];
            Assert.False(value.ResourceNotFound, key);
            return value.Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static byte[] Pdf(IEnumerable<Letter> letters)
    {
        using var output = new MemoryStream();
        LetterPdf.Write(output, Set, letters, Localizer);
        return output.ToArray();
    }

    /// <summary>Text as PdfPig gives it has the words of wrapped lines run together; compare without white space.</summary>
    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>
    /// Paints the page's black filled rectangles (the QR code is the only filled shape on a letter) into a grey
    /// bitmap at 4 pixels per point, with a white margin, and decodes it as a QR code.
    /// </summary>
    private static string DecodeQr(Page page)
    {
        var rects = page.Paths
            .Where(p => p.IsFilled && p.FillColor?.ToRGBValues() == (0, 0, 0))
            .SelectMany(p => p)
            .Select(s => s.GetBoundingRectangle())
            .OfType<UglyToad.PdfPig.Core.PdfRectangle>()
            .ToList();
        Assert.NotEmpty(rects);
        const double scale = 4;
        const double margin = 12;
        var left = rects.Min(r => r.Left) - margin;
        var top = rects.Max(r => r.Top) + margin;
        var width = (int)Math.Ceiling((rects.Max(r => r.Right) + margin - left) * scale);
        var height = (int)Math.Ceiling((top - rects.Min(r => r.Bottom) + margin) * scale);
        var gray = Enumerable.Repeat((byte)255, width * height).ToArray();
        foreach (var r in rects)
        {
            for (var y = (int)Math.Round((top - r.Top) * scale); y < (int)Math.Round((top - r.Bottom) * scale); y++)
            {
                for (var x = (int)Math.Round((r.Left - left) * scale); x < (int)Math.Round((r.Right - left) * scale); x++)
                {
                    gray[y * width + x] = 0;
                }
            }
        }

        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(gray, width, height, RGBLuminanceSource.BitmapFormat.Gray8)));
        var result = new QRCodeReader().decode(bitmap);
        Assert.NotNull(result);
        return result.Text;
    }
}
