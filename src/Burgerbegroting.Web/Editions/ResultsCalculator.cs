using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Selection;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Editions;

/// <summary>
/// Computes a closed round's results once and stores them (issue: results are not recomputed per request).
/// The database sums the ballots per theme; the rules in Burgerbegroting.Voting decide.
/// </summary>
public sealed class ResultsCalculator(AppDbContext db, SelectionCalculator selection, TimeProvider clock)
{
    public async Task EnsureComputedAsync(Round round)
    {
        if (round.ResultsComputedAt is null)
        {
            await ComputeAsync(round);
        }
    }

    public async Task ComputeAsync(Round round)
    {
        var edition = await db.Editions.Include(e => e.Themes).SingleAsync(e => e.Id == round.EditionId);
        // Rounds 1 and 2 are decided by the per-theme totals; round 4 by its ideas, which SelectionCalculator counts.
        var totals = round.Kind is RoundKind.ThemeChoice or RoundKind.BudgetSplit ? await ThemeTotals(db, round.Id).ToDictionaryAsync(t => t.ThemeId) : [];
        var ballots = await db.Ballots.CountAsync(b => b.RoundId == round.Id);

        var ideaResults = round.Kind == RoundKind.Selection ? await selection.ComputeAsync(round, edition) : [];
        var lines = round.Kind switch
        {
            RoundKind.ThemeChoice => ThemeChoiceResults(edition, totals.ToDictionary(t => t.Key, t => t.Value.Votes), ballots),
            RoundKind.BudgetSplit => BudgetSplitResults(edition, totals.ToDictionary(t => t.Key, t => t.Value.Sum), ballots),
            _ => [],
        };
        foreach (var line in lines)
        {
            line.RoundId = round.Id;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        await DeleteResultsAsync(db, round.Id);
        db.ThemeResults.AddRange(lines);
        db.IdeaResults.AddRange(ideaResults);
        round.BallotCount = ballots;
        round.ResultsComputedAt = clock.GetUtcNow().UtcDateTime;
        round.TieResolution = null;
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    /// <summary>Per theme: the ballot entries naming it and the sum of their values (percentages in round 2).</summary>
    internal static IQueryable<ThemeTotal> ThemeTotals(AppDbContext db, int roundId) =>
        from e in db.BallotEntries
        join b in db.Ballots on e.BallotId equals b.Id
        where b.RoundId == roundId
        group e by e.ThemeId into g
        select new ThemeTotal(g.Key, g.LongCount(), g.Sum(x => (long)x.Value));

    /// <summary>A recomputation replaces what an earlier one stored.</summary>
    internal static async Task DeleteResultsAsync(AppDbContext db, int roundId)
    {
        await db.ThemeResults.Where(r => r.RoundId == roundId).ExecuteDeleteAsync();
        await db.IdeaResults.Where(r => r.RoundId == roundId).ExecuteDeleteAsync();
    }

    private static List<ThemeResult> ThemeChoiceResults(Edition edition, Dictionary<int, long> approvals, long ballots)
    {
        var candidates = edition.Themes.OrderBy(t => t.Position).ThenBy(t => t.Id).Select(t => t.Id).ToList();
        var counts = candidates.Select(id => new ApprovalCount<int>(id, approvals.GetValueOrDefault(id))).ToList();
        var tally = ApprovalTally.FromCounts(counts, candidates, edition.ThemesToSelect, ballots);
        return [.. tally.Counts.Select((c, i) => new ThemeResult
        {
            ThemeId = c.Candidate,
            Rank = i + 1,
            Votes = c.Approvals,
            Outcome = tally.ClearlyIn.Contains(c.Candidate) ? ThemeOutcome.Chosen
                : tally.TiedAtCutoff.Contains(c.Candidate) ? ThemeOutcome.Tied
                : ThemeOutcome.NotChosen,
        })];
    }

    private static List<ThemeResult> BudgetSplitResults(Edition edition, Dictionary<int, long> percentageSums, long ballots)
    {
        var themes = edition.Themes.Where(t => t.Chosen).OrderBy(t => t.Position).ThenBy(t => t.Id).ToList();
        var sums = themes.Select(t => percentageSums.GetValueOrDefault(t.Id)).ToList();
        // Largest remainder over the percentage sums: budgets add up to the total exactly (docs/rules.md, round 2).
        var budgets = ballots == 0 ? null : LargestRemainder.Apportion(edition.TotalBudget, sums);
        // Ranked by share, largest first; equal shares keep the edition's theme order.
        var ranked = Enumerable.Range(0, themes.Count).OrderByDescending(i => sums[i]).ThenBy(i => i).ToList();
        return [.. ranked.Select((i, rank) => new ThemeResult
        {
            ThemeId = themes[i].Id,
            Rank = rank + 1,
            Votes = ballots,
            PercentageSum = sums[i],
            Budget = budgets?[i],
            Outcome = ThemeOutcome.Chosen,
        })];
    }
}

internal sealed record ThemeTotal(int ThemeId, long Votes, long Sum);
