using Burgerbegroting.Voting.Paper;
using Burgerbegroting.Voting.Participation;

namespace Burgerbegroting.Voting.Tests.Participation;

public class AgeBandTests
{
    [Fact]
    public void The_bands_run_from_the_minimum_age_to_24_then_by_ten_years_to_75_and_older()
    {
        Assert.Equal(["16–24", "25–34", "35–44", "45–54", "55–64", "65–74", "75+"], AgeBands.For(16).Select(b => b.Label));
        Assert.Equal("12–24", AgeBands.For(12)[0].Label);
    }

    [Theory]
    [InlineData(2010, "16–24")]
    [InlineData(2002, "16–24")]
    [InlineData(2001, "25–34")]
    [InlineData(1992, "25–34")]
    [InlineData(1991, "35–44")]
    [InlineData(1952, "65–74")]
    [InlineData(1951, "75+")]
    [InlineData(1920, "75+")]
    public void Age_counts_from_the_birth_year_in_the_year_of_the_round(int born, string band) =>
        Assert.Equal(band, AgeBands.Of(AgeBands.For(16), born, 2026)!.Label);

    [Theory]
    [InlineData(null)]
    [InlineData(2027)]
    [InlineData(1880)]
    public void An_unknown_or_impossible_birth_year_has_no_band(int? born) =>
        Assert.Null(AgeBands.Of(AgeBands.For(16), born, 2026));

    [Fact]
    public void Someone_younger_than_the_minimum_is_counted_in_the_first_band() =>
        Assert.Equal("16–24", AgeBands.Of(AgeBands.For(16), 2012, 2026)!.Label);
}

public class ParticipationTallyTests
{
    private static readonly BuurtSize[] Buurten = [new("Malberg", 400), new("Wyck", null), new("Heer", 50)];

    private static RoundParticipation Count(params ParticipantGroup[] groups) =>
        ParticipationTally.Count(groups, Buurten, new Dictionary<BallotChannel, int> { [BallotChannel.Stemcode] = 30, [BallotChannel.Paper] = 4 }, 2, 16, 2026);

    [Fact]
    public void People_add_up_per_buurt_and_age_band_and_unknown_buurten_go_outside()
    {
        var figures = Count(new("Malberg", 1990, 12), new("Malberg", 1950, 3), new("Wyck", null, 7), new(null, 2000, 2), new("Elders", 1990, 1));

        Assert.Equal([("Malberg", 15), ("Wyck", 7), ("Heer", 0)], figures.Buurten.Select(b => (b.Group, b.People)));
        Assert.Equal(3, figures.OutsideBuurten!.People);
        Assert.Equal(25, figures.People);
        Assert.Equal([0, 2, 13, 0, 0, 0, 3], figures.AgeBands.Select(b => b.People));
        Assert.Equal(7, figures.UnknownAge);
    }

    [Fact]
    public void Ballots_are_every_channel_and_the_invalid_sheets_and_every_channel_has_a_line()
    {
        var figures = Count();

        Assert.Equal(36, figures.Ballots);
        Assert.Equal(Enum.GetValues<BallotChannel>(), figures.Channels.Keys.Order());
        Assert.Equal(0, figures[BallotChannel.Desk]);
    }

    [Fact]
    public void Turnout_is_known_per_buurt_with_a_number_eligible_and_overall_only_when_every_buurt_has_one()
    {
        var figures = Count(new("Malberg", 1990, 100), new("Heer", 1990, 10));

        Assert.Equal(0.25, figures.Buurten[0].Turnout);
        Assert.Null(figures.Buurten[1].Turnout);
        Assert.Equal(0.2, figures.Buurten[2].Turnout);
        Assert.Null(figures.Eligible);
        Assert.Null(figures.Turnout);

        var all = ParticipationTally.Count([new("Malberg", 1990, 100)], [new("Malberg", 400), new("Heer", 100)], new Dictionary<BallotChannel, int>(), 0, 16, 2026);
        Assert.Equal(500, all.Eligible);
        Assert.Equal(0.2, all.Turnout);
    }

    [Fact]
    public void No_one_outside_the_buurten_means_no_outside_line() =>
        Assert.Null(Count(new ParticipantGroup("Wyck", 1990, 5)).OutsideBuurten);
}

public class SmallGroupTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(9, true)]
    [InlineData(10, false)]
    [InlineData(12_000, false)]
    public void The_public_sees_fewer_than_ten_people_as_a_small_group(int people, bool suppressed)
    {
        Assert.Equal(suppressed, Figure.Public(people).Suppressed);
        Assert.False(Figure.Exact(people).Suppressed);
        Assert.Equal(people, Figure.For(people, forPublic: true).Value);
    }
}

public class ResidentCountTests
{
    [Theory]
    [InlineData("2415", 2415)]
    [InlineData(" 2.415 ", 2415)]
    [InlineData("2 415", 2415)]
    [InlineData("0", 0)]
    [InlineData("10.000.000", 10_000_000)]
    public void Staff_may_type_a_number_with_dots_or_spaces_between_thousands(string typed, int expected)
    {
        Assert.True(ResidentCount.TryParse(typed, out var count));
        Assert.Equal(expected, count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Empty_means_not_known(string? typed)
    {
        Assert.True(ResidentCount.TryParse(typed, out var count));
        Assert.Null(count);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("2,5")]
    [InlineData("24.15")]
    [InlineData("€ 1.500,-")]
    [InlineData("veel")]
    [InlineData("10.000.001")]
    [InlineData("99999999999999999999")]
    public void Anything_but_a_whole_number_up_to_ten_million_is_refused(string typed) =>
        Assert.False(ResidentCount.TryParse(typed, out _));
}

public class IdeaParticipationTests
{
    [Fact]
    public void Ideas_are_counted_per_theme_and_buurt_by_submitter_kind_and_verdict_and_submitters_once_each()
    {
        IdeaFact[] ideas =
        [
            new("Groen", "Malberg", "ria", false, IdeaVerdict.Admitted),
            new("Groen", "Wyck", "ria", false, IdeaVerdict.NotAdmitted),
            new("Groen", "Wyck", "netwerk", true, IdeaVerdict.Admitted),
            new("Veilig", "Wyck", "piet", false, IdeaVerdict.Pending),
        ];

        var figures = IdeaParticipation.Count(ideas, ["Groen", "Veilig", "Cultuur"], ["Malberg", "Wyck"]);

        Assert.Equal(new IdeaRow("Groen", 2, 1, 2, 1, 0), figures.Themes[0]);
        Assert.Equal(new IdeaRow("Veilig", 1, 0, 0, 0, 1), figures.Themes[1]);
        Assert.Equal(0, figures.Themes[2].Total);
        Assert.Equal(new IdeaRow("Wyck", 2, 1, 1, 1, 1), figures.Buurten[1]);
        Assert.Equal((2, 1), (figures.Residents, figures.Networks));
        Assert.Equal(4, figures.Total.Total);
    }
}
