using System.Globalization;
using Burgerbegroting.Voting.Paper;
using Burgerbegroting.Voting.Participation;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Participation;

/// <summary>
/// Turns the figures into the tables people read: for the public every count of people below 10 reads "&lt; 10",
/// and so does a turnout computed from it (docs/participation.md, "Small groups"); staff see exact numbers.
/// </summary>
public sealed class ParticipationTables(IStringLocalizer l, bool forPublic)
{
    public const string Channels = "kanalen";
    public const string Buurten = "buurten";
    public const string Ages = "leeftijden";
    public const string IdeasPerTheme = "ideeen-themas";
    public const string IdeasPerBuurt = "ideeen-buurten";

    public static IReadOnlyList<string> BallotSlugs { get; } = [Channels, Buurten, Ages];
    public static IReadOnlyList<string> IdeaSlugs { get; } = [IdeasPerTheme, IdeasPerBuurt];

    public bool ForPublic => forPublic;

    public IReadOnlyList<FigureTable> Round(RoundParticipation figures) => [ChannelTable(figures), BuurtTable(figures), AgeTable(figures)];

    public IReadOnlyList<FigureTable> Ideas(IdeaParticipation figures) =>
        [IdeaTable(IdeasPerTheme, "Participation.IdeasPerTheme", "Participation.Theme", figures.Themes, figures.Total),
         IdeaTable(IdeasPerBuurt, "Participation.IdeasPerBuurt", "Participation.Buurt", figures.Buurten, figures.Total)];

    /// <summary>A count of people for this audience: "&lt; 10" for the public when fewer than 10.</summary>
    public FigureCell People(int count)
    {
        var figure = Figure.For(count, forPublic);
        return figure.Suppressed
            ? new FigureCell(l["Participation.FewerThan", SmallGroups.Threshold], "<" + SmallGroups.Threshold)
            : new FigureCell(count.ToString("N0", CultureInfo.CurrentCulture), count.ToString(CultureInfo.InvariantCulture), count);
    }

    private FigureTable ChannelTable(RoundParticipation figures)
    {
        var rows = Enum.GetValues<BallotChannel>().Select(c => new FigureLine(l["BallotChannel." + c], [People(figures[c])])).ToList();
        rows.Add(new FigureLine(l["Participation.InvalidSheets"], [People(figures.InvalidSheets)]));
        return new FigureTable(Channels, l["Participation.ChannelsTitle"], l["Participation.ChannelsCaption"],
            new(l["Results.Channel"], "channel"), [new(l["Participation.Ballots"], "ballots")], rows,
            new FigureLine(l["Results.Total"], [People(figures.Ballots)]));
    }

    private FigureTable BuurtTable(RoundParticipation figures)
    {
        var rows = figures.Buurten.Select(BuurtLine).ToList();
        if (figures.OutsideBuurten is { } outside)
        {
            rows.Add(BuurtLine(outside with { Group = l["Participation.OutsideBuurten"] }));
        }

        return new FigureTable(Buurten, l["Participation.BuurtenTitle"], l["Participation.BuurtenCaption"],
            new(l["Participation.Buurt"], "buurt"),
            [new(l["Participation.People"], "people"), new(l["Participation.Eligible"], "eligible"), new(l["Participation.Turnout"], "turnout_percent")],
            rows, BuurtLine(new FigureRow(l["Results.Total"], figures.People, figures.Eligible)),
            ChartColumn: figures.Buurten.All(b => b.Eligible is not null) ? 2 : 0);
    }

    private FigureLine BuurtLine(FigureRow row) => new(row.Group, [People(row.People), Eligible(row.Eligible), Turnout(row)]);

    private FigureTable AgeTable(RoundParticipation figures)
    {
        var rows = figures.AgeBands.Select(b => new FigureLine(b.Group, [People(b.People)])).ToList();
        rows.Add(new FigureLine(l["Participation.UnknownAge"], [People(figures.UnknownAge)]));
        return new FigureTable(Ages, l["Participation.AgesTitle"], l["Participation.AgesCaption"],
            new(l["Participation.AgeBand"], "age_band"), [new(l["Participation.People"], "people")], rows,
            new FigureLine(l["Results.Total"], [People(figures.People)]));
    }

    private FigureTable IdeaTable(string slug, string titleKey, string groupKey, IReadOnlyList<IdeaRow> rows, IdeaRow total) =>
        new(slug, l[titleKey], l[titleKey + "Caption"], new(l[groupKey], groupKey == "Participation.Theme" ? "theme" : "buurt"),
            [new(l["Participation.ByResidents"], "by_residents"), new(l["Participation.ByNetworks"], "by_networks"),
             new(l["Participation.Admitted"], "admitted"), new(l["Participation.NotAdmitted"], "not_admitted"),
             new(l["Participation.Pending"], "pending"), new(l["Participation.IdeasTotal"], "total")],
            [.. rows.Select(IdeaLine)], IdeaLine(total with { Group = l["Results.Total"] }), ChartColumn: 5);

    /// <summary>Ideas are public one by one, so their counts are exact for everyone.</summary>
    private static FigureLine IdeaLine(IdeaRow row) =>
        new(row.Group, [Count(row.ByResidents), Count(row.ByNetworks), Count(row.Admitted), Count(row.NotAdmitted), Count(row.Pending), Count(row.Total)]);

    private static FigureCell Count(int value) => new(value.ToString("N0", CultureInfo.CurrentCulture), value.ToString(CultureInfo.InvariantCulture), value);

    private FigureCell Eligible(int? eligible) =>
        eligible is { } n ? Count(n) : new FigureCell(l["Participation.NotKnown"], "");

    private FigureCell Turnout(FigureRow row) =>
        row.Turnout is not { } share ? new FigureCell("—", "")
        : Figure.For(row.People, forPublic).Suppressed ? new FigureCell(l["Participation.Hidden"], "")
        : new FigureCell((share * 100).ToString("0.0", CultureInfo.CurrentCulture) + "%", (share * 100).ToString("0.0", CultureInfo.InvariantCulture), (long)Math.Round(share * 1000));
}
