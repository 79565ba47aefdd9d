using Burgerbegroting.Voting.Eligibility;

namespace Burgerbegroting.Voting.Tests.Eligibility;

public sealed class DutchPostcodeTests
{
    [Theory]
    [InlineData("6211 AB", "6211AB")]
    [InlineData("6211ab", "6211AB")]
    [InlineData(" 6211-AB ", "6211AB")]
    public void Normalises_how_people_write_it(string input, string expected) => Assert.Equal(expected, DutchPostcode.Normalize(input));

    [Theory]
    [InlineData("0211AB")]
    [InlineData("6211A")]
    [InlineData("62111AB")]
    [InlineData("6211SA")]
    [InlineData("ABCD12")]
    [InlineData("")]
    [InlineData(null)]
    public void Refuses_what_is_no_postcode(string? input) => Assert.Null(DutchPostcode.Normalize(input));
}

public sealed class PostcodeAreaTests
{
    [Fact]
    public void Single_postcodes_areas_and_ranges_are_all_understood()
    {
        var area = PostcodeArea.TryParse("6211 DW, 6212; 6214-6216", out var error)!;
        Assert.Null(error);
        Assert.True(area.Contains("6211DW"));
        Assert.False(area.Contains("6211DX"));
        Assert.True(area.Contains("6212 ZZ"));
        Assert.True(area.Contains("6215AB"));
        Assert.True(area.Contains("6216 aa"));
        Assert.False(area.Contains("6213AA"));
        Assert.False(area.Contains("6217AA"));
        Assert.False(area.Contains("not a postcode"));
    }

    [Theory]
    [InlineData("6211, Malberg", "Malberg")]
    [InlineData("6219-6211", "6219-6211")]
    [InlineData("", "")]
    public void A_wrong_part_is_named(string spec, string wrong)
    {
        Assert.Null(PostcodeArea.TryParse(spec, out var error));
        Assert.Equal(wrong, error);
    }
}

public sealed class BuurtListTests
{
    [Fact]
    public void Text_form_has_one_buurt_per_line()
    {
        var list = BuurtList.ParseText("Malberg: 6214, 6215 AA\n\n# comment\nCaberg: 6216-6217", out var errors);
        Assert.Empty(errors);
        Assert.Equal([new BuurtDefinition("Malberg", "6214, 6215 AA"), new BuurtDefinition("Caberg", "6216-6217")], list);
    }

    [Fact]
    public void Lines_that_are_wrong_are_reported_by_number()
    {
        BuurtList.ParseText("Malberg: 6214\nCaberg 6216\nNazareth: 62x", out var errors);
        Assert.Equal([2, 3], errors.Select(e => e.Line));
        Assert.Equal("62x", errors[1].Text);
    }

    [Fact]
    public void Csv_rows_of_one_buurt_are_merged_and_columns_found_by_name()
    {
        var csv = "postcode;buurtnaam\r\n6221 AA;Wyckerpoort\r\n6222;Wyckerpoort\r\n6223-6224;Nazareth\r\n";
        var list = BuurtList.ParseCsv(csv, out var errors);
        Assert.Empty(errors);
        Assert.Equal([new BuurtDefinition("Wyckerpoort", "6221 AA, 6222"), new BuurtDefinition("Nazareth", "6223-6224")], list);
    }

    [Fact]
    public void Csv_buurt_names_in_quotes_may_hold_the_separator()
    {
        var semicolons = BuurtList.ParseCsv("buurt;postcode\n\"Sint Pieter; Jekerdal\";6212\n\"Wyck \"\"oud\"\"\";\"6221; 6222\"\n", out var errors);
        Assert.Empty(errors);
        Assert.Equal([new BuurtDefinition("Sint Pieter; Jekerdal", "6212"), new BuurtDefinition("Wyck \"oud\"", "6221; 6222")], semicolons);

        var commas = BuurtList.ParseCsv("\"buurtnaam\",\"postcode\"\r\n\"Boschpoort, Frontenpark\",\"6214 AA\"\r\n", out errors);
        Assert.Empty(errors);
        Assert.Equal([new BuurtDefinition("Boschpoort, Frontenpark", "6214 AA")], commas);
    }

    [Fact]
    public void Csv_errors_name_the_line_of_the_file()
    {
        BuurtList.ParseCsv("\nbuurt;postcode\n\"Sint\nPieter\";6212\n;6213\n\nMalberg;62x\n", out var errors);
        Assert.Equal([new BuurtListError(5, ";6213"), new BuurtListError(7, "62x")], errors);
    }

    [Fact]
    public void Csv_without_recognisable_columns_is_refused_at_the_header()
    {
        var list = BuurtList.ParseCsv("a,b\n1,2", out var errors);
        Assert.Empty(list);
        Assert.Equal(1, Assert.Single(errors).Line);
    }
}

public sealed class VoterEligibilityTests
{
    private static readonly PostcodeArea[] Area = [PostcodeArea.TryParse("6211-6229", out _)!];

    private static IReadOnlyList<IneligibleReason> Check(bool confirmed = true, string? postcode = "6211AB", int? birthYear = 1990, bool resident = true) =>
        VoterEligibility.Check(resident, confirmed, postcode, birthYear, Area, minimumAge: 16, currentYear: 2027);

    [Fact]
    public void A_confirmed_adult_resident_in_the_area_may_vote() => Assert.Empty(Check());

    [Fact]
    public void Each_reason_is_reported()
    {
        Assert.Equal([IneligibleReason.EmailNotConfirmed], Check(confirmed: false));
        Assert.Equal([IneligibleReason.PostcodeOutsideArea], Check(postcode: "1012AB"));
        Assert.Equal([IneligibleReason.NoPostcode], Check(postcode: null));
        Assert.Equal([IneligibleReason.NoBirthYear], Check(birthYear: null));
        Assert.Equal([IneligibleReason.NotAResident], Check(resident: false));
        Assert.Equal([IneligibleReason.EmailNotConfirmed, IneligibleReason.PostcodeOutsideArea, IneligibleReason.TooYoung], Check(false, "1012AB", 2020));
    }

    [Theory]
    [InlineData(2011, true)]
    [InlineData(2012, false)]
    public void Age_counts_from_the_birth_year(int birthYear, bool mayVote) =>
        Assert.Equal(mayVote, Check(birthYear: birthYear).Count == 0);
}
