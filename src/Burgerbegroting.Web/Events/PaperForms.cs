using System.Globalization;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Money;
using Burgerbegroting.Web.Infrastructure.Pdf;
using Burgerbegroting.Web.Infrastructure.Startup;
using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Burgerbegroting.Web.Events;

/// <summary>A theme on a paper ballot. <paramref name="Budget"/> and <paramref name="Ideas"/> are for round 4 only.</summary>
public sealed record FormTheme(int Id, string Name, long? Budget, IReadOnlyList<FormIdea> Ideas);

/// <summary>An idea on a round 4 paper ballot, with its cost in whole euros.</summary>
public sealed record FormIdea(int Id, string Title, long Cost);

/// <summary>What a round's paper ballot shows.</summary>
/// <param name="MaxThemes">K: the most themes a resident may choose in round 1.</param>
/// <param name="TotalBudget">The money divided in round 2, whole euros (0: not said on the sheet).</param>
/// <param name="EventName">The event the sheets are for, if any.</param>
public sealed record PaperForm(
    string Municipality,
    string EditionName,
    RoundKind Round,
    int MaxThemes,
    long TotalBudget,
    IReadOnlyList<FormTheme> Themes,
    string? EventName);

/// <summary>
/// Paper ballots for an event (docs/events.md): one numbered sheet per resident, A4, with the round's rule in Dutch and
/// English and a box per theme (rounds 1 and 2) or per idea (round 4). Staff type each sheet in twice by its printed
/// number, so the number stands large in a frame at the top right of every page and again small at the bottom.
/// </summary>
/// <remarks>
/// The content of a sheet is the same on every sheet; it is laid out once into page forms that every sheet places,
/// adding only its number, so a stack of a few hundred sheets stays small. What does not fit on a page (many ideas,
/// large type) flows onto a next page of the same sheet; nothing is cut off.
/// </remarks>
public static class PaperForms
{
    // A4 in points, margins of 20 mm at the sides.
    private const double PageWidth = 595.28;
    private const double PageHeight = 841.89;
    private const double Left = 56.7;
    private const double Width = PageWidth - 2 * Left;
    private const double Right = Left + Width;
    private const double Top = 36;
    private const double FooterRule = PageHeight - 44;
    private const double Pad = 8;

    // The sheet is Dutch first: amounts are written the Dutch way ("€ 12.500") in both languages' text.
    private static readonly CultureInfo Dutch = new(Languages.Dutch);
    private static readonly XPen BoxPen = new(XColors.Black, 1.3);
    private static readonly XPen NumberPen = new(XColors.Black, 2.2);
    private static readonly XPen RulePen = new(XColors.Black, 0.5);

    /// <summary>A sheet number as printed and typed: at least five digits ("00123").</summary>
    public static string Number(int number) => number.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>
    /// Writes sheets <paramref name="firstNumber"/> to <paramref name="firstNumber"/> + <paramref name="count"/> − 1
    /// to <paramref name="output"/> (left open), each one or more A4 pages. Texts come from <paramref name="text"/>
    /// resolved in Dutch and in English, whatever the current culture. <paramref name="largeType"/> sets the text at
    /// 16 points or more with bigger boxes, on more pages where needed.
    /// </summary>
    /// <exception cref="ArgumentException">No sheets, a number below 1, a round without a paper ballot (round 3), no themes, or K below 1 in round 1.</exception>
    public static void Write(Stream output, PaperForm form, int firstNumber, int count, bool largeType, IStringLocalizer<SharedResource> text)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(text);
        Check(form, firstNumber, count);
        var dutch = FormText.Resolve(text, form, Languages.Dutch);
        var english = FormText.Resolve(text, form, Languages.English);
        var style = Style.Of(largeType, dutch, english);

        using var document = new PdfDocument();
        document.Info.Title = string.IsNullOrWhiteSpace(form.EventName) ? form.EditionName : $"{form.EditionName} – {form.EventName}";
        document.Info.Subject = form.Municipality;
        document.Info.Creator = "Burgerbegroting";
        document.Options.CompressContentStreams = true;
        var layout = Layout(form, style, dutch, english);
        var templates = new List<XForm>();
        for (var p = 0; p < layout.Pages.Count; p++)
        {
            templates.Add(Template(document, layout, p, style, dutch, english));
        }

        for (var number = firstNumber; number < firstNumber + count; number++)
        {
            for (var p = 0; p < templates.Count; p++)
            {
                var page = document.AddPage();
                page.Width = XUnit.FromPoint(PageWidth);
                page.Height = XUnit.FromPoint(PageHeight);
                using var gfx = XGraphics.FromPdfPage(page);
                gfx.DrawImage(templates[p], 0, 0);
                DrawSheetNumber(gfx, style, number, p + 1, templates.Count, dutch, english);
            }
        }

        document.Save(output, false);
    }

    private static void Check(PaperForm form, int firstNumber, int count)
    {
        if (count < 1)
        {
            throw new ArgumentException("There are no sheets to write.", nameof(count));
        }

        if (firstNumber < 1 || firstNumber > int.MaxValue - count + 1)
        {
            throw new ArgumentException("Sheet numbers run from 1.", nameof(firstNumber));
        }

        if (form.Round is not (RoundKind.ThemeChoice or RoundKind.BudgetSplit or RoundKind.Selection))
        {
            throw new ArgumentException($"Round {(int)form.Round} has no paper ballot.", nameof(form));
        }

        if (form.Themes.Count == 0)
        {
            throw new ArgumentException("A paper ballot needs themes.", nameof(form));
        }

        if (form.Round == RoundKind.ThemeChoice && form.MaxThemes < 1)
        {
            throw new ArgumentException("Round 1 needs K of at least 1.", nameof(form));
        }
    }

    /// <summary>The sheet's own part of a page: its number in the frame, which page of the sheet, and the footer.</summary>
    private static void DrawSheetNumber(XGraphics g, Style s, int number, int page, int pages, FormText dutch, FormText english)
    {
        var x = Right - s.NumberBoxWidth;
        g.DrawString(Number(number), s.Number, XBrushes.Black, new XRect(x, s.NumberY, s.NumberBoxWidth, s.Number.GetHeight()), XStringFormats.TopCenter);
        var y = s.PageY;
        foreach (var line in PageLines(g, s, dutch, english, page, pages))
        {
            g.DrawString(line, s.LabelBold, XBrushes.Black, new XRect(x, y, s.NumberBoxWidth, s.LabelBold.GetHeight()), XStringFormats.TopCenter);
            y += s.LabelBold.GetHeight();
        }

        var footer = $"{dutch.Number} {Number(number)} · {string.Format(CultureInfo.InvariantCulture, dutch.Page, page, pages)}";
        PdfText.Line(g, footer, s.Small, Left, FooterRule + 4, Width);
    }

    /// <summary>"blad 1 van 2 · page 1 of 2" on one line in the frame if it fits, else a line per language.</summary>
    private static IReadOnlyList<string> PageLines(XGraphics g, Style s, FormText dutch, FormText english, int page, int pages)
    {
        var nl = string.Format(CultureInfo.InvariantCulture, dutch.Page, page, pages);
        var en = string.Format(CultureInfo.InvariantCulture, english.Page, page, pages);
        var one = Both(nl, en);
        var width = s.NumberBoxWidth - 2 * Pad;
        return g.MeasureString(one, s.LabelBold).Width <= width ? [one] : [.. PdfText.Wrap(g, nl, s.LabelBold, width), .. PdfText.Wrap(g, en, s.LabelBold, width)];
    }

    /// <summary>Dutch and English side by side, once when they are the same.</summary>
    private static string Both(string dutch, string english) => dutch == english ? dutch : $"{dutch} · {english}";

    private static string Euros(long euros) => EuroAmount.Format(euros, Dutch);

    /// <summary>What every sheet shares on one page: the heading, the number's frame, the content, the footer line.</summary>
    private static XForm Template(PdfDocument document, Laid layout, int index, Style s, FormText dutch, FormText english)
    {
        var form = new XForm(document, XUnit.FromPoint(PageWidth), XUnit.FromPoint(PageHeight));
        using var g = XGraphics.FromForm(form);
        layout.Header.Draw(g, Top);
        g.DrawLine(RulePen, Left, layout.ContentTop - 10, Right, layout.ContentTop - 10);
        foreach (var (block, y) in layout.Pages[index])
        {
            block.Draw(g, y);
        }

        if (index + 1 < layout.Pages.Count)
        {
            var next = Both(
                string.Format(CultureInfo.InvariantCulture, dutch.Continued, index + 2),
                string.Format(CultureInfo.InvariantCulture, english.Continued, index + 2));
            PdfText.Paragraph(g, next, s.BodyBold, Left, layout.ContentBottom + 6, Width);
        }

        g.DrawLine(RulePen, Left, FooterRule, Right, FooterRule);
        return form;
    }

    /// <summary>The sheet laid out once: its heading and its content blocks placed on pages.</summary>
    private sealed record Laid(Block Header, double ContentTop, double ContentBottom, IReadOnlyList<IReadOnlyList<(Block Block, double Y)>> Pages);

    /// <summary>
    /// A piece of the sheet that stays together on one page (a paragraph, a row with its box), drawn with its top at a
    /// given y. <see cref="KeepWithNext"/> holds a heading to the row after it; <see cref="Theme"/> names the theme of
    /// a round 4 idea row, whose heading is repeated when its ideas go on over a page.
    /// </summary>
    private sealed record Block(double Height, Action<XGraphics, double> Draw)
    {
        public bool KeepWithNext { get; init; }
        public FormTheme? Theme { get; init; }
    }

    private static Laid Layout(PaperForm form, Style s, FormText dutch, FormText english)
    {
        using var g = XGraphics.CreateMeasureContext(new XSize(PageWidth, PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);
        var header = Header(g, form, s, dutch, english);
        var contentTop = Top + header.Height + 20;
        // Room at the bottom of a page for "continued on page 2", with a page number of two digits.
        var note = PdfText.Wrap(g, Both(string.Format(CultureInfo.InvariantCulture, dutch.Continued, 99), string.Format(CultureInfo.InvariantCulture, english.Continued, 99)), s.BodyBold, Width);
        var contentBottom = FooterRule - 10 - note.Count * s.BodyBold.GetHeight();

        var blocks = new List<Block>();
        blocks.AddRange(Rules(g, form, s, dutch));
        blocks.AddRange(Rules(g, form, s, english));
        blocks.Add(Space(s.RowGap));
        var continued = new Dictionary<FormTheme, Block>();
        switch (form.Round)
        {
            case RoundKind.ThemeChoice:
                blocks.AddRange(form.Themes.Select(t => TickRow(g, s, t.Name, null)));
                break;
            case RoundKind.BudgetSplit:
                blocks.AddRange(form.Themes.Select(t => PercentRow(g, s, t.Name, total: false)));
                blocks.Add(PercentRow(g, s, $"{Both(dutch.Total, english.Total)}:", total: true));
                break;
            default:
                foreach (var theme in form.Themes)
                {
                    blocks.Add(ThemeHeading(g, s, theme, dutch, english, continued: false));
                    continued[theme] = ThemeHeading(g, s, theme, dutch, english, continued: true);
                    blocks.AddRange(theme.Ideas.Select(i => TickRow(g, s, i.Title, Euros(i.Cost)) with { Theme = theme }));
                }

                break;
        }

        return new Laid(header, contentTop, contentBottom, Paginate(blocks, continued, contentTop, contentBottom));
    }

    private static List<IReadOnlyList<(Block Block, double Y)>> Paginate(List<Block> blocks, Dictionary<FormTheme, Block> continued, double top, double bottom)
    {
        var pages = new List<IReadOnlyList<(Block, double)>>();
        var page = new List<(Block, double)>();
        var y = top;
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var needed = block.Height + (block.KeepWithNext && i + 1 < blocks.Count ? blocks[i + 1].Height : 0);
            if (y + needed > bottom && page.Count > 0)
            {
                pages.Add(page);
                page = [];
                y = top;
                if (block.Theme is { } theme)
                {
                    page.Add((continued[theme], y));
                    y += continued[theme].Height;
                }
            }

            if (y + block.Height > bottom)
            {
                // Only text far longer than the database takes gets here; printing it cut off would go unnoticed.
                throw new InvalidOperationException($"A part of the paper ballot is taller than a page ({block.Height:F0} points).");
            }

            page.Add((block, y));
            y += block.Height;
        }

        pages.Add(page);
        return pages;
    }

    /// <summary>
    /// Municipality, edition, round and event at the left; the frame for the number at the right, with its labels.
    /// Text beside the frame wraps to the room beside it, text below the frame to the full width.
    /// </summary>
    private static Block Header(XGraphics g, PaperForm form, Style s, FormText dutch, FormText english)
    {
        var boxBottom = Top + s.NumberBoxHeight;
        var lines = new List<(string Text, XFont Font, double Y, double Width)>();
        var y = Top;
        var parts = new List<(string, XFont)> { (form.Municipality, s.Heading), (form.EditionName, s.Subheading), (dutch.Round, s.RoundName), (english.Round, s.Subheading) };
        if (!string.IsNullOrWhiteSpace(form.EventName))
        {
            parts.Add((form.EventName, s.RoundName));
        }

        foreach (var (text, font) in parts)
        {
            var width = y < boxBottom ? Width - s.NumberBoxWidth - 16 : Width;
            foreach (var line in PdfText.Wrap(g, text, font, width))
            {
                lines.Add((line, font, y - Top, width));
                y += font.GetHeight();
            }

            y += 3;
        }

        return new Block(Math.Max(y, boxBottom) - Top, (gfx, top) =>
        {
            foreach (var line in lines)
            {
                PdfText.Line(gfx, line.Text, line.Font, Left, top + line.Y, line.Width);
            }

            var x = Right - s.NumberBoxWidth;
            gfx.DrawRectangle(NumberPen, x, top, s.NumberBoxWidth, s.NumberBoxHeight);
            gfx.DrawString(dutch.Number, s.LabelBold, XBrushes.Black, new XRect(x, top + Pad, s.NumberBoxWidth, s.LabelBold.GetHeight()), XStringFormats.TopCenter);
            gfx.DrawString(english.Number, s.Label, XBrushes.Black, new XRect(x, top + Pad + s.LabelBold.GetHeight(), s.NumberBoxWidth, s.Label.GetHeight()), XStringFormats.TopCenter);
        });
    }

    /// <summary>One language's rules: how to fill in the sheet, that a sheet breaking the rule does not count, a new sheet after a mistake.</summary>
    private static IEnumerable<Block> Rules(XGraphics g, PaperForm form, Style s, FormText text)
    {
        yield return Paragraph(g, text.HowTo, s.BodyBold, 2) with { KeepWithNext = true };
        var rule = form.Round == RoundKind.BudgetSplit && form.TotalBudget > 0 ? $"{text.Rule} {text.BudgetTotal}" : text.Rule;
        yield return Paragraph(g, rule, s.Body, 3);
        yield return Paragraph(g, $"{text.Invalid} {text.Mistake}", s.Body, s.RowGap);
    }

    private static Block Paragraph(XGraphics g, string text, XFont font, double after)
    {
        var lines = PdfText.Wrap(g, text, font, Width);
        return new Block(lines.Count * font.GetHeight() + after, (gfx, y) =>
        {
            foreach (var line in lines)
            {
                PdfText.Line(gfx, line, font, Left, y, Width);
                y += font.GetHeight();
            }
        });
    }

    private static Block Space(double height) => new(height, (_, _) => { });

    /// <summary>A box to tick, the title wrapped beside it, and a cost at the right (round 4).</summary>
    private static Block TickRow(XGraphics g, Style s, string title, string? cost)
    {
        var costWidth = cost is null ? 0 : g.MeasureString(cost, s.Row).Width + 16;
        var textX = Left + s.TickBox + 12;
        var textWidth = Right - costWidth - textX;
        var lines = PdfText.Wrap(g, title, s.Row, textWidth);
        var lineHeight = s.Row.GetHeight();
        var textTop = Math.Max(0, (s.TickBox - lineHeight) / 2);
        var height = Math.Max(s.TickBox, textTop + lines.Count * lineHeight) + s.RowGap;
        return new Block(height, (gfx, y) =>
        {
            gfx.DrawRectangle(BoxPen, Left, y, s.TickBox, s.TickBox);
            for (var i = 0; i < lines.Count; i++)
            {
                PdfText.Line(gfx, lines[i], s.Row, textX, y + textTop + i * lineHeight, textWidth);
            }

            if (cost is not null)
            {
                gfx.DrawString(cost, s.Row, XBrushes.Black, new XRect(Right - costWidth, y + textTop, costWidth, lineHeight), XStringFormats.TopRight);
            }
        });
    }

    /// <summary>A theme with a box at the right to write a percentage in; the total row has a rule above it and its label against the box.</summary>
    private static Block PercentRow(XGraphics g, Style s, string label, bool total)
    {
        var font = total ? s.RowBold : s.Row;
        var percentWidth = g.MeasureString("%", s.Row).Width;
        var boxX = Right - percentWidth - 6 - s.DigitWidth;
        var textWidth = boxX - 16 - Left;
        var lines = PdfText.Wrap(g, label, font, textWidth);
        var lineHeight = font.GetHeight();
        var above = total ? s.RowGap : 0;
        var textTop = Math.Max(0, (s.DigitHeight - lineHeight) / 2);
        var height = above + Math.Max(s.DigitHeight, textTop + lines.Count * lineHeight) + s.RowGap;
        return new Block(height, (gfx, y) =>
        {
            if (total)
            {
                gfx.DrawLine(RulePen, Left, y + above / 2, Right, y + above / 2);
            }

            y += above;
            var format = total ? XStringFormats.TopRight : XStringFormats.TopLeft;
            for (var i = 0; i < lines.Count; i++)
            {
                gfx.DrawString(lines[i], font, XBrushes.Black, new XRect(Left, y + textTop + i * lineHeight, textWidth, lineHeight), format);
            }

            gfx.DrawRectangle(BoxPen, boxX, y, s.DigitWidth, s.DigitHeight);
            PdfText.Line(gfx, "%", s.Row, boxX + s.DigitWidth + 6, y + textTop, percentWidth + 2);
        });
    }

    /// <summary>
    /// A round 4 theme: its name, its budget at the right, a rule below; kept with its first idea. A name too long for
    /// one line beside the budget takes the full width, with the budget on a line of its own below it.
    /// </summary>
    private static Block ThemeHeading(XGraphics g, Style s, FormTheme theme, FormText dutch, FormText english, bool continued)
    {
        var name = continued ? $"{theme.Name} ({Both(dutch.ThemeContinued, english.ThemeContinued)})" : theme.Name;
        var budget = theme.Budget is { } euros
            ? Both(string.Format(CultureInfo.InvariantCulture, dutch.Budget, Euros(euros)), string.Format(CultureInfo.InvariantCulture, english.Budget, Euros(euros)))
            : null;
        var budgetWidth = budget is null ? 0 : g.MeasureString(budget, s.RowBold).Width + 16;
        var beside = g.MeasureString(name, s.RowBold).Width <= Width - budgetWidth;
        var lines = PdfText.Wrap(g, name, s.RowBold, beside ? Width - budgetWidth : Width);
        var lineHeight = s.RowBold.GetHeight();
        var budgetY = beside ? 0 : lines.Count * lineHeight;
        var bottom = budget is null || beside ? lines.Count * lineHeight : budgetY + lineHeight;
        var above = continued ? 0 : s.RowGap;
        return new Block(above + bottom + 4 + s.RowGap, (gfx, y) =>
        {
            y += above;
            for (var i = 0; i < lines.Count; i++)
            {
                PdfText.Line(gfx, lines[i], s.RowBold, Left, y + i * lineHeight, Width);
            }

            if (budget is not null)
            {
                gfx.DrawString(budget, s.RowBold, XBrushes.Black, new XRect(Left, y + budgetY, Width, lineHeight), XStringFormats.TopRight);
            }

            gfx.DrawLine(RulePen, Left, y + bottom + 2, Right, y + bottom + 2);
        })
        { KeepWithNext = true };
    }

    /// <summary>Type sizes and boxes: normal, or large type (body text 16 points and up, bigger boxes).</summary>
    private sealed record Style
    {
        public required XFont Heading { get; init; }
        public required XFont Subheading { get; init; }
        public required XFont RoundName { get; init; }
        public required XFont Label { get; init; }
        public required XFont LabelBold { get; init; }
        public required XFont Number { get; init; }
        public required XFont Body { get; init; }
        public required XFont BodyBold { get; init; }
        public required XFont Row { get; init; }
        public required XFont RowBold { get; init; }
        public required XFont Small { get; init; }

        /// <summary>A box for a cross.</summary>
        public required double TickBox { get; init; }

        /// <summary>A box for three written digits.</summary>
        public required double DigitWidth { get; init; }

        public required double DigitHeight { get; init; }
        public required double RowGap { get; init; }
        public required double NumberBoxWidth { get; init; }

        // The number's frame: "Stembiljet nr.", "Ballot no.", the number, which page.
        public double NumberY => Top + Pad + LabelBold.GetHeight() + Label.GetHeight() + 2;
        public double PageY => NumberY + Number.GetHeight() + 2;
        public double NumberBoxHeight => PageY - Top + PageLines * LabelBold.GetHeight() + Pad;

        /// <summary>The lines "blad 1 van 2 · page 1 of 2" takes in the frame, measured with two-digit numbers.</summary>
        public int PageLines { get; private init; }

        public static Style Of(bool large, FormText dutch, FormText english)
        {
            var style = Sizes(large);
            using var g = XGraphics.CreateMeasureContext(new XSize(PageWidth, PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);
            return style with { PageLines = PaperForms.PageLines(g, style, dutch, english, 99, 99).Count };
        }

        private static Style Sizes(bool large) => large
            ? new Style
            {
                Heading = PdfFonts.Font(PdfFonts.Sans, 20, bold: true),
                Subheading = PdfFonts.Font(PdfFonts.Sans, 16),
                RoundName = PdfFonts.Font(PdfFonts.Sans, 17, bold: true),
                Label = PdfFonts.Font(PdfFonts.Sans, 16),
                LabelBold = PdfFonts.Font(PdfFonts.Sans, 16, bold: true),
                Number = PdfFonts.Font(PdfFonts.Mono, 40, bold: true),
                Body = PdfFonts.Font(PdfFonts.Sans, 16),
                BodyBold = PdfFonts.Font(PdfFonts.Sans, 16, bold: true),
                Row = PdfFonts.Font(PdfFonts.Sans, 17),
                RowBold = PdfFonts.Font(PdfFonts.Sans, 18, bold: true),
                Small = PdfFonts.Font(PdfFonts.Sans, 12),
                TickBox = 30,
                DigitWidth = 84,
                DigitHeight = 40,
                RowGap = 12,
                NumberBoxWidth = 180,
            }
            : new Style
            {
                Heading = PdfFonts.Font(PdfFonts.Sans, 16, bold: true),
                Subheading = PdfFonts.Font(PdfFonts.Sans, 12),
                RoundName = PdfFonts.Font(PdfFonts.Sans, 12.5, bold: true),
                Label = PdfFonts.Font(PdfFonts.Sans, 10),
                LabelBold = PdfFonts.Font(PdfFonts.Sans, 10, bold: true),
                Number = PdfFonts.Font(PdfFonts.Mono, 30, bold: true),
                Body = PdfFonts.Font(PdfFonts.Sans, 11),
                BodyBold = PdfFonts.Font(PdfFonts.Sans, 11, bold: true),
                Row = PdfFonts.Font(PdfFonts.Sans, 12),
                RowBold = PdfFonts.Font(PdfFonts.Sans, 13, bold: true),
                Small = PdfFonts.Font(PdfFonts.Sans, 8.5),
                TickBox = 20,
                DigitWidth = 58,
                DigitHeight = 28,
                RowGap = 8,
                NumberBoxWidth = 170,
            };
    }

    /// <summary>The sheet's texts in one language (keys "PaperForm.*"), resolved once per print run.</summary>
    private sealed record FormText(
        string Number,
        string Page,
        string Round,
        string HowTo,
        string Rule,
        string BudgetTotal,
        string Invalid,
        string Mistake,
        string Total,
        string Budget,
        string Continued,
        string ThemeContinued)
    {
        public static FormText Resolve(IStringLocalizer l, PaperForm form, string culture)
        {
            var previousUi = CultureInfo.CurrentUICulture;
            var previous = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
                var round = (int)form.Round;
                var rule = form.Round switch
                {
                    RoundKind.ThemeChoice when form.MaxThemes == 1 => l["PaperForm.Rule.ThemeChoiceOne"],
                    RoundKind.ThemeChoice => l["PaperForm.Rule.ThemeChoice", form.MaxThemes],
                    RoundKind.BudgetSplit => l["PaperForm.Rule.BudgetSplit"],
                    _ => l["PaperForm.Rule.Selection"],
                };
                return new FormText(
                    Number: l["PaperForm.Number"],
                    Page: l["PaperForm.Page"],
                    Round: l["PaperForm.Round", round, l[$"Round.{round}.Name"]],
                    HowTo: l["PaperForm.HowTo"],
                    Rule: rule,
                    BudgetTotal: l["PaperForm.Rule.BudgetTotal", Euros(form.TotalBudget)],
                    Invalid: l["PaperForm.Invalid"],
                    Mistake: l["PaperForm.Mistake"],
                    Total: l["PaperForm.Total"],
                    Budget: l["PaperForm.Budget"],
                    Continued: l["PaperForm.Continued"],
                    ThemeContinued: l["PaperForm.ThemeContinued"]);
            }
            finally
            {
                CultureInfo.CurrentUICulture = previousUi;
                CultureInfo.CurrentCulture = previous;
            }
        }
    }
}
