using System.Globalization;
using System.Text;

namespace Burgerbegroting.Voting.Paper;

/// <summary>A field of a paper sheet: a theme (rounds 1, 2) or an idea of a theme (round 4).</summary>
public readonly record struct MarkField(int ThemeId, int? IdeaId);

/// <summary>
/// What a typist read on one paper sheet, exactly as written, valid or not: per field a value (1 for a tick, or a
/// percentage), or that the sheet cannot be read. Empty fields and zeros are the same mark (nothing written), so two
/// typists agree whether they leave a field empty or type 0. <see cref="Encode"/> is a canonical text form, for storage
/// and comparison.
/// </summary>
public sealed class SheetMarks : IEquatable<SheetMarks>
{
    private SheetMarks(bool unreadable, SortedDictionary<MarkField, int> values) => (Unreadable, _values) = (unreadable, values);

    private readonly SortedDictionary<MarkField, int> _values;

    public static SheetMarks UnreadableSheet { get; } = new(true, new SortedDictionary<MarkField, int>(FieldOrder.Instance));

    public bool Unreadable { get; }

    /// <summary>The fields with something written in them (value not 0).</summary>
    public IReadOnlyDictionary<MarkField, int> Values => _values;

    public bool IsBlank => !Unreadable && _values.Count == 0;

    public int this[MarkField field] => _values.GetValueOrDefault(field);

    public static SheetMarks Of(IEnumerable<KeyValuePair<MarkField, int>> values)
    {
        var marks = new SortedDictionary<MarkField, int>(FieldOrder.Instance);
        foreach (var (field, value) in values.Where(v => v.Value != 0))
        {
            if (!marks.TryAdd(field, value))
            {
                throw new ArgumentException($"Field {field} given twice.", nameof(values));
            }
        }

        return new SheetMarks(false, marks);
    }

    /// <summary>"U" for unreadable; else "theme[:idea]=value" per field, in field order, separated by ';' ("" when blank).</summary>
    public string Encode() => Unreadable ? "U" : string.Join(';', _values.Select(v =>
        string.Create(CultureInfo.InvariantCulture, $"{v.Key.ThemeId}{(v.Key.IdeaId is { } idea ? ":" + idea.ToString(CultureInfo.InvariantCulture) : "")}={v.Value}")));

    public static SheetMarks Decode(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        if (encoded == "U")
        {
            return UnreadableSheet;
        }

        var values = new List<KeyValuePair<MarkField, int>>();
        foreach (var part in encoded.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (field, value) = (part[..part.IndexOf('=', StringComparison.Ordinal)], part[(part.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            var ids = field.Split(':');
            values.Add(new(new MarkField(Parse(ids[0]), ids.Length > 1 ? Parse(ids[1]) : null), Parse(value)));
        }

        return Of(values);
    }

    public bool Equals(SheetMarks? other) => other is not null && Encode() == other.Encode();

    public override bool Equals(object? obj) => Equals(obj as SheetMarks);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Encode());

    public override string ToString() => Encode();

    private static int Parse(string text) => int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private sealed class FieldOrder : IComparer<MarkField>
    {
        public static readonly FieldOrder Instance = new();

        public int Compare(MarkField x, MarkField y) =>
            x.ThemeId != y.ThemeId ? x.ThemeId.CompareTo(y.ThemeId) : Nullable.Compare(x.IdeaId, y.IdeaId);
    }
}
