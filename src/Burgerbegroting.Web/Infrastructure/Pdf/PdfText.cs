using PdfSharp.Drawing;

namespace Burgerbegroting.Web.Infrastructure.Pdf;

/// <summary>Text on a PDF page: one line at a place, and text wrapped to a width.</summary>
internal static class PdfText
{
    public static void Line(XGraphics g, string text, XFont font, double x, double y, double width) =>
        g.DrawString(text, font, XBrushes.Black, new XRect(x, y, width, font.GetHeight()), XStringFormats.TopLeft);

    /// <summary>Draws <paramref name="text"/> wrapped to <paramref name="width"/>; returns the y below it.</summary>
    public static double Paragraph(XGraphics g, string text, XFont font, double x, double y, double width)
    {
        foreach (var line in Wrap(g, text, font, width))
        {
            Line(g, line, font, x, y, width);
            y += font.GetHeight();
        }

        return y;
    }

    /// <summary>
    /// The lines of <paramref name="text"/> wrapped at spaces to <paramref name="width"/>. A word wider than the
    /// width by itself (a long compound, a pasted link) is broken between letters rather than run past the edge.
    /// </summary>
    public static IReadOnlyList<string> Wrap(XGraphics g, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var longer = line.Length == 0 ? word : $"{line} {word}";
            if (Fits(g, longer, font, width))
            {
                line = longer;
                continue;
            }

            if (line.Length > 0)
            {
                lines.Add(line);
            }

            line = word;
            while (!Fits(g, line, font, width) && line.Length > 1)
            {
                var cut = line.Length - 1;
                while (cut > 1 && !Fits(g, line[..cut], font, width))
                {
                    cut--;
                }

                lines.Add(line[..cut]);
                line = line[cut..];
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    private static bool Fits(XGraphics g, string text, XFont font, double width) => g.MeasureString(text, font).Width <= width;
}
