using System.Security.Cryptography;
using System.Text;

namespace Burgerbegroting.Web.Participation;

/// <summary>
/// The edition report as text in the reader's language, in blocks both outputs draw — the page (Pages/Results/Report)
/// and the PDF (<see cref="ReportPdf"/>) — so that they say the same. Made by <see cref="ReportWriter"/>.
/// </summary>
/// <param name="FileName">The PDF's file name ("BurgerbegrotingMaastricht2027_verslag.pdf").</param>
public sealed record ReportDocument(string Title, string Lead, IReadOnlyList<ReportSection> Sections, string FileName)
{
    /// <summary>A hash of everything the report says: two reports with the same fingerprint print the same.</summary>
    public string Fingerprint()
    {
        var text = new StringBuilder().AppendLine(Title).AppendLine(Lead).AppendLine(FileName);
        foreach (var section in Sections)
        {
            Append(text, section);
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static void Append(StringBuilder text, ReportSection section)
    {
        text.AppendLine(section.Id).AppendLine(section.Heading);
        foreach (var block in section.Blocks)
        {
            text.AppendLine(block switch
            {
                ReportParagraph p => p.Text,
                ReportList list => string.Join('\n', list.Items),
                ReportCommand command => command.Text,
                ReportLinks links => string.Join('\n', links.Links.Select(l => $"{l.Text} {l.Href}")),
                ReportTable table => $"{table.Intro}\n{table.CsvHref}\n{Table(table.Table)}",
                _ => block.GetType().Name,
            });
        }

        foreach (var part in section.Parts)
        {
            Append(text, part);
        }
    }

    private static string Table(FigureTable table)
    {
        string[] head = [table.Title, table.Caption, table.GroupColumn.Header, .. table.Columns.Select(c => c.Header)];
        var rows = table.Rows.Append(table.Total).OfType<FigureLine>().Select(r => r.Group + "|" + string.Join('|', r.Cells.Select(c => c.Text)));
        return string.Join('\n', head.Concat(rows));
    }
}

/// <summary>A part of the report with its heading; its subsections are one heading level lower.</summary>
public sealed record ReportSection(string Id, string Heading, IReadOnlyList<ReportBlock> Blocks, IReadOnlyList<ReportSection>? Subsections = null)
{
    public IReadOnlyList<ReportSection> Parts => Subsections ?? [];
}

public abstract record ReportBlock;

public sealed record ReportParagraph(string Text) : ReportBlock;

/// <summary>
/// A table under a heading of its own (<see cref="FigureTable.Title"/>), with its bar chart on the page when
/// <paramref name="Chart"/>, a sentence before it, and the link to its CSV file (participation figures).
/// </summary>
public sealed record ReportTable(string Id, FigureTable Table, bool Chart = false, string? Intro = null, string? CsvHref = null) : ReportBlock;

public sealed record ReportList(IReadOnlyList<string> Items, bool Numbered = false) : ReportBlock;

/// <summary>Downloads: the page links them, the PDF prints their full address.</summary>
public sealed record ReportLinks(IReadOnlyList<ReportLink> Links) : ReportBlock;

public sealed record ReportLink(string Text, string Href);

/// <summary>A command to type, shown as code.</summary>
public sealed record ReportCommand(string Text) : ReportBlock;

/// <summary>A section as the page draws it (Pages/Results/_ReportSection), at this heading level.</summary>
public sealed record ReportSectionView(ReportSection Section, int Level);
