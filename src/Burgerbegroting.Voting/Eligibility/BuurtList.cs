using System.Text;
using Burgerbegroting.Voting.Csv;

namespace Burgerbegroting.Voting.Eligibility;

/// <summary>A buurt and its postcodes as staff entered them.</summary>
public sealed record BuurtDefinition(string Name, string Postcodes);

/// <summary>A problem in a buurt list, with the line it is on (1-based).</summary>
public sealed record BuurtListError(int Line, string Text);

/// <summary>
/// Reads an edition's area: one buurt per line as "Malberg: 6214 AA-..., 6216" (text form), or a CSV export with
/// a buurt column and a postcode column, one row per postcode or range (rows of one buurt are merged); quoted fields
/// may hold the separator ("Sint Pieter; Jekerdal").
/// </summary>
public static class BuurtList
{
    public static IReadOnlyList<BuurtDefinition> ParseText(string? text, out IReadOnlyList<BuurtListError> errors)
    {
        var found = new List<BuurtListError>();
        var rows = new List<(int Line, string Name, string Spec)>();
        var lines = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                found.Add(new(i + 1, line));
                continue;
            }

            rows.Add((i + 1, line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }

        var result = Merge(rows, found);
        errors = found;
        return result;
    }

    public static IReadOnlyList<BuurtDefinition> ParseCsv(string? csv, out IReadOnlyList<BuurtListError> errors)
    {
        var found = new List<BuurtListError>();
        using var file = UploadedCsv.Open(new MemoryStream(Encoding.UTF8.GetBytes(csv ?? "")));
        var reader = file.Reader;
        var columns = reader.Headers.Select(c => c.Trim().ToLowerInvariant()).ToList();
        var nameColumn = columns.FindIndex(c => c.Contains("buurt", StringComparison.Ordinal) || c.Contains("naam", StringComparison.Ordinal) || c == "name");
        var postcodeColumn = columns.FindIndex(c => c.Contains("postcode", StringComparison.Ordinal) || c.StartsWith("pc", StringComparison.Ordinal));
        if (nameColumn < 0 || postcodeColumn < 0)
        {
            errors = [new BuurtListError(columns.Count == 0 ? 1 : file.HeaderLine, string.Join(reader.Separator, reader.Headers))];
            return [];
        }

        var rows = new List<(int, string, string)>();
        while (reader.Read())
        {
            var line = Encoding.UTF8.GetString(reader.RawRecord).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var name = nameColumn < reader.FieldCount ? reader.GetString(nameColumn).Trim() : "";
            if (reader.FieldCount <= postcodeColumn || name.Length == 0)
            {
                found.Add(new(file.Line, line));
                continue;
            }

            rows.Add((file.Line, name, reader.GetString(postcodeColumn).Trim()));
        }

        var result = Merge(rows, found);
        errors = found;
        return result;
    }

    private static List<BuurtDefinition> Merge(List<(int Line, string Name, string Spec)> rows, List<BuurtListError> errors)
    {
        foreach (var (line, _, spec) in rows)
        {
            if (PostcodeArea.TryParse(spec, out var bad) is null)
            {
                errors.Add(new(line, string.IsNullOrEmpty(bad) ? spec : bad));
            }
        }

        return [.. rows.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => new BuurtDefinition(g.First().Name, string.Join(", ", g.Select(r => r.Spec))))];
    }
}
