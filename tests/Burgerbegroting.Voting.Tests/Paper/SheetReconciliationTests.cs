using Burgerbegroting.Voting.Paper;

namespace Burgerbegroting.Voting.Tests.Paper;

/// <summary>Two typists' entries of one sheet: equal ones agree, any difference is named field by field.</summary>
public sealed class SheetReconciliationTests
{
    private static SheetMarks Marks(params (int Theme, int? Idea, int Value)[] values) =>
        SheetMarks.Of(values.Select(v => new KeyValuePair<MarkField, int>(new MarkField(v.Theme, v.Idea), v.Value)));

    [Fact]
    public void Equal_entries_agree_also_when_one_typist_typed_zero_and_the_other_left_the_field_empty()
    {
        var first = Marks((1, null, 50), (2, null, 0), (3, null, 50));
        var second = Marks((3, null, 50), (1, null, 50));

        Assert.Empty(SheetReconciliation.Compare(first, second));
        Assert.True(SheetReconciliation.Agree(first, second));
    }

    [Fact]
    public void One_field_different_is_the_one_difference_with_both_values()
    {
        var first = Marks((1, null, 50), (2, null, 30), (3, null, 20));
        var second = Marks((1, null, 50), (2, null, 20), (3, null, 20));

        var difference = Assert.Single(SheetReconciliation.Compare(first, second));
        Assert.Equal(new MarkDifference(new MarkField(2, null), 30, 20), difference);
        Assert.False(SheetReconciliation.Agree(first, second));
    }

    [Fact]
    public void A_tick_on_one_entry_only_differs_from_an_empty_field_on_the_other()
    {
        var first = Marks((4, 41, 1), (4, 42, 1));
        var second = Marks((4, 41, 1), (5, 51, 1));

        Assert.Equal(
            [new MarkDifference(new MarkField(4, 42), 1, 0), new MarkDifference(new MarkField(5, 51), 0, 1)],
            SheetReconciliation.Compare(first, second));
    }

    [Fact]
    public void Unreadable_against_readable_is_one_difference_without_a_field()
    {
        var readable = Marks((1, null, 1));

        Assert.Equal([new MarkDifference(null, 1, 0)], SheetReconciliation.Compare(SheetMarks.UnreadableSheet, readable));
        Assert.Equal([new MarkDifference(null, 0, 1)], SheetReconciliation.Compare(readable, SheetMarks.UnreadableSheet));
        Assert.Equal([new MarkDifference(null, 0, 1)], SheetReconciliation.Compare(Marks(), SheetMarks.UnreadableSheet));
    }

    [Fact]
    public void Two_typists_who_both_found_the_sheet_unreadable_agree()
    {
        Assert.True(SheetReconciliation.Agree(SheetMarks.UnreadableSheet, SheetMarks.Decode("U")));
    }
}
