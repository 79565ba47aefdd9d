using System.Globalization;
using Burgerbegroting.Voting.Money;

namespace Burgerbegroting.Voting.Tests.Money;

/// <summary>Amounts as Dutch people type them ("€ 1.500,-" among them).</summary>
public sealed class EuroAmountTests
{
    [Theory]
    [InlineData("1500", 1500)]
    [InlineData("1.500", 1500)]
    [InlineData("€ 1.500,-", 1500)]
    [InlineData("€1.500,--", 1500)]
    [InlineData("1500,00", 1500)]
    [InlineData("1500,-", 1500)]
    [InlineData(" 1 500 ", 1500)]
    [InlineData("EUR 2.500.000", 2_500_000)]
    [InlineData("1500.00", 1500)]
    [InlineData("7", 7)]
    public void Accepts_what_people_type(string input, long expected)
    {
        Assert.Equal(EuroAmountError.None, EuroAmount.TryParse(input, out var euros));
        Assert.Equal(expected, euros);
    }

    [Theory]
    [InlineData("", EuroAmountError.Empty)]
    [InlineData("   ", EuroAmountError.Empty)]
    [InlineData("€", EuroAmountError.Empty)]
    [InlineData("vijftienhonderd", EuroAmountError.NotANumber)]
    [InlineData("1.50.0", EuroAmountError.NotANumber)]
    [InlineData("15.00.000", EuroAmountError.NotANumber)]
    [InlineData("1500,50", EuroAmountError.HasCents)]
    [InlineData("1.500,5", EuroAmountError.HasCents)]
    [InlineData("-1500", EuroAmountError.Negative)]
    [InlineData("99999999999999999", EuroAmountError.TooLarge)]
    [InlineData("1500 euro", EuroAmountError.NotANumber)]
    public void Refuses_anything_else_with_the_specific_reason(string input, EuroAmountError expected) =>
        Assert.Equal(expected, EuroAmount.TryParse(input, out _));

    [Fact]
    public void Formats_the_Dutch_and_the_English_way()
    {
        Assert.Equal("€ 1.500.000", EuroAmount.Format(1_500_000, new CultureInfo("nl-NL")));
        Assert.Equal("€1,500,000", EuroAmount.Format(1_500_000, new CultureInfo("en-GB")));
    }

    [Theory]
    [InlineData("25", 25)]
    [InlineData(" 25 % ", 25)]
    [InlineData("", 0)]
    [InlineData("150", 150)]
    public void Whole_percentages_are_read_leniently(string input, int expected)
    {
        Assert.True(WholePercentage.TryParse(input, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("12,5")]
    [InlineData("veel")]
    [InlineData("-5")]
    public void Anything_but_a_whole_percentage_is_refused(string input) =>
        Assert.False(WholePercentage.TryParse(input, out _));
}
