using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Email;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Email;
using Burgerbegroting.Web.Selection;
using RoundStatus = Burgerbegroting.Voting.RoundStatus;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Burgerbegroting.Web.Tests.Storage;

/// <summary>
/// No SQL Server engine runs on the build machines, so what can be proven without one is: the SQL that EF Core
/// generates for SQL Server, for the whole schema and for the hot paths, is valid T-SQL (SQL Server 2022 syntax).
/// </summary>
public sealed class SqlServerScriptTests
{
    private static string IdempotentScript()
    {
        using var db = new SqlServerOffline().NewContext();
        return db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
    }

    [Fact]
    public void The_idempotent_SqlServer_migration_script_parses_without_errors()
    {
        var script = IdempotentScript();
        Assert.Contains("CREATE TABLE [Ballots]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [DataProtectionKeys]", script, StringComparison.Ordinal);
        TSql.AssertValid(script);
    }

    [Fact]
    public void A_deliberately_broken_script_fails_the_parser()
    {
        var script = IdempotentScript();
        Assert.NotEmpty(TSql.Errors(ReplaceFirst(script, "CREATE TABLE [Ballots]", "CREATE TABEL [Ballots]")));
        // Also inside EXEC('...'), where EF Core puts the filtered unique indexes.
        Assert.NotEmpty(TSql.Errors(ReplaceFirst(script, "CREATE UNIQUE INDEX [UserNameIndex]", "CREATE UNIQUE INDX [UserNameIndex]")));
        Assert.NotEmpty(TSql.Errors("UPDATE [Rounds] SET [Status] = WHERE [Id] = 1;"));
    }

    [Fact]
    public async Task Casting_a_ballot_generates_valid_TSql_including_the_conditional_round_claim()
    {
        var sql = new SqlServerOffline();
        await using var db = sql.NewContext();

        Assert.Equal(1, await BallotDesk.ClaimOpenRoundAsync(db, 7));
        var claim = sql.Batches[^1];
        Assert.Contains("UPDATE [r]", claim, StringComparison.Ordinal);
        Assert.Contains("[r].[BallotWrites] + CAST(1 AS bigint)", claim, StringComparison.Ordinal);
        Assert.Contains("[r].[Status] = 1", claim, StringComparison.Ordinal);

        var pseudonym = new string('a', Burgerbegroting.Voting.Secrecy.BallotPseudonym.Length);
        var lookup = await sql.CaptureAsync(() => BallotDesk.BallotOf(db, 7, pseudonym).SingleOrDefaultAsync());

        // The save of a first ballot (its first batch: the participation, the ballot and the receipt), and of a replaced one.
        var ballot = new Ballot { Id = Ballot.NewId(), RoundId = 7, Pseudonym = pseudonym, ReceiptCode = "ABCD-EFGH" };
        ballot.Entries.AddRange([new BallotEntry { BallotId = ballot.Id, ThemeId = 1, Value = 1 }, new BallotEntry { BallotId = ballot.Id, ThemeId = 2, Value = 1 }]);
        db.Ballots.Add(ballot);
        db.Participations.Add(new ParticipationRecord { RoundId = 7, VoterId = "voter-id", FirstVotedAt = DateTime.UtcNow, LastVotedAt = DateTime.UtcNow });
        db.OutboxMessages.Add(Receipt());
        var firstSave = await sql.CaptureAsync(() => db.SaveChangesAsync());
        Assert.Contains("INSERT INTO [Ballots]", firstSave, StringComparison.Ordinal);
        Assert.Contains("INSERT INTO [Participations]", firstSave, StringComparison.Ordinal);
        Assert.Contains("INSERT INTO [OutboxMessages]", firstSave, StringComparison.Ordinal);
        db.ChangeTracker.Clear();

        var existing = new Ballot { Id = 40, RoundId = 7, Pseudonym = pseudonym, ReceiptCode = "ABCD-EFGH", Entries = [new() { Id = 400, BallotId = 40, ThemeId = 1, Value = 1 }] };
        var participation = new ParticipationRecord { RoundId = 7, VoterId = "voter-id", FirstVotedAt = DateTime.UtcNow, LastVotedAt = DateTime.UtcNow };
        db.Ballots.Attach(existing);
        db.Participations.Attach(participation);
        db.BallotEntries.RemoveRange(existing.Entries);
        existing.Entries.Clear();
        participation.LastVotedAt = DateTime.UtcNow.AddMinutes(1);
        existing.Entries.AddRange([new BallotEntry { BallotId = 40, ThemeId = 2, Value = 1 }, new BallotEntry { BallotId = 40, ThemeId = 3, Value = 1 }]);
        db.OutboxMessages.Add(Receipt());
        var replacingSave = await sql.CaptureAsync(() => db.SaveChangesAsync());
        Assert.Contains("DELETE FROM [BallotEntries]", replacingSave, StringComparison.Ordinal);
        Assert.Contains("UPDATE [Participations]", replacingSave, StringComparison.Ordinal);
        Assert.Contains("INSERT INTO [BallotEntries]", replacingSave, StringComparison.Ordinal);

        foreach (var batch in new[] { claim, lookup, firstSave, replacingSave })
        {
            TSql.AssertValid(batch);
        }
    }

    [Fact]
    public async Task Closing_a_round_and_computing_its_results_generates_valid_TSql()
    {
        var sql = new SqlServerOffline();
        await using var db = sql.NewContext();

        Assert.Equal(1, await RoundLifecycle.MarkClosedAsync(db, 7, DateTime.UtcNow));
        var close = sql.Batches[^1];
        Assert.Contains("[r].[Status] = 1", close, StringComparison.Ordinal);

        var totals = await sql.CaptureAsync(() => ResultsCalculator.ThemeTotals(db, 7).ToListAsync());
        Assert.Contains("COUNT_BIG(*)", totals, StringComparison.Ordinal);
        var roundId = 7;
        var ballots = await sql.CaptureAsync(() => db.Ballots.CountAsync(b => b.RoundId == roundId));
        var ideas = await sql.CaptureAsync(() => SelectionData.AdmittedIdeas(db, 3, 5).ToListAsync());
        var approvals = await sql.CaptureAsync(() => db.ApprovalCountsAsync([1, 2]));
        var grouped = await sql.CaptureAsync(() => db.GroupedApprovalsAsync(7, [(5, [1, 2])]));

        var before = sql.Batches.Count;
        await ResultsCalculator.DeleteResultsAsync(db, 7);
        var deletes = sql.Batches.Skip(before).ToList();
        Assert.Equal(2, deletes.Count);

        var round = new Round { Id = 7, EditionId = 3, Number = 1, Status = RoundStatus.Closed };
        db.Rounds.Attach(round);
        db.ThemeResults.AddRange([new ThemeResult { RoundId = 7, ThemeId = 1, Rank = 1, Votes = 10 }, new ThemeResult { RoundId = 7, ThemeId = 2, Rank = 2, Votes = 4 }]);
        round.BallotCount = 12;
        round.ResultsComputedAt = DateTime.UtcNow;
        var save = await sql.CaptureAsync(() => db.SaveChangesAsync());
        Assert.Contains("UPDATE [Rounds]", save, StringComparison.Ordinal);
        Assert.Contains("[ThemeResults]", save, StringComparison.Ordinal);

        foreach (var batch in new[] { close, totals, ballots, ideas, approvals, grouped, save }.Concat(deletes))
        {
            TSql.AssertValid(batch);
        }
    }

    /// <summary>The outbox sender's own due query and its claim with a lease (OutboxSender.DueIds and ClaimAsync).</summary>
    [Fact]
    public async Task The_outbox_claim_with_its_lease_generates_valid_TSql()
    {
        var sql = new SqlServerOffline();
        await using var db = sql.NewContext();
        var now = DateTime.UtcNow;
        var leaseEnd = now.AddMinutes(2);
        var id = Guid.NewGuid();

        var due = await sql.CaptureAsync(() => OutboxSender.DueIds(db, now, 20).ToListAsync());
        Assert.Equal(1, await OutboxSender.ClaimAsync(db, [id], "1234/abc@host", now, leaseEnd, CancellationToken.None));
        var claim = sql.Batches[^1];
        Assert.Contains("[LockedUntil] IS NULL", claim, StringComparison.Ordinal);

        TSql.AssertValid(due);
        TSql.AssertValid(claim);
    }

    private static OutboxMessage Receipt() => new()
    {
        To = "bewoner@example.nl",
        Subject = "Je stem is ontvangen",
        TextBody = "Je stem telt mee.",
        Kind = "ballot-receipt",
        CreatedAt = DateTime.UtcNow,
        NextAttemptAt = DateTime.UtcNow,
    };

    private static string ReplaceFirst(string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' is not in the script");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length));
    }
}
