using Burgerbegroting.Voting.Paper;

namespace Burgerbegroting.Voting.Participation;

/// <summary>
/// People who took part in a round with the same buurt and birth year (null: not known), and how many. The buurt is
/// a buurt's name, or null when the person's postcode lies in none of the edition's buurten or is unknown.
/// </summary>
public sealed record ParticipantGroup(string? Buurt, int? BirthYear, int People);

/// <summary>A buurt of the edition and how many residents may vote there, if known (stemcodes issued, or entered by staff).</summary>
public sealed record BuurtSize(string Name, int? Eligible);

/// <summary>One row of a figures table: a group (buurt, age band, channel) and its count, with the turnout where known.</summary>
public sealed record FigureRow(string Group, int People, int? Eligible)
{
    /// <summary>People as a share of the eligible residents (0–1), or null when the number eligible is not known.</summary>
    public double? Turnout => Eligible is > 0 ? (double)People / Eligible.Value : null;
}

/// <summary>
/// Who took part in one round (docs/participation.md): the ballots per channel with the invalid paper sheets, and the
/// people per buurt and age band. Ballots and people differ a little: a paper sheet is anonymous, so paper voters are
/// counted by their check-in at the event, and someone who checked in but handed in no sheet is still a participant.
/// </summary>
public sealed record RoundParticipation(
    IReadOnlyDictionary<BallotChannel, int> Channels,
    int InvalidSheets,
    IReadOnlyList<FigureRow> Buurten,
    FigureRow? OutsideBuurten,
    IReadOnlyList<FigureRow> AgeBands,
    int UnknownAge)
{
    /// <summary>Every ballot handed in: valid ones of all channels and invalid paper sheets (the turnout, not the result).</summary>
    public int Ballots => Channels.Values.Sum() + InvalidSheets;

    public int People => Buurten.Sum(b => b.People) + (OutsideBuurten?.People ?? 0);

    /// <summary>Residents who may vote in all buurten together, when it is known for every buurt.</summary>
    public int? Eligible => Buurten.Count > 0 && Buurten.All(b => b.Eligible is not null) ? Buurten.Sum(b => b.Eligible!.Value) : null;

    public double? Turnout => Eligible is > 0 ? (double)People / Eligible.Value : null;

    public int this[BallotChannel channel] => Channels.GetValueOrDefault(channel);
}

/// <summary>Counts people into the figures of <see cref="RoundParticipation"/>; pure, so tests reach it without a database.</summary>
public static class ParticipationTally
{
    /// <param name="groups">People who took part, grouped by buurt and birth year (a group may repeat; counts add up).</param>
    /// <param name="buurten">The edition's buurten in the order to show them.</param>
    /// <param name="channels">Valid ballots per channel.</param>
    /// <param name="invalidSheets">Paper sheets judged invalid.</param>
    /// <param name="minimumAge">The edition's minimum age: where the first age band starts.</param>
    /// <param name="year">The year ages are counted in (the year the round opened).</param>
    public static RoundParticipation Count(
        IEnumerable<ParticipantGroup> groups, IReadOnlyList<BuurtSize> buurten, IReadOnlyDictionary<BallotChannel, int> channels,
        int invalidSheets, int minimumAge, int year)
    {
        var bands = Participation.AgeBands.For(minimumAge);
        var names = buurten.Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        var perBuurt = new Dictionary<string, int>(StringComparer.Ordinal);
        var perBand = new Dictionary<AgeBand, int>();
        var outside = 0;
        var unknownAge = 0;
        foreach (var group in groups)
        {
            if (group.Buurt is { } name && names.Contains(name))
            {
                perBuurt[name] = perBuurt.GetValueOrDefault(name) + group.People;
            }
            else
            {
                outside += group.People;
            }

            if (Participation.AgeBands.Of(bands, group.BirthYear, year) is { } band)
            {
                perBand[band] = perBand.GetValueOrDefault(band) + group.People;
            }
            else
            {
                unknownAge += group.People;
            }
        }

        return new RoundParticipation(
            Enum.GetValues<BallotChannel>().ToDictionary(c => c, c => channels.GetValueOrDefault(c)),
            invalidSheets,
            [.. buurten.Select(b => new FigureRow(b.Name, perBuurt.GetValueOrDefault(b.Name), b.Eligible))],
            outside > 0 ? new FigureRow("", outside, null) : null,
            [.. bands.Select(b => new FigureRow(b.Label, perBand.GetValueOrDefault(b), null))],
            unknownAge);
    }
}
