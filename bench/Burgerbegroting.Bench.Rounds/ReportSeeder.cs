using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Data.Stemcodes;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Paper;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Bench.Rounds;

/// <summary>
/// A city's worth of stemcodes and ballots for the report bench, straight into the tables with multi-row INSERTs
/// (<see cref="BallotSeeder"/>): codes in 17 buurten of different sizes with birth years, and per voting round a random
/// share of the codes voting online with a valid ballot of that round. Ideas go in through EF, admitted.
/// </summary>
public static class ReportSeeder
{
    private static readonly int[] Popularity = [5, 4, 3, 3, 2, 2, 1];

    /// <summary>Seeds the codes and returns their voter ids.</summary>
    public static async Task<string[]> SeedCodesAsync(AppDbContext db, int editionId, int count, Random random)
    {
        var buurten = await db.Buurten.Where(b => b.EditionId == editionId).OrderBy(b => b.Name).Select(b => b.Name).ToListAsync();
        var weights = buurten.Select((_, i) => 3 + (i * 7 % 8)).ToArray();
        var batch = new StemcodeBatch { EditionId = editionId, Kind = StemcodeBatchKind.Register, CreatedAt = DateTime.UtcNow, CreatedBy = "bench", Count = count };
        db.StemcodeBatches.Add(batch);
        await db.SaveChangesAsync();
        var voters = Enumerable.Range(0, count).Select(_ => Guid.NewGuid().ToString()).ToArray();
        var rows = Enumerable.Range(0, count).Select(i =>
        {
            var hash = new byte[32];
            random.NextBytes(hash);
            int? born = random.NextDouble() < 0.03 ? null : 1930 + random.Next(80);
            return new object[] { editionId, batch.Id, i, hash, voters[i], buurten[Pick(random, weights)], (object?)born ?? DBNull.Value };
        });
        await InsertAsync(db, "VotingCodes", ["EditionId", "BatchId", "Index", "Hash", "VoterId", "Buurt", "BirthYear"], rows, []);
        return voters;
    }

    /// <summary>Ideas for round 3 (<paramref name="ideasPerTheme"/> per theme); for rounds 1, 2 and 4, <paramref name="count"/> ballots of randomly chosen codes.</summary>
    public static async Task SeedRoundAsync(AppDbContext db, int editionId, RoundKind kind, string[] voters, int count, Random random, int ideasPerTheme = 8)
    {
        var round = await db.Rounds.SingleAsync(r => r.EditionId == editionId && r.Number == (int)kind);
        var themes = await db.Themes.Where(t => t.EditionId == editionId).OrderBy(t => t.Position).ToListAsync();
        if (kind == RoundKind.Ideas)
        {
            await AddIdeasAsync(db, editionId, themes.Where(t => t.Budget is not null).ToList(), random, ideasPerTheme);
            return;
        }

        Func<List<object[]>> entries = kind switch
        {
            RoundKind.ThemeChoice => () => ThemeChoice(random, [.. themes.Select(t => t.Id)]),
            RoundKind.BudgetSplit => () => Split(random, [.. themes.Where(t => t.Chosen).Select(t => t.Id)]),
            _ => await SelectionAsync(db, editionId, themes, random),
        };
        var chosen = voters.ToArray();
        random.Shuffle(chosen);
        var first = (await db.Ballots.MaxAsync(b => (long?)b.Id) ?? 0) + 1;
        var now = DateTime.UtcNow;
        // As the ballot desk stores them (docs/secrecy.md): who voted in Participations, the ballot under a pseudonym
        // (random here: no voter looks theirs up in the bench) with a unique receipt code.
        var ballots = Enumerable.Range(0, count).Select(i => new object[] { first + i, round.Id, Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)), BallotSeeder.Receipt(first + i) });
        var nextLine = first * 100;
        var lines = Enumerable.Range(0, count).SelectMany(i => entries().Select(e => (object[])[nextLine++, first + i, .. e]));
        await InsertAsync(db, "Ballots", ["Id", "RoundId", "Pseudonym", "ReceiptCode"], ballots, ["BallotEntries", "Id", "BallotId", "ThemeId", "IdeaId", "Value"], lines);
        var participations = Enumerable.Range(0, count).Select(i => new object[] { round.Id, chosen[i], (int)BallotChannel.Stemcode, now, now });
        await InsertAsync(db, "Participations", ["RoundId", "VoterId", "Channel", "FirstVotedAt", "LastVotedAt"], participations, []);
    }

    /// <summary>1 to 3 themes, the popular ones more often.</summary>
    private static List<object[]> ThemeChoice(Random random, int[] themes)
    {
        var picked = new HashSet<int>();
        var wanted = 1 + random.Next(3);
        while (picked.Count < wanted)
        {
            picked.Add(themes[Pick(random, Popularity[..themes.Length])]);
        }

        return [.. picked.Select(t => new object[] { t, DBNull.Value, 1 })];
    }

    /// <summary>Whole percentages adding up to 100: the gaps between sorted random cut points.</summary>
    private static List<object[]> Split(Random random, int[] themes)
    {
        var cuts = new int[themes.Length + 1];
        cuts[^1] = 100;
        for (var i = 1; i < themes.Length; i++)
        {
            cuts[i] = random.Next(101);
        }

        Array.Sort(cuts);
        return [.. themes.Select((t, i) => new object[] { t, DBNull.Value, cuts[i + 1] - cuts[i] })];
    }

    /// <summary>Per theme (most voters vote in most themes) ideas in a random order, each taken if it still fits the budget.</summary>
    private static async Task<Func<List<object[]>>> SelectionAsync(AppDbContext db, int editionId, List<Data.Editions.Theme> themes, Random random)
    {
        var ideas = await db.Ideas.Where(i => i.EditionId == editionId && i.Status == IdeaStatus.Admitted)
            .Select(i => new { i.Id, i.ThemeId, Cost = i.FinalCost!.Value }).ToListAsync();
        var perTheme = themes.Where(t => t.Budget is not null).Select(t => (t.Id, t.Budget!.Value, Ideas: ideas.Where(i => i.ThemeId == t.Id).Select(i => (i.Id, i.Cost)).ToArray())).ToList();
        return () =>
        {
            var lines = new List<object[]>();
            foreach (var (theme, budget, options) in perTheme.Where(_ => random.NextDouble() < 0.85))
            {
                var left = budget;
                foreach (var (id, cost) in options.OrderBy(o => random.NextDouble() * (1 + (o.Id % 3))))
                {
                    if (cost <= left && random.NextDouble() < 0.6)
                    {
                        lines.Add([theme, id, 1]);
                        left -= cost;
                    }
                }
            }

            return lines.Count > 0 ? lines : [[perTheme[0].Id, perTheme[0].Ideas[0].Id, 1]];
        };
    }

    private static async Task AddIdeasAsync(AppDbContext db, int editionId, List<Data.Editions.Theme> themes, Random random, int ideasPerTheme)
    {
        var submitter = new AppUser { UserName = "indiener@example.nl", Email = "indiener@example.nl", Kind = AccountKind.Resident, CreatedAt = DateTime.UtcNow };
        db.Users.Add(submitter);
        var buurten = await db.Buurten.Where(b => b.EditionId == editionId).Select(b => b.Id).ToListAsync();
        var at = DateTime.UtcNow;
        foreach (var theme in themes)
        {
            for (var i = 0; i < ideasPerTheme; i++)
            {
                var cost = (long)(theme.Budget!.Value * (0.04 + (random.NextDouble() * 0.36)));
                db.Ideas.Add(new Idea
                {
                    EditionId = editionId, ThemeId = theme.Id, BuurtId = buurten[random.Next(buurten.Count)], Title = $"{theme.Name}: idee {i + 1}",
                    Summary = "Een idee voor de buurt", Description = "Een idee voor de buurt.", EstimatedCost = cost, FinalCost = cost,
                    SubmitterId = submitter.Id, Status = IdeaStatus.Admitted, ReviewedAt = at, CreatedAt = at = at.AddMinutes(1), UpdatedAt = at,
                });
            }
        }

        await db.SaveChangesAsync();
    }

    private static int Pick(Random random, int[] weights)
    {
        var r = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            r -= weights[i];
            if (r < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    /// <summary>Rows into a table (and, with <paramref name="children"/>' table and columns, their child rows) in one transaction.</summary>
    private static async Task InsertAsync(AppDbContext db, string table, string[] columns, IEnumerable<object[]> rows, string[] children, IEnumerable<object[]>? childRows = null)
    {
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync();
        await BallotSeeder.InsertAsync(connection, transaction, table, columns, rows);
        if (childRows is not null)
        {
            await BallotSeeder.InsertAsync(connection, transaction, children[0], children[1..], childRows);
        }

        await transaction.CommitAsync();
        await db.Database.CloseConnectionAsync();

        // A database that took its votes over weeks has statistics on them; one filled in seconds has none until the
        // autovacuum comes by, and PostgreSQL then plans the close of round 4 as if the ballots were a handful.
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }
}
