using CsvHelper;

namespace Burgerbegroting.Web.Participation;

/// <summary>
/// A figures table as CSV, like the results file: fields separated by semicolons, English column names, numbers
/// without thousands separators, UTF-8 with a byte order mark; a suppressed count reads "&lt;10".
/// </summary>
public static class FigureCsv
{
    /// <summary>The open-data CSV dialect, shared by every CSV the public downloads (also the ballot lists).</summary>
    internal static readonly CsvWriterOptions Options = new() { Separator = ';', Injection = CsvInjection.Escape, WriteByteOrderMark = true };

    public static byte[] Write(FigureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var output = new MemoryStream();
        using (var csv = CsvWriter.Create(output, Options, leaveOpen: true))
        {
            csv.WriteRecord([table.GroupColumn.CsvName, .. table.Columns.Select(c => c.CsvName)]);
            foreach (var line in table.Total is null ? table.Rows : [.. table.Rows, table.Total with { Group = "total" }])
            {
                csv.WriteRecord([line.Group, .. line.Cells.Select(c => c.Csv)]);
            }

            csv.Flush();
        }

        return output.ToArray();
    }
}
