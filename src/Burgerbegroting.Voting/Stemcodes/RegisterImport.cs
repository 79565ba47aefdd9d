using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Burgerbegroting.Voting.Csv;
using Burgerbegroting.Voting.Eligibility;
using CsvHelper;

namespace Burgerbegroting.Voting.Stemcodes;

/// <summary>One addressee of the register extract: who gets a letter with a stemcode.</summary>
/// <param name="Line">The line of the file the row starts on.</param>
/// <param name="Postcode">Normalised, "6211AB".</param>
/// <param name="HouseNumber">Number and addition as given, whitespace collapsed: "12", "12 A", "12-2".</param>
/// <param name="Name">The name on the letter, if the extract has one.</param>
/// <param name="Buurt">The buurt the postcode falls in.</param>
public sealed record Addressee(int Line, string Postcode, string HouseNumber, string? Name, int? BirthYear, string Buurt);

public enum RegisterProblem
{
    /// <summary>The header has no postcode or no house number column.</summary>
    MissingColumns,

    /// <summary>Bytes that are not UTF-8: typically Excel's "CSV" in Windows-1252 instead of "CSV UTF-8".</summary>
    NotUtf8,

    /// <summary>Broken quoting, or too few fields to reach the address columns.</summary>
    UnreadableRow,
    BadPostcode,
    NoHouseNumber,
    BadHouseNumber,
    NameTooLong,
    BadBirthYear,

    /// <summary>The same postcode, house number, name and birth year as an earlier row.</summary>
    Duplicate,

    /// <summary>A valid postcode that is in none of the edition's buurten.</summary>
    OutsideArea,
    TooManyRows,
    NoRows,
}

/// <summary>A problem on a line of the extract; <paramref name="Value"/> is the offending text, at most 60 characters.</summary>
public sealed record RegisterError(int Line, RegisterProblem Problem, string Value);

/// <summary>
/// What an extract holds. Every data row ends up in exactly one place: <see cref="Addressees"/>, one or more
/// <see cref="Errors"/>, or <see cref="OutsideArea"/>. Both lists stop at <see cref="RegisterImport.MaxReported"/>;
/// the counts say how many there were in all.
/// </summary>
public sealed record RegisterImportResult(IReadOnlyList<Addressee> Addressees, IReadOnlyList<RegisterError> Errors, IReadOnlyList<RegisterError> OutsideArea)
{
    public bool IsClean => Errors.Count == 0 && OutsideArea.Count == 0;

    /// <summary>All errors found, also those past the ones listed.</summary>
    public int ErrorCount
    {
        get => Math.Max(field, Errors.Count);
        init;
    }

    /// <summary>All rows outside the area, also those past the ones listed.</summary>
    public int OutsideAreaCount
    {
        get => Math.Max(field, OutsideArea.Count);
        init;
    }
}

/// <summary>
/// Reads the municipality's register extract (the addressees who get a letter) as staff upload it: a CSV file with a
/// header row, separated by <c>;</c> or <c>,</c>, in UTF-8. The whole file is checked and every problem reported with
/// its line, so staff can fix the file in one go.
/// </summary>
public static class RegisterImport
{
    public const int MaxRows = 500_000;

    /// <summary>How many errors, and how many rows outside the area, are listed at most.</summary>
    public const int MaxReported = 1000;

    public const int MaxHouseNumberLength = 20;
    public const int MaxNameLength = 200;

    /// <summary>People older than this are not in a register extract; a birth year before it is a typing error.</summary>
    public const int MaxAge = 130;

    private const int MaxValueLength = 60;

    public static RegisterImportResult Parse(Stream csv, IReadOnlyList<(string Name, PostcodeArea Area)> buurten, int currentYear, int maxRows = MaxRows)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(buurten);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);

        var report = new Report();
        var malformed = new HashSet<long>();
        using var file = UploadedCsv.Open(csv, m =>
        {
            // A quote inside an unquoted field (12"a) is kept as a character; anything else is broken quoting.
            if (m.Reason != CsvMalformedReason.StrayQuote)
            {
                malformed.Add(m.LineNumber);
            }
        });
        var reader = file.Reader;
        var header = reader.Headers;
        var headerText = string.Join(reader.Separator, header);
        var columns = RegisterColumns.Find(header);
        if (header.Any(h => h.Contains('\uFFFD', StringComparison.Ordinal)))
        {
            report.Error(file.HeaderLine, RegisterProblem.NotUtf8, headerText);
        }

        if (columns is null)
        {
            report.Error(file.HeaderLine, RegisterProblem.MissingColumns, headerText);
            return report.Result();
        }

        var rowReader = new RegisterRowReader(columns, currentYear, buurten);
        var rows = 0;
        while (reader.Read())
        {
            if (IsBlank(reader))
            {
                continue;
            }

            var line = file.Line;
            if (++rows > maxRows)
            {
                report.Error(line, RegisterProblem.TooManyRows, maxRows.ToString(CultureInfo.InvariantCulture));
                break;
            }

            if (malformed.Remove(reader.LineNumber) || reader.FieldCount < columns.AddressFields)
            {
                report.Error(line, RegisterProblem.UnreadableRow, Encoding.UTF8.GetString(reader.RawRecord));
            }
            else if (!Utf8.IsValid(reader.RawRecord))
            {
                var (offset, text) = FirstInvalid(reader.RawRecord);
                report.Error(line + offset, RegisterProblem.NotUtf8, text);
            }
            else
            {
                rowReader.Read(reader, line, report);
            }
        }

        if (rows == 0)
        {
            report.Error(file.HeaderLine + 1, RegisterProblem.NoRows, "");
        }

        return report.Result();
    }

    private static bool IsBlank(CsvReader reader)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (!reader.GetSpan(i).IsEmpty)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>How many lines into the record the first byte that is not UTF-8 is, and the text around it.</summary>
    private static (int Lines, string Text) FirstInvalid(ReadOnlySpan<byte> record)
    {
        var at = 0;
        while (at < record.Length && System.Buffers.OperationStatus.Done == Rune.DecodeFromUtf8(record[at..], out _, out var consumed))
        {
            at += consumed;
        }

        var lines = 0;
        for (var i = 0; i < at; i++)
        {
            if (record[i] == (byte)'\n' || (record[i] == (byte)'\r' && (i + 1 == record.Length || record[i + 1] != (byte)'\n')))
            {
                lines++;
            }
        }

        // The text of that line, with the replacement character where the bad byte is.
        var lineStart = record[..at].LastIndexOfAny((byte)'\n', (byte)'\r') + 1;
        var lineEnd = record[at..].IndexOfAny((byte)'\n', (byte)'\r');
        var text = Encoding.UTF8.GetString(lineEnd < 0 ? record[lineStart..] : record[lineStart..(at + lineEnd)]);
        var bad = text.IndexOf('\uFFFD', StringComparison.Ordinal);
        return (lines, bad > MaxValueLength / 2 ? text[(bad - (MaxValueLength / 2))..] : text);
    }

    /// <summary>The value as one line of at most 60 characters, for a message.</summary>
    internal static string Shorten(string value)
    {
        var line = RegisterRowReader.Collapse(value);
        return line.Length <= MaxValueLength ? line : string.Concat(line.AsSpan(0, MaxValueLength - 1), "…");
    }

    /// <summary>The lists of a result, each capped, with the counts of all.</summary>
    internal sealed class Report
    {
        private readonly List<RegisterError> _errors = [];
        private readonly List<RegisterError> _outside = [];
        private int _errorCount;
        private int _outsideCount;

        public List<Addressee> Addressees { get; } = [];

        public void Error(int line, RegisterProblem problem, string value)
        {
            if (_errorCount++ < MaxReported)
            {
                _errors.Add(new RegisterError(line, problem, Shorten(value)));
            }
        }

        public void Outside(int line, string postcode)
        {
            if (_outsideCount++ < MaxReported)
            {
                _outside.Add(new RegisterError(line, RegisterProblem.OutsideArea, DutchPostcode.Format(postcode)));
            }
        }

        public RegisterImportResult Result() =>
            new(Addressees, _errors, _outside) { ErrorCount = _errorCount, OutsideAreaCount = _outsideCount };
    }
}
