namespace Burgerbegroting.Web.Participation;

/// <summary>A column of a figures table: its header for people, its name in the CSV download, and whether it holds numbers (right-aligned).</summary>
public sealed record FigureColumn(string Header, string CsvName, bool Numeric = true);

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

/// <summary>A table of figures as the page draws it (Pages/Shared/_FigureTable): the block, at this heading level.</summary>
public sealed record FigureTableView(ReportTable Block, int Level)
{
    /// <summary>The cell class of column <paramref name="index"/> (after the group column): numbers right-aligned.</summary>
    public string CellClass(int index) =>
        Block.Table.Columns[index].Numeric
            ? "utrecht-table__cell utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data"
            : "utrecht-table__cell";
}

/// <summary>A heading of level 2 to 4 with its id (Pages/Shared/_Heading).</summary>
public sealed record HeadingView(int Level, string Id, string Text);
