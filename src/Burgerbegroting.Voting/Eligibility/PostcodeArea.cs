using System.Globalization;

namespace Burgerbegroting.Voting.Eligibility;

/// <summary>
/// The postcodes of a buurt as staff write them: single postcodes ("6211 DW"), whole four-digit areas ("6212")
/// and ranges of four-digit areas ("6213-6219"), separated by commas, semicolons or new lines.
/// </summary>
public sealed class PostcodeArea
{
    private readonly HashSet<string> _postcodes;
    private readonly List<(int From, int To)> _ranges;

    private PostcodeArea(HashSet<string> postcodes, List<(int From, int To)> ranges)
    {
        _postcodes = postcodes;
        _ranges = ranges;
    }

    public static readonly PostcodeArea Empty = new([], []);

    /// <summary>Parses a spec; on failure <paramref name="error"/> names the part that is not a postcode or range.</summary>
    public static PostcodeArea? TryParse(string? spec, out string? error)
    {
        error = null;
        var postcodes = new HashSet<string>(StringComparer.Ordinal);
        var ranges = new List<(int, int)>();
        foreach (var raw in (spec ?? "").Split([',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (TryFourDigits(raw, out var single))
            {
                ranges.Add((single, single));
            }
            else if (raw.Split('-', StringSplitOptions.TrimEntries) is [var a, var b] && TryFourDigits(a, out var from) && TryFourDigits(b, out var to) && from <= to)
            {
                ranges.Add((from, to));
            }
            else if (DutchPostcode.Normalize(raw) is { } postcode)
            {
                postcodes.Add(postcode);
            }
            else
            {
                error = raw;
                return null;
            }
        }

        if (postcodes.Count == 0 && ranges.Count == 0)
        {
            error = "";
            return null;
        }

        return new PostcodeArea(postcodes, ranges);
    }

    public bool Contains(string? postcode)
    {
        var normalized = DutchPostcode.Normalize(postcode);
        if (normalized is null)
        {
            return false;
        }

        var digits = int.Parse(normalized.AsSpan(0, 4), CultureInfo.InvariantCulture);
        return _postcodes.Contains(normalized) || _ranges.Exists(r => digits >= r.From && digits <= r.To);
    }

    private static bool TryFourDigits(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && text.Length == 4 && value >= 1000;
}
