using Burgerbegroting.Voting.Paper;
using FsCheck.Fluent;

namespace Burgerbegroting.Voting.Tests.Paper;

/// <summary>What a typist read on a sheet: zero is an empty field, and the text form goes back to the same marks.</summary>
public sealed class SheetMarksTests
{
    private static SheetMarks Marks(params (int Theme, int? Idea, int Value)[] values) =>
        SheetMarks.Of(values.Select(v => new KeyValuePair<MarkField, int>(new MarkField(v.Theme, v.Idea), v.Value)));

    [Fact]
    public void Encoding_is_canonical_in_field_order_whatever_the_order_typed()
    {
        var marks = Marks((7, 71, 1), (3, null, 40), (7, null, 5), (3, 12, 1));

        Assert.Equal("3=40;3:12=1;7=5;7:71=1", marks.Encode());
        Assert.Equal(marks.Encode(), Marks((3, 12, 1), (7, null, 5), (3, null, 40), (7, 71, 1)).Encode());
    }

    [Fact]
    public void A_zero_is_the_same_mark_as_an_empty_field()
    {
        var withZeros = Marks((1, null, 60), (2, null, 0), (3, null, 40));
        var withoutZeros = Marks((1, null, 60), (3, null, 40));

        Assert.Equal(withoutZeros, withZeros);
        Assert.Equal(withoutZeros.GetHashCode(), withZeros.GetHashCode());
        Assert.Equal("1=60;3=40", withZeros.Encode());
        Assert.Equal(0, withZeros[new MarkField(2, null)]);
        Assert.False(withZeros.Values.ContainsKey(new MarkField(2, null)));
    }

    [Fact]
    public void Only_zeros_is_a_blank_sheet_and_encodes_as_nothing()
    {
        var blank = Marks((1, null, 0), (2, 5, 0));

        Assert.True(blank.IsBlank);
        Assert.Equal("", blank.Encode());
        Assert.True(SheetMarks.Decode("").IsBlank);
    }

    [Fact]
    public void An_unreadable_sheet_is_neither_blank_nor_equal_to_a_blank_one_and_round_trips()
    {
        var unreadable = SheetMarks.UnreadableSheet;

        Assert.False(unreadable.IsBlank);
        Assert.Equal("U", unreadable.Encode());
        Assert.NotEqual(Marks(), unreadable);
        Assert.True(SheetMarks.Decode("U").Unreadable);
    }

    [Fact]
    public void A_field_given_twice_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Marks((1, null, 1), (1, null, 1)));
    }

    [Fact]
    public void Values_as_written_survive_the_round_trip_also_when_they_are_no_valid_ballot()
    {
        var marks = Marks((1, null, 150), (2, null, -5), (3, 9, 2));

        var decoded = SheetMarks.Decode(marks.Encode());

        Assert.Equal(marks, decoded);
        Assert.Equal(-5, decoded[new MarkField(2, null)]);
        Assert.Equal(2, decoded[new MarkField(3, 9)]);
    }

    [Fact]
    public void Decode_of_encode_gives_the_same_marks_for_any_fields_and_values()
    {
        var field = from theme in Gen.Choose(1, 50)
                    from idea in Gen.OneOf(Gen.Constant((int?)null), Gen.Choose(1, 500).Select(i => (int?)i))
                    select new MarkField(theme, idea);
        var sheets = from fields in Gen.ListOf(field)
                     from values in Gen.ArrayOf(Gen.Choose(-100, 300), fields.Count)
                     select fields.Distinct().Select((f, i) => new KeyValuePair<MarkField, int>(f, values[i])).ToList();

        Properties.Check(sheets, values =>
        {
            var marks = SheetMarks.Of(values);
            var decoded = SheetMarks.Decode(marks.Encode());
            return decoded.Equals(marks) && decoded.Encode() == marks.Encode()
                && values.All(v => decoded[v.Key] == v.Value)
                && decoded.Values.Count == values.Count(v => v.Value != 0);
        }, runs: 300);
    }
}
