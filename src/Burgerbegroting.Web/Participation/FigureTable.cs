namespace Burgerbegroting.Web.Participation;

/// <summary>A column of a figures table: its header for people and its name in the CSV download.</summary>
public sealed record FigureColumn(string Header, string CsvName);

/// <summary>A cell as shown (formatted for the reader's language, "&lt; 10" when suppressed), as written to CSV, and its bar length.</summary>
public sealed record FigureCell(string Text, string Csv, long Bar = 0);

public sealed record FigureLine(string Group, IReadOnlyList<FigureCell> Cells);

/// <summary>
/// One table of participation figures as every output shows it — the page (with its bar chart), the CSV download and
/// the edition report — so the three cannot disagree. <see cref="Slug"/> names its CSV file.
/// </summary>
public sealed record FigureTable(
    string Slug, string Title, string Caption, FigureColumn GroupColumn, IReadOnlyList<FigureColumn> Columns,
    IReadOnlyList<FigureLine> Rows, FigureLine? Total, int ChartColumn = 0)
{
    /// <summary>The chart: the rows' values of <see cref="ChartColumn"/>; a suppressed cell draws no bar and says "&lt; 10".</summary>
    public Pages.Shared.BarChart Chart() =>
        new([.. Rows.Select(r => new Pages.Shared.BarChart.Bar(r.Group, r.Cells[ChartColumn].Bar, r.Cells[ChartColumn].Text, false))]);
}

/// <summary>What the figures partial shows: a round's section, the id its headings are made from, and each table's CSV link.</summary>
public sealed record FigureView(FigureSection Section, string IdPrefix, Func<string, string?> CsvHref);
