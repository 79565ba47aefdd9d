using System.Globalization;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Participation;
using Burgerbegroting.Web.Infrastructure.Localization;
using Burgerbegroting.Web.Pages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Participation;

/// <summary>One round's figures as shown: its tables, and the lines under them that say who was counted and how.</summary>
public sealed record FigureSection(Round Round, IReadOnlyList<FigureTable> Tables, IReadOnlyList<string> Notes, string? Summary = null)
{
    public FigureTable? Table(string slug) => Tables.FirstOrDefault(t => t.Slug == slug);
}

/// <summary>
/// The figures of one round, for the public (small groups suppressed) or for staff (exact). Those of a published round
/// are counted once and kept (<see cref="FigureCache"/>); an open or closed round is counted on every load.
/// </summary>
public sealed class ParticipationFigures(AppDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, FigureCache cache)
{
    /// <summary>The ideas round has ideas per theme and buurt; the voting rounds have ballots per channel, buurt and age.</summary>
    public async Task<FigureSection> LoadAsync(Edition edition, Round round, bool forPublic)
    {
        var tables = new ParticipationTables(l, forPublic);
        if (round.Kind == RoundKind.Ideas)
        {
            var ideas = await IdeasAsync(edition, round);
            var total = ideas.Total;
            return new FigureSection(round, tables.Ideas(ideas), [l["Participation.Submitters", tables.People(ideas.Residents).Text, tables.People(ideas.Networks).Text]],
                l.Count("Results3.Summary", total.Total, total.Total, total.Admitted, total.NotAdmitted, total.Pending));
        }

        var figures = await RoundAsync(edition, round);
        string[] notes = forPublic ? [l["Participation.PeopleNote"], l["Participation.SmallGroupsNote", SmallGroups.Threshold]] : [l["Participation.PeopleNote"]];
        return new FigureSection(round, tables.Round(figures), notes);
    }

    /// <summary>The counts of a voting round, kept once it is published.</summary>
    public Task<RoundParticipation> RoundAsync(Edition edition, Round round) =>
        ResultsVisibility.IsPublic(round.Status)
            ? cache.GetOrAddAsync(FigureCache.RoundKey("round-figures", edition, round), () => ParticipationQueries.LoadRoundAsync(db, edition, round, clock.GetUtcNow().Year))
            : ParticipationQueries.LoadRoundAsync(db, edition, round, clock.GetUtcNow().Year);

    /// <summary>The counts of the ideas round, kept once it is published.</summary>
    public Task<IdeaParticipation> IdeasAsync(Edition edition, Round round) =>
        ResultsVisibility.IsPublic(round.Status)
            ? cache.GetOrAddAsync(FigureCache.RoundKey("idea-figures-" + CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, edition, round), () => ParticipationQueries.LoadIdeasAsync(db, edition))
            : ParticipationQueries.LoadIdeasAsync(db, edition);

    /// <summary>For a results page or the report: suppressed, with CSV links once the round is published.</summary>
    public async Task<FigureView> PublicViewAsync(Edition edition, Round round, IUrlHelper url) =>
        new(await LoadAsync(edition, round, forPublic: true), $"figures-{round.Number}",
            slug => ResultsVisibility.IsPublic(round.Status) ? url.RouteUrl(PageRoutes.ParticipationFileRoute, new { edition = edition.Slug, round = round.Number, table = slug }) : null);

    /// <summary>For staff's live page: exact, with the exact CSV files.</summary>
    public async Task<FigureView> StaffViewAsync(Edition edition, Round round, IUrlHelper url) =>
        new(await LoadAsync(edition, round, forPublic: false), $"figures-{round.Number}",
            slug => url.RouteUrl(PageRoutes.StaffParticipationFileRoute, new { id = edition.Id, round = round.Number, table = slug }));
}
