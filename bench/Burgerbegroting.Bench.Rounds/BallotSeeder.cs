using System.Data.Common;
using Burgerbegroting.Data;
using Burgerbegroting.Voting;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Bench.Rounds;

/// <summary>
/// Writes round-2 ballots straight into the tables, in one transaction, with multi-row INSERTs (raw SQL is fine in
/// a bench, never in the app). Each ballot gets a participation; its voter has no foreign key to AspNetUsers, so the
/// voters are synthetic ids shaped like Identity's (a GUID string) and no accounts are made. Pseudonyms are random (no
/// voter looks a ballot up in the bench) and receipt codes are the ballot's number in the code alphabet (unique).
/// </summary>
public static class BallotSeeder
{
    private const int RowsPerInsert = 500;

    /// <summary>Seeds <paramref name="ballots"/> random valid splits and returns the sum of the percentages per theme.</summary>
    public static async Task<long[]> SeedAsync(AppDbContext db, int roundId, IReadOnlyList<int> themes, int ballots, int seed)
    {
        var random = new Random(seed);
        var sums = new long[themes.Count];
        var now = DateTime.UtcNow;
        // Explicit ballot ids let the entries refer to them without reading them back; the database is new and empty.
        var ballotRows = Enumerable.Range(1, ballots).Select(id => new object[] { (long)id, roundId, Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), Receipt(id) });
        var participationRows = Enumerable.Range(1, ballots).Select(_ => new object[] { roundId, Guid.NewGuid().ToString(), 0, now, now });
        var entryRows = Enumerable.Range(1, ballots).SelectMany(id =>
        {
            var split = RandomSplit(random, themes);
            for (var t = 0; t < themes.Count; t++)
            {
                sums[t] += split[themes[t]];
            }

            return themes.Select((theme, t) => new object[] { (long)id * 100 + t, (long)id, theme, split[theme] });
        });

        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync();
        await InsertAsync(connection, transaction, "Ballots", ["Id", "RoundId", "Pseudonym", "ReceiptCode"], ballotRows);
        await InsertAsync(connection, transaction, "BallotEntries", ["Id", "BallotId", "ThemeId", "Value"], entryRows);
        await InsertAsync(connection, transaction, "Participations", ["RoundId", "VoterId", "Channel", "FirstVotedAt", "LastVotedAt"], participationRows);
        await transaction.CommitAsync();
        await db.Database.CloseConnectionAsync();
        return sums;
    }

    /// <summary>The ballot's number written in the receipt-code alphabet: "AAAA-AAAB" for 1.</summary>
    internal static string Receipt(long id)
    {
        var alphabet = Burgerbegroting.Voting.Secrecy.ReceiptCode.Alphabet;
        var code = new char[8];
        for (var i = 7; i >= 0; i--, id /= alphabet.Length)
        {
            code[i] = alphabet[(int)(id % alphabet.Length)];
        }

        return $"{new string(code, 0, 4)}-{new string(code, 4, 4)}";
    }

    /// <summary>Whole percentages adding up to 100: the gaps between sorted random cut points in 0..100.</summary>
    private static Dictionary<int, int> RandomSplit(Random random, IReadOnlyList<int> themes)
    {
        var cuts = new int[themes.Count + 1];
        cuts[^1] = 100;
        for (var i = 1; i < themes.Count; i++)
        {
            cuts[i] = random.Next(101);
        }

        Array.Sort(cuts);
        var split = themes.Select((theme, i) => (theme, share: cuts[i + 1] - cuts[i])).ToDictionary(x => x.theme, x => x.share);
        if (BudgetSplit.Validate(split, [.. themes]).Count > 0)
        {
            throw new InvalidOperationException("The bench made an invalid split.");
        }

        return split;
    }

    internal static async Task InsertAsync(DbConnection connection, DbTransaction transaction, string table, string[] columns, IEnumerable<object[]> rows)
    {
        DbCommand? full = null;
        var batch = new List<object[]>(RowsPerInsert);
        foreach (var row in rows)
        {
            batch.Add(row);
            if (batch.Count == RowsPerInsert)
            {
                full ??= Command(RowsPerInsert);
                await RunAsync(full, batch);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await using var rest = Command(batch.Count);
            await RunAsync(rest, batch);
        }

        if (full is not null)
        {
            await full.DisposeAsync();
        }

        DbCommand Command(int rowCount)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            var tuples = new List<string>(rowCount);
            for (var r = 0; r < rowCount; r++)
            {
                var names = columns.Select((_, c) => $"@p{r}_{c}").ToList();
                foreach (var name in names)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = name;
                    command.Parameters.Add(parameter);
                }

                tuples.Add($"({string.Join(", ", names)})");
            }

            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES {string.Join(", ", tuples)}";
            return command;
        }
    }

    private static async Task RunAsync(DbCommand command, List<object[]> batch)
    {
        for (var r = 0; r < batch.Count; r++)
        {
            for (var c = 0; c < batch[r].Length; c++)
            {
                command.Parameters[(r * batch[r].Length) + c].Value = batch[r][c];
            }
        }

        await command.ExecuteNonQueryAsync();
    }
}
