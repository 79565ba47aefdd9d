using System.Security.Cryptography;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Web.Selection;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Burgerbegroting.Web.Tests.Selection;

/// <summary>
/// The close of round 4 counts in the database (greedy) or groups the ballots as they stream past (equal shares); either
/// way it must store what the rule makes of the ballots read one by one, per theme — also with an idea hidden after the
/// votes, an idea moved to another theme after the votes, and ballots voting in one theme only.
/// </summary>
public sealed class SelectionCloseTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();
    private Dictionary<string, int> _ideas = [];

    public async ValueTask InitializeAsync()
    {
        await _app.CreateEditionAsync();
        await _app.CreateAsync("indiener@example.nl", Roles.Resident);
        _ideas = await _app.OpenRoundFourAsync("indiener@example.nl",
            ("Speeltuin Malberg", 0, 300_000), ("Bomen Caberg", 0, 250_000), ("Moestuin Nazareth", 0, 150_000), ("Bankjes Wyck", 0, 40_000),
            ("Fietsenstalling", 0, 40_000), ("Zebrapad Heer", 1, 120_000), ("Verlichting Pottenberg", 1, 200_000), ("Drempels Daalhof", 1, 100_000));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(OutcomeRuleKind.Greedy)]
    [InlineData(OutcomeRuleKind.EqualShares)]
    public async Task Stored_results_are_what_the_rule_makes_of_the_ballots_one_by_one(OutcomeRuleKind rule)
    {
        var roundId = await _app.RoundIdAsync(4);
        await _app.WithDbAsync(async db =>
        {
            (await db.Editions.SingleAsync()).OutcomeRule = rule;
            AddBallots(db, roundId, await db.Ideas.ToListAsync());
            await db.SaveChangesAsync();

            // After the votes: one idea hidden, one moved to the other theme (its approvals stay under the old theme).
            (await db.Ideas.SingleAsync(i => i.Id == _ideas["Fietsenstalling"])).Hidden = true;
            var moved = await db.Ideas.SingleAsync(i => i.Id == _ideas["Drempels Daalhof"]);
            moved.ThemeId = (await db.Ideas.SingleAsync(i => i.Id == _ideas["Bomen Caberg"])).ThemeId;
            return await db.SaveChangesAsync();
        });

        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var edition = await db.Editions.Include(e => e.Themes).SingleAsync();
        var round = await db.Rounds.SingleAsync(r => r.Id == roundId);

        var stored = await scope.ServiceProvider.GetRequiredService<SelectionCalculator>().ComputeAsync(round, edition);

        var expected = await OneByOneAsync(db, edition, round);
        Assert.Equal(expected, stored.Select(Describe).Order(StringComparer.Ordinal));
        Assert.Contains(stored, r => r.WonTieAgainst is not null);
        Assert.DoesNotContain(stored, r => r.IdeaId == _ideas["Fietsenstalling"]);
    }

    /// <summary>
    /// 300 ballots over few distinct choices, so many are identical: in the first theme four pairs each cast by 60
    /// voters (every idea 120 votes: a tie the lower cost decides), in the second four choices by 25 voters each; every
    /// fifth voter skips the first theme, every third the second; every seventh also ticks the idea hidden later.
    /// </summary>
    private void AddBallots(AppDbContext db, int roundId, List<Idea> ideas)
    {
        string[][] first = [["Speeltuin Malberg", "Bankjes Wyck"], ["Bomen Caberg", "Bankjes Wyck"], ["Speeltuin Malberg", "Moestuin Nazareth"], ["Bomen Caberg", "Moestuin Nazareth"]];
        string[][] second = [["Zebrapad Heer"], ["Verlichting Pottenberg"], ["Zebrapad Heer", "Drempels Daalhof"], ["Verlichting Pottenberg", "Drempels Daalhof"]];
        var themeOf = ideas.ToDictionary(i => i.Id, i => i.ThemeId);
        for (var v = 0; v < 300; v++)
        {
            var titles = (v % 5 == 0 ? [] : first[v % 4]).Concat(v % 3 == 0 ? [] : second[v % 4]).Concat(v % 7 == 0 ? ["Fietsenstalling"] : []);
            db.Ballots.Add(new Ballot
            {
                Id = Ballot.NewId(), RoundId = roundId, Pseudonym = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), ReceiptCode = $"T{v:D4}",
                Entries = [.. titles.Select(t => new BallotEntry { ThemeId = themeOf[_ideas[t]], IdeaId = _ideas[t], Value = 1 })],
            });
        }
    }

    /// <summary>As the close did it before it counted in the database: per theme, each ballot's ideas of that theme in ballot id order.</summary>
    private static async Task<List<string>> OneByOneAsync(AppDbContext db, Edition edition, Round round)
    {
        var results = new List<string>();
        foreach (var theme in edition.SelectionThemes())
        {
            var rows = await (from e in db.BallotEntries
                              join b in db.Ballots on e.BallotId equals b.Id
                              where b.RoundId == round.Id && e.ThemeId == theme.Id && e.IdeaId != null
                              select new { e.BallotId, IdeaId = e.IdeaId!.Value }).ToListAsync();
            var ballots = rows.GroupBy(r => r.BallotId).OrderBy(g => g.Key).Select(g => (IReadOnlyList<int>)[.. g.Select(r => r.IdeaId)]).ToList();
            var election = SelectionElection.Build(theme, await db.AdmittedIdeasAsync(edition.Id, theme.Id), ballots);
            var outcome = SelectionElection.Rule(edition.OutcomeRule).Run(election.Election);
            results.AddRange(outcome.Projects.Select(p => Describe(SelectionCalculator.ToResult(round, theme, election, outcome, p))));
        }

        return [.. results.Order(StringComparer.Ordinal)];
    }

    private static string Describe(IdeaResult r) =>
        $"theme {r.ThemeId} idea {r.IdeaId}: {r.Votes} votes, cost {r.Cost}, selected {r.Selected} at {r.Step}, {r.Reason}, left {r.RemainingAtTurn}, money {r.SupportersMoneyLeft}, tie {r.WonTieAgainst}";
}
