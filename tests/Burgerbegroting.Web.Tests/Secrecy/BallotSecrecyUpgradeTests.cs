using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Paper;
using Burgerbegroting.Web.Infrastructure.Startup;
using Burgerbegroting.Web.Secrecy;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Burgerbegroting.Web.Tests.Secrecy;

/// <summary>
/// A database of the version before ballot secrecy, with ballots that name their voters in an open and in a published
/// round, upgraded by the app at startup (docs/secrecy.md, "Upgrading").
/// </summary>
public sealed class BallotSecrecyUpgradeTests
{
    /// <summary>The last migration before ballot secrecy.</summary>
    private const string PreviousVersion = "BuurtEligibleResidents";

    [Fact]
    public async Task Ballots_of_an_open_round_stay_findable_by_their_voter_and_published_ones_lose_the_link_with_the_same_content()
    {
        var file = Path.Combine(TestEnvironment.NewTempDirectory("secrecy-upgrade"), "app.db");
        var options = new DbContextOptionsBuilder<AppDbContext>();
        Persistence.Configure(options, DatabaseProvider.Sqlite, $"Data Source={file}");
        string[] voters = [Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), Guid.NewGuid().ToString()];
        int published, open;
        List<int> themes;
        await using (var db = new AppDbContext(options.Options))
        {
            await db.GetService<IMigrator>().MigrateAsync(PreviousVersion, TestContext.Current.CancellationToken);
            // The tables as they were at that version (the current model has columns they lack).
            var now = DateTime.UtcNow;
            await db.Database.ExecuteSqlAsync($"INSERT INTO \"Editions\" (\"Id\", \"Name\", \"Introduction\", \"TotalBudget\", \"MinimumAge\", \"MaxThemesPerBallot\", \"ThemesToSelect\", \"OutcomeRule\", \"VoterRoll\", \"CreatedAt\") VALUES (1, 'Burgerbegroting 2026', '', 1000000, 16, 3, 3, 0, 0, {now})");
            foreach (var (number, status) in new[] { (1, RoundStatus.Published), (2, RoundStatus.Open), (3, RoundStatus.Planned), (4, RoundStatus.Planned) })
            {
                await db.Database.ExecuteSqlAsync($"INSERT INTO \"Rounds\" (\"Id\", \"EditionId\", \"Number\", \"Status\", \"BallotWrites\", \"BallotCount\") VALUES ({number}, 1, {number}, {(int)status}, 0, 0)");
            }

            foreach (var (name, position) in new[] { ("Groen", 1), ("Verkeer", 2), ("Ontmoeten", 3) })
            {
                await db.Database.ExecuteSqlAsync($"INSERT INTO \"Themes\" (\"Id\", \"EditionId\", \"Name\", \"ShortDescription\", \"Body\", \"Position\", \"Chosen\") VALUES ({position}, 1, {name}, '', '', {position}, 1)");
            }

            (published, open, themes) = (1, 2, [1, 2, 3]);
            var id = 0;
            foreach (var (voter, i) in voters.Select((v, i) => (v, i)))
            {
                await OldBallotAsync(db, ++id, published, voter, (BallotChannel)(i % 2), [(themes[i % 3], 1), (themes[(i + 1) % 3], 1)]);
                await OldBallotAsync(db, ++id, open, voter, BallotChannel.Account, [(themes[0], 50 - i), (themes[1], 30 + i), (themes[2], 20)]);
            }
        }

        await using var app = new AppFactory(sqliteFile: file);
        var ballots = await app.WithDbAsync(db => db.Ballots.AsNoTracking().Include(b => b.Entries).ToListAsync());

        Assert.Equal(2 * voters.Length, ballots.Count);
        Assert.DoesNotContain(ballots, b => b.Pseudonym.StartsWith(BallotSecrecyUpgrade.Marker, StringComparison.Ordinal) || b.Id <= 2 * voters.Length);
        Assert.All(ballots, b => Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}$", b.ReceiptCode));
        var participations = await app.WithDbAsync(db => db.Participations.AsNoTracking().ToListAsync());
        Assert.Equal(voters.Length, participations.Count(p => p.RoundId == published));
        Assert.Equal([BallotChannel.Account, BallotChannel.Stemcode, BallotChannel.Account], voters.Select(v => participations.Single(p => p.RoundId == published && p.VoterId == v).Channel));

        // The open round: each voter's own ballot, found by the desk as before, so they can still change it.
        foreach (var (voter, i) in voters.Select((v, i) => (v, i)))
        {
            var lines = await app.StoredBallotAsync(2, voter);
            Assert.Equal([(themes[0], 50 - i), (themes[1], 30 + i), (themes[2], 20)], lines!.OrderBy(l => l.ThemeId).Select(l => (l.ThemeId, l.Value)));
        }

        // The published round: the same ballots, but nobody can tell whose.
        Assert.Null(await app.StoredBallotAsync(1, voters[0]));
        var content = ballots.Where(b => b.RoundId == published).Select(b => string.Join(',', b.Entries.Select(e => e.ThemeId).Order())).Order();
        Assert.Equal(voters.Select((_, i) => string.Join(',', new[] { themes[i % 3], themes[(i + 1) % 3] }.Order())).Order(), content);
    }

    private static async Task OldBallotAsync(AppDbContext db, int id, int round, string voter, BallotChannel channel, (int Theme, int Value)[] entries)
    {
        var now = DateTime.UtcNow;
        await db.Database.ExecuteSqlAsync($"INSERT INTO \"Ballots\" (\"Id\", \"RoundId\", \"VoterId\", \"SubmittedAt\", \"UpdatedAt\", \"Channel\") VALUES ({id}, {round}, {voter}, {now}, {now}, {(int)channel})");
        foreach (var (theme, value) in entries)
        {
            await db.Database.ExecuteSqlAsync($"INSERT INTO \"BallotEntries\" (\"BallotId\", \"ThemeId\", \"Value\") VALUES ({id}, {theme}, {value})");
        }
    }
}
