using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Paper;
using Burgerbegroting.Voting.Participation;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Editions.Demo;
using Burgerbegroting.Web.Participation;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Burgerbegroting.Web.Tests.Participation;

/// <summary>
/// The figures the database adds up equal a count written here, apart, over the raw rows of the demo edition (codes
/// with and without accounts, check-ins at events, paper and invalid sheets), on SQLite and PostgreSQL.
/// </summary>
public sealed class ParticipationCountTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task The_figures_of_every_voting_round_equal_an_independent_count_over_the_raw_rows(TestDatabase database)
    {
        await using var app = new AppFactory(database);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoEdition>().SeedAsync(DemoStage.Done);
        }

        foreach (var kind in new[] { RoundKind.ThemeChoice, RoundKind.BudgetSplit, RoundKind.Selection })
        {
            var (figures, expected) = await app.WithDbAsync(async db =>
            {
                var edition = (await db.FindWithAllAsync(await db.Editions.Select(e => e.Id).SingleAsync()))!;
                var round = edition.Round(kind);
                return (await ParticipationQueries.LoadRoundAsync(db, edition, round, 1900), await CountAsync(db, round));
            });

            Assert.Equal(expected.Channels, figures.Channels.Where(c => c.Value > 0).ToDictionary());
            Assert.Equal(expected.Invalid, figures.InvalidSheets);
            Assert.Equal(expected.PerBuurt, figures.Buurten.Where(b => b.People > 0).ToDictionary(b => b.Group, b => b.People));
            Assert.Equal(expected.PerBand, figures.AgeBands.Where(b => b.People > 0).ToDictionary(b => b.Group, b => b.People));
            Assert.Equal(expected.UnknownAge, figures.UnknownAge);
            Assert.Equal(expected.Codes, figures.Buurten.Select(b => b.Eligible ?? 0).Sum());
            Assert.True(figures.People > 400 && figures.Buurten.Count(b => b.People >= SmallGroups.Threshold) > 5, $"round {kind}: {figures.People} people");
        }
    }

    private sealed record Expected(
        Dictionary<BallotChannel, int> Channels, int Invalid, Dictionary<string, int> PerBuurt, Dictionary<string, int> PerBand, int UnknownAge, int Codes);

    /// <summary>Everything loaded into memory and counted by hand: online ballots by their code, paper voters by their check-in.</summary>
    private static async Task<Expected> CountAsync(Burgerbegroting.Data.AppDbContext db, Round round)
    {
        var ballots = await db.Participations.Where(p => p.RoundId == round.Id).Select(p => new { p.VoterId, p.Channel }).ToListAsync();
        var codes = await db.VotingCodes.ToListAsync();
        var users = await db.Users.ToDictionaryAsync(u => u.Id, u => u.BirthYear);
        var checkIns = await db.EventCheckIns.Where(c => c.RoundId == round.Id).ToListAsync();
        var byVoter = codes.ToDictionary(c => c.VoterId);
        var byId = codes.ToDictionary(c => c.Id);
        var people = ballots.Where(b => b.Channel != BallotChannel.Paper).Select(b => byVoter[b.VoterId])
            .Concat(checkIns.Select(c => byId[c.VotingCodeId!.Value]))
            .Select(c => (c.Buurt, BirthYear: c.BirthYear ?? (c.AccountId is null ? null : users[c.AccountId])))
            .ToList();
        var year = round.OpenedAt!.Value.Year;
        return new Expected(
            ballots.GroupBy(b => b.Channel).ToDictionary(g => g.Key, g => g.Count()),
            await db.PaperSheets.CountAsync(s => s.RoundId == round.Id && s.Status == Burgerbegroting.Data.Events.SheetStatus.Invalid),
            people.GroupBy(p => p.Buurt).ToDictionary(g => g.Key, g => g.Count()),
            people.Where(p => p.BirthYear is not null).GroupBy(p => Band(year - p.BirthYear!.Value)).ToDictionary(g => g.Key, g => g.Count()),
            people.Count(p => p.BirthYear is null),
            codes.Count(c => c.RevokedAt is null));
    }

    private static string Band(int age) => age switch
    {
        < 25 => "16–24",
        >= 75 => "75+",
        _ => $"{25 + ((age - 25) / 10 * 10)}–{34 + ((age - 25) / 10 * 10)}",
    };
}
