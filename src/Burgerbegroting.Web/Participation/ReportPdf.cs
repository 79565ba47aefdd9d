using Burgerbegroting.Web.Infrastructure.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Burgerbegroting.Web.Participation;

/// <summary>
/// The edition report as an A4 PDF for the council, drawn from the same <see cref="ReportDocument"/> as the page:
/// headings, paragraphs, lists and every table (the page's bar charts are left out; their tables carry the numbers).
/// Text flows onto as many pages as it needs; a table split over pages repeats its header row. Links are printed as
/// full addresses, since paper has nothing to click.
/// </summary>
public static class ReportPdf
{
    // A4 in points; margins of 20 mm at the sides, room for the page number at the bottom.
    private const double PageWidth = 595.28;
    private const double PageHeight = 841.89;
    private const double Left = 56.7;
    private const double Width = PageWidth - 2 * Left;
    private const double Right = Left + Width;
    private const double Top = 50;
    private const double Bottom = PageHeight - 56;
    private const double CellPad = 3;

    private static readonly XPen Rule = new(XColors.Black, 0.6);
    private static readonly XPen Thin = new(XColor.FromArgb(170, 170, 170), 0.4);

    /// <param name="absolute">Turns a path on the site into its full address.</param>
    /// <param name="language">The document's language ("nl-NL", "en-GB"), for screen readers.</param>
    /// <param name="footer">Written at the bottom of every page before its number ("Verslag … · pagina").</param>
    public static byte[] Write(ReportDocument report, Func<string, string> absolute, string language, Func<int, int, string> footer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(absolute);
        ArgumentNullException.ThrowIfNull(footer);
        using var document = new PdfDocument();
        document.Info.Title = report.Title;
        document.Info.Creator = "Burgerbegroting";
        document.Options.CompressContentStreams = true;
        document.Language = language;
        var flow = new Flow(document);
        flow.Paragraph(report.Title, F.Title, after: 6);
        flow.Paragraph(report.Lead, F.Body, after: 10);
        foreach (var section in report.Sections)
        {
            Section(flow, section, 0, absolute);
        }

        flow.Finish();
        Footers(document, footer);
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    private static void Section(Flow flow, ReportSection section, int depth, Func<string, string> absolute)
    {
        // A heading right above a table goes with the table to the next page, rather than stay behind alone.
        if (section.Blocks.FirstOrDefault() is ReportTable first)
        {
            flow.KeepTogether(first, F.Heading(depth).GetHeight() + 14);
        }

        flow.Heading(section.Heading, F.Heading(depth));
        foreach (var block in section.Blocks)
        {
            switch (block)
            {
                case ReportParagraph p:
                    flow.Paragraph(p.Text, F.Body, after: 5);
                    break;
                case ReportList list:
                    flow.List(list);
                    break;
                case ReportCommand command:
                    flow.Paragraph(command.Text, F.Code, after: 6, indent: 10);
                    break;
                case ReportLinks set:
                    foreach (var link in set.Links)
                    {
                        flow.Paragraph(link.Text, F.Body, after: 0);
                        flow.Paragraph(absolute(link.Href), F.Small, after: 4, indent: 10);
                    }

                    break;
                case ReportTable table:
                    flow.KeepTogether(table);
                    flow.Heading(table.Table.Title, F.Heading(depth + 1));
                    if (table.Intro is { } intro)
                    {
                        flow.Paragraph(intro, F.Body, after: 3);
                    }

                    flow.Table(table.Table);
                    if (table.CsvHref is { } csv)
                    {
                        flow.Paragraph("CSV: " + absolute(csv), F.Small, after: 6);
                    }

                    break;
            }
        }

        foreach (var part in section.Parts)
        {
            Section(flow, part, depth + 1, absolute);
        }
    }

    private static void Footers(PdfDocument document, Func<int, int, string> footer)
    {
        for (var i = 0; i < document.PageCount; i++)
        {
            using var g = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            g.DrawLine(Thin, Left, Bottom + 18, Right, Bottom + 18);
            g.DrawString(footer(i + 1, document.PageCount), F.Small, XBrushes.Black, new XRect(Left, Bottom + 22, Width, 12), XStringFormats.TopLeft);
        }
    }

    /// <summary>The place on the page where the next line goes, and a new page when it does not fit.</summary>
    private sealed class Flow(PdfDocument document)
    {
        private XGraphics? _g;
        private double _y = Bottom + 1;

        private XGraphics G => _g ?? throw new InvalidOperationException("No page yet.");

        public void Finish() => _g?.Dispose();

        /// <summary>Makes sure <paramref name="height"/> fits below; otherwise goes on at the top of a new page.</summary>
        private void Room(double height)
        {
            if (_y + height <= Bottom)
            {
                return;
            }

            _g?.Dispose();
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            _g = XGraphics.FromPdfPage(page);
            _y = Top;
        }

        private XGraphics Measure()
        {
            Room(0);
            return G;
        }

        /// <summary>A heading kept with at least a few lines of what follows it.</summary>
        public void Heading(string text, XFont font)
        {
            var lines = PdfText.Wrap(Measure(), text, font, Width);
            Room((lines.Count * font.GetHeight()) + 8 + (4 * F.Body.GetHeight()));
            _y += _y > Top ? 8 : 0;
            foreach (var line in lines)
            {
                PdfText.Line(G, line, font, Left, _y, Width);
                _y += font.GetHeight();
            }

            _y += 3;
        }

        public void Paragraph(string text, XFont font, double after, double indent = 0)
        {
            foreach (var line in PdfText.Wrap(Measure(), text, font, Width - indent))
            {
                Room(font.GetHeight());
                PdfText.Line(G, line, font, Left + indent, _y, Width - indent);
                _y += font.GetHeight();
            }

            _y += after;
        }

        public void List(ReportList list)
        {
            const double hang = 16;
            for (var i = 0; i < list.Items.Count; i++)
            {
                var marker = list.Numbered ? $"{i + 1}." : "•";
                var lines = PdfText.Wrap(Measure(), list.Items[i], F.Body, Width - hang);
                for (var n = 0; n < lines.Count; n++)
                {
                    Room(F.Body.GetHeight());
                    if (n == 0)
                    {
                        PdfText.Line(G, marker, F.Body, Left, _y, hang);
                    }

                    PdfText.Line(G, lines[n], F.Body, Left + hang, _y, Width - hang);
                    _y += F.Body.GetHeight();
                }

                _y += 3;
            }

            _y += 3;
        }

        /// <summary>A table that fits on one page starts on a new one, with its heading, rather than break where it is.</summary>
        public void KeepTogether(ReportTable block, double above = 0)
        {
            var g = Measure();
            var widths = Widths(g, block.Table);
            var rows = block.Table.Rows.Append(block.Table.Total).OfType<FigureLine>()
                .Sum(r => Height(new Row([r.Group, .. r.Cells.Select(c => c.Text)], F.Table), widths));
            var height = rows + Height(new Row([block.Table.GroupColumn.Header, .. block.Table.Columns.Select(c => c.Header)], F.TableBold), widths)
                + (2 * F.H3.GetHeight()) + (3 * F.Small.GetHeight()) + (block.Intro is null ? 0 : 2 * F.Body.GetHeight()) + 30 + above;
            if (height < (Bottom - Top) * 0.6)
            {
                Room(height);
            }
        }

        /// <summary>
        /// A table: the first column takes what the others leave; every other column is as wide as its widest cell,
        /// a text column at most a third of the width. Cells wrap; numbers are right-aligned.
        /// </summary>
        public void Table(FigureTable table)
        {
            Room(F.Small.GetHeight() * 6);
            _y = PdfText.Paragraph(G, table.Caption, F.Small, Left, _y, Width) + 3;
            var widths = Widths(G, table);
            var header = new Row([table.GroupColumn.Header, .. table.Columns.Select(c => c.Header)], F.TableBold);
            DrawRow(header, table, widths);
            G.DrawLine(Rule, Left, _y, Right, _y);
            foreach (var line in table.Rows)
            {
                var row = new Row([line.Group, .. line.Cells.Select(c => c.Text)], F.Table);
                if (!Fits(row, widths))
                {
                    Room(Height(row, widths) + Height(header, widths));
                    DrawRow(header, table, widths);
                    G.DrawLine(Rule, Left, _y, Right, _y);
                }

                DrawRow(row, table, widths);
                G.DrawLine(Thin, Left, _y, Right, _y);
            }

            if (table.Total is { } total)
            {
                var row = new Row([total.Group, .. total.Cells.Select(c => c.Text)], F.TableBold);
                Room(Height(row, widths));
                G.DrawLine(Rule, Left, _y, Right, _y);
                DrawRow(row, table, widths);
            }

            _y += 8;
        }

        private sealed record Row(IReadOnlyList<string> Cells, XFont Font);

        private bool Fits(Row row, double[] widths) => _y + Height(row, widths) <= Bottom;

        private double Height(Row row, double[] widths) =>
            (row.Cells.Select((text, i) => PdfText.Wrap(G, text, row.Font, widths[i] - 2 * CellPad).Count).DefaultIfEmpty(1).Max() * row.Font.GetHeight()) + 2 * CellPad;

        private void DrawRow(Row row, FigureTable table, double[] widths)
        {
            Room(Height(row, widths));
            var height = Height(row, widths);
            var x = Left;
            for (var i = 0; i < row.Cells.Count; i++)
            {
                var numeric = i > 0 && table.Columns[i - 1].Numeric;
                var y = _y + CellPad;
                foreach (var line in PdfText.Wrap(G, row.Cells[i], row.Font, widths[i] - 2 * CellPad))
                {
                    var box = new XRect(x + CellPad, y, widths[i] - 2 * CellPad, row.Font.GetHeight());
                    G.DrawString(line, row.Font, XBrushes.Black, box, numeric ? XStringFormats.TopRight : XStringFormats.TopLeft);
                    y += row.Font.GetHeight();
                }

                x += widths[i];
            }

            _y += height;
        }

        private static double[] Widths(XGraphics g, FigureTable table)
        {
            var widths = new double[table.Columns.Count + 1];
            var cells = table.Rows.Concat(table.Total is null ? [] : [table.Total]).ToList();
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var texts = cells.Select(r => r.Cells[c].Text).Append(table.Columns[c].Header);
                var natural = texts.Max(t => g.MeasureString(t, F.TableBold).Width) + 2 * CellPad + 2;
                widths[c + 1] = Math.Min(natural, table.Columns[c].Numeric ? Width / 4 : Width / 3);
            }

            var rest = Width - widths.Skip(1).Sum();
            if (rest < Width * 0.3)
            {
                // Too many wide columns: all of them shrink alike and their text wraps.
                var scale = Width * 0.7 / widths.Skip(1).Sum();
                for (var c = 1; c < widths.Length; c++)
                {
                    widths[c] *= scale;
                }

                rest = Width * 0.3;
            }

            widths[0] = rest;
            return widths;
        }
    }

    /// <summary>The fonts, made once; making a font registers ours with PDFsharp first.</summary>
    private static class F
    {
        public static readonly XFont Title = PdfFonts.Font(PdfFonts.Sans, 18, bold: true);
        public static readonly XFont H2 = PdfFonts.Font(PdfFonts.Sans, 14, bold: true);
        public static readonly XFont H3 = PdfFonts.Font(PdfFonts.Sans, 11.5, bold: true);
        public static readonly XFont H4 = PdfFonts.Font(PdfFonts.Sans, 10, bold: true);
        public static readonly XFont Body = PdfFonts.Font(PdfFonts.Sans, 9.5);
        public static readonly XFont Small = PdfFonts.Font(PdfFonts.Sans, 8);
        public static readonly XFont Table = PdfFonts.Font(PdfFonts.Sans, 8.5);
        public static readonly XFont TableBold = PdfFonts.Font(PdfFonts.Sans, 8.5, bold: true);
        public static readonly XFont Code = PdfFonts.Font(PdfFonts.Mono, 8.5, bold: true);

        public static XFont Heading(int depth) => depth switch
        {
            0 => H2,
            1 => H3,
            _ => H4,
        };
    }
}
