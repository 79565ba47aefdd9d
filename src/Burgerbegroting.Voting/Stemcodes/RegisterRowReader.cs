using System.Globalization;
using Burgerbegroting.Voting.Eligibility;
using CsvHelper;

namespace Burgerbegroting.Voting.Stemcodes;

/// <summary>
/// Checks the rows of one extract: each field on its own, then whether the row repeats an earlier one, then which
/// buurt it is in. Remembers what it needs across rows (the rows seen, the buurt of each postcode).
/// </summary>
internal sealed class RegisterRowReader(RegisterColumns columns, int currentYear, IReadOnlyList<(string Name, PostcodeArea Area)> buurten)
{
    private readonly Dictionary<(string Postcode, string HouseNumber, string? Name, int? BirthYear), int> _seen = new(SameAddressee.Instance);
    private readonly Dictionary<string, string?> _buurtOf = new(StringComparer.Ordinal);

    public void Read(CsvReader reader, int line, RegisterImport.Report report)
    {
        var errors = 0;
        var rawPostcode = reader.GetString(columns.Postcode);
        var postcode = DutchPostcode.Normalize(rawPostcode);
        if (postcode is null)
        {
            report.Error(line, RegisterProblem.BadPostcode, rawPostcode);
            errors++;
        }

        var houseNumber = HouseNumber(reader, out var number);
        if (number.Length == 0)
        {
            report.Error(line, RegisterProblem.NoHouseNumber, houseNumber);
            errors++;
        }
        else if (!IsHouseNumber(houseNumber))
        {
            report.Error(line, RegisterProblem.BadHouseNumber, houseNumber);
            errors++;
        }

        string? name = null;
        if (columns.Name >= 0)
        {
            name = Collapse(reader.GetString(columns.Name));
            if (name.Length > RegisterImport.MaxNameLength)
            {
                report.Error(line, RegisterProblem.NameTooLong, name);
                errors++;
            }
            else if (name.Length == 0)
            {
                name = null;
            }
        }

        int? birthYear = null;
        if (columns.BirthYear >= 0 && reader.GetString(columns.BirthYear) is { Length: > 0 } rawYear)
        {
            if (int.TryParse(rawYear, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                && year >= currentYear - RegisterImport.MaxAge && year <= currentYear)
            {
                birthYear = year;
            }
            else
            {
                report.Error(line, RegisterProblem.BadBirthYear, rawYear);
                errors++;
            }
        }

        if (errors > 0)
        {
            return;
        }

        var key = (postcode!, houseNumber, name, birthYear);
        if (_seen.TryGetValue(key, out var earlier))
        {
            report.Error(line, RegisterProblem.Duplicate, earlier.ToString(CultureInfo.InvariantCulture));
            return;
        }

        _seen.Add(key, line);
        if (BuurtOf(postcode!) is { } buurt)
        {
            report.Addressees.Add(new Addressee(line, postcode!, houseNumber, name, birthYear, buurt));
        }
        else
        {
            report.Outside(line, postcode!);
        }
    }

    /// <summary>The number with its additions: "12" + "A" → "12 A", "12" + "-2" → "12-2"; whitespace collapsed.</summary>
    private string HouseNumber(CsvReader reader, out string number)
    {
        number = Collapse(reader.GetString(columns.HouseNumber));
        if (columns.Additions.Count == 0)
        {
            return number;
        }

        var text = number;
        foreach (var column in columns.Additions)
        {
            var addition = Collapse(reader.GetString(column));
            if (addition.Length > 0)
            {
                text = text.Length == 0 || addition[0] is '-' or '/' ? text + addition : $"{text} {addition}";
            }
        }

        return text;
    }

    /// <summary>
    /// A house number is 1 to 99999, written without leading zero, then perhaps a letter or an addition
    /// ("12a", "12 A", "12-2", "12 bis", "12/3").
    /// </summary>
    internal static bool IsHouseNumber(string text)
    {
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        return digits is >= 1 and <= 5 && text[0] != '0' && text.Length <= RegisterImport.MaxHouseNumberLength
            && text.Skip(digits).All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '/' or '.');
    }

    private string? BuurtOf(string postcode)
    {
        if (!_buurtOf.TryGetValue(postcode, out var buurt))
        {
            buurt = buurten.FirstOrDefault(b => b.Area.Contains(postcode)).Name;
            _buurtOf.Add(postcode, buurt);
        }

        return buurt;
    }

    /// <summary>Trimmed, and every run of whitespace inside made one space.</summary>
    internal static string Collapse(string text)
    {
        var clean = text.Length == 0 || (!char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1]));
        for (var i = 1; clean && i < text.Length; i++)
        {
            clean = !char.IsWhiteSpace(text[i]) || (text[i] == ' ' && !char.IsWhiteSpace(text[i - 1]));
        }

        return clean ? text : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Case does not make two addressees: "12a" and "12A" at one address with one name get one letter.</summary>
    private sealed class SameAddressee : IEqualityComparer<(string Postcode, string HouseNumber, string? Name, int? BirthYear)>
    {
        public static readonly SameAddressee Instance = new();

        public bool Equals((string Postcode, string HouseNumber, string? Name, int? BirthYear) x, (string Postcode, string HouseNumber, string? Name, int? BirthYear) y) =>
            x.Postcode == y.Postcode && x.BirthYear == y.BirthYear
            && StringComparer.OrdinalIgnoreCase.Equals(x.HouseNumber, y.HouseNumber) && StringComparer.OrdinalIgnoreCase.Equals(x.Name, y.Name);

        public int GetHashCode((string Postcode, string HouseNumber, string? Name, int? BirthYear) key) =>
            HashCode.Combine(key.Postcode, StringComparer.OrdinalIgnoreCase.GetHashCode(key.HouseNumber), key.Name is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(key.Name), key.BirthYear);
    }
}
