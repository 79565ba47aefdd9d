namespace Burgerbegroting.Voting.Eligibility;

/// <summary>A buurt and its postcodes as staff entered them.</summary>
public sealed record BuurtDefinition(string Name, string Postcodes);

/// <summary>A problem in a buurt list, with the line it is on (1-based).</summary>
public sealed record BuurtListError(int Line, string Text);

/// <summary>
/// Reads an edition's area: one buurt per line as "Malberg: 6214 AA-..., 6216" (text form), or a CSV export with
/// a buurt column and a postcode column, one row per postcode or range (rows of one buurt are merged).
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
        var lines = (csv ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var header = lines.Select((l, i) => (l, i)).FirstOrDefault(x => x.l.Trim().Length > 0);
        var separator = header.l is not null && header.l.Contains(';', StringComparison.Ordinal) ? ';' : ',';
        var columns = header.l?.Split(separator).Select(c => c.Trim().Trim('"').ToLowerInvariant()).ToList() ?? [];
        var nameColumn = columns.FindIndex(c => c.Contains("buurt", StringComparison.Ordinal) || c.Contains("naam", StringComparison.Ordinal) || c == "name");
        var postcodeColumn = columns.FindIndex(c => c.Contains("postcode", StringComparison.Ordinal) || c.StartsWith("pc", StringComparison.Ordinal));
        if (nameColumn < 0 || postcodeColumn < 0)
        {
            errors = [new BuurtListError(header.i + 1, header.l ?? "")];
            return [];
        }

        var rows = new List<(int, string, string)>();
        for (var i = header.i + 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            var cells = lines[i].Split(separator).Select(c => c.Trim().Trim('"').Trim()).ToArray();
            if (cells.Length <= Math.Max(nameColumn, postcodeColumn) || cells[nameColumn].Length == 0)
            {
                found.Add(new(i + 1, lines[i].Trim()));
                continue;
            }

            rows.Add((i + 1, cells[nameColumn], cells[postcodeColumn]));
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
