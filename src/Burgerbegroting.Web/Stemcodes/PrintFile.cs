using Burgerbegroting.Voting.Eligibility;
using Burgerbegroting.Voting.Stemcodes;
using CsvHelper;

namespace Burgerbegroting.Web.Stemcodes;

/// <summary>
/// The letters as a CSV file for the print house's mail merge: one row per code, fields separated by semicolons
/// (what Excel expects with Dutch settings), a Dutch header, UTF-8 with a byte order mark so Excel reads
/// "Céramique" as it is.
/// </summary>
public static class PrintFile
{
    public static IReadOnlyList<string> Header { get; } = ["code", "buurt", "naam", "postcode", "huisnummer", "link"];

    private static readonly CsvWriterOptions Options = new()
    {
        Separator = ';',
        // A name starting with =, +, - or @ must not become a spreadsheet formula.
        Injection = CsvInjection.Escape,
    };

    /// <summary>Writes UTF-8, byte order mark first, to a file or other stream (left open).</summary>
    public static void Write(Stream output, LetterSet set, IEnumerable<Letter> letters)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var csv = CsvWriter.Create(output, Options with { WriteByteOrderMark = true }, leaveOpen: true);
        Write(csv, set, letters);
    }

    /// <summary>
    /// Writes the rows as text to <paramref name="output"/> (left open), whose encoding decides the bytes: for Excel,
    /// a <see cref="StreamWriter"/> with <c>new UTF8Encoding(true)</c>, or the <see cref="Stream"/> overload.
    /// </summary>
    public static void Write(TextWriter output, LetterSet set, IEnumerable<Letter> letters)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        Write(csv, set, letters);
    }

    private static void Write(CsvWriter csv, LetterSet set, IEnumerable<Letter> letters)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(letters);
        csv.WriteRecord([.. Header]);
        var index = 0;
        foreach (var letter in letters)
        {
            LetterPdf.Check(letter, index++, nameof(letters));
            csv.WriteField(Stemcode.Format(letter.Code));
            csv.WriteField(letter.Buurt);
            csv.WriteField(letter.Name ?? "");
            csv.WriteField(letter.Postcode is null ? "" : DutchPostcode.Format(letter.Postcode));
            csv.WriteField(letter.HouseNumber ?? "");
            csv.WriteField(LetterLinks.VoteLink(set.CodePage, letter.Code).AbsoluteUri);
            csv.EndRecord();
        }

        csv.Flush();
    }
}
