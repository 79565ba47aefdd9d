using System.Globalization;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Burgerbegroting.Web.Tests.Secrecy;

/// <summary>
/// The stored order of the ballots says nothing about the order of voting once a round is closed (docs/secrecy.md):
/// PostgreSQL keeps rows where they were written, so the close rewrites the ballot tables in the order of their random ids.
/// </summary>
public sealed class BallotOrderTests
{
    private const int Voters = 40;

    [Fact]
    public async Task On_PostgreSQL_ballots_lie_in_voting_order_while_the_round_is_open_and_in_no_order_after_the_close()
    {
        await using var app = new AppFactory(TestDatabase.Postgres);
        await app.CreateEditionAsync();
        Assert.Equal(TransitionError.None, await app.StepAsync(1, (l, id) => l.OpenAsync(id)));
        var themes = await app.ThemeIdsAsync();
        var receipts = new List<string>();
        for (var i = 0; i < Voters; i++)
        {
            var voter = await app.CreateAsync($"inwoner{i}@example.nl", Roles.Resident);
            await using var scope = app.Services.CreateAsyncScope();
            var desk = scope.ServiceProvider.GetRequiredService<BallotDesk>();
            var context = await desk.LoadAsync(RoundKind.ThemeChoice, voter);
            var cast = await desk.CastAsync(context!, ThemeBallot.Create(context!.ThemeChoice, [themes[i % 3], themes[3]]).Ballot!);
            receipts.Add(cast.ReceiptCode!);
        }

        Assert.InRange(RankCorrelation(receipts, await StoredOrderAsync(app)), 0.9, 1.0);

        Assert.Equal(TransitionError.None, await app.StepAsync(1, (l, id) => l.CloseAsync(id)));

        Assert.InRange(RankCorrelation(receipts, await StoredOrderAsync(app)), -0.6, 0.6);
        Assert.Equal(Voters, (await app.RoundAsync(1)).BallotCount);
    }

    /// <summary>The ballots' receipt codes in the order PostgreSQL stores them (what a dump would list).</summary>
    private static Task<List<string>> StoredOrderAsync(AppFactory app) =>
        app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("""SELECT "ReceiptCode" AS "Value" FROM "Ballots" ORDER BY ctid""").ToListAsync());

    /// <summary>Spearman's rank correlation of the same items in two orders: near 1 when one order gives away the other.</summary>
    internal static double RankCorrelation(IReadOnlyList<string> first, IReadOnlyList<string> second)
    {
        var rank = second.Select((item, i) => (item, i)).ToDictionary(x => x.item, x => x.i);
        var n = first.Count;
        var d2 = first.Select((item, i) => Math.Pow(i - rank[item], 2)).Sum();
        return 1 - 6 * d2 / (n * ((double)n * n - 1));
    }
}
