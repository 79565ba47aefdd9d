using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Editions;

public enum TransitionError
{
    None,
    WrongStatus,
    AnotherRoundOpen,
    PreviousNotPublished,
    NoCandidates,
    TieUnresolved,
    NoBallots,
    UnreviewedIdeas,
}

/// <summary>
/// Moves a round Planned → Open → Closed → Published (SPEC §3): only one round of an edition open at a time,
/// a round opens only when the previous one is published, each step in the audit log.
/// </summary>
public sealed class RoundLifecycle(AppDbContext db, AuditLog audit, ResultsCalculator results, PublicationMails mails, TimeProvider clock)
{
    public async Task<TransitionError> OpenAsync(int roundId)
    {
        var round = await db.Rounds.Include(r => r.Edition).ThenInclude(e => e.Rounds).SingleAsync(r => r.Id == roundId);
        var edition = round.Edition;
        var error = round.Status != RoundStatus.Planned ? TransitionError.WrongStatus
            : edition.Rounds.Any(r => r.Status == RoundStatus.Open) ? TransitionError.AnotherRoundOpen
            : round.Number > 1 && edition.Round(round.Number - 1).Status != RoundStatus.Published ? TransitionError.PreviousNotPublished
            : round.Number == 1 && !await db.Themes.AnyAsync(t => t.EditionId == edition.Id) ? TransitionError.NoCandidates
            : TransitionError.None;
        if (error != TransitionError.None)
        {
            return error;
        }

        round.Status = RoundStatus.Open;
        round.OpenedAt = Now;
        await mails.EnqueueOpenedAsync(round, edition);
        audit.Record(AuditActions.RoundOpened, "round", round.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{edition.Name}, ronde {round.Number}");
        await db.SaveChangesAsync();
        return TransitionError.None;
    }

    /// <summary>
    /// The close is acknowledged by one conditional update: from then on no ballot is accepted. The results are
    /// computed afterwards from every ballot committed before it, and stored.
    /// </summary>
    public async Task<TransitionError> CloseAsync(int roundId)
    {
        if (await MarkClosedAsync(db, roundId, Now) == 0)
        {
            return TransitionError.WrongStatus;
        }

        var round = await db.Rounds.Include(r => r.Edition).SingleAsync(r => r.Id == roundId);
        audit.Record(AuditActions.RoundClosed, "round", round.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{round.Edition.Name}, ronde {round.Number}");
        await db.SaveChangesAsync();
        await results.ComputeAsync(round);
        return TransitionError.None;
    }

    /// <summary>
    /// The close itself: a conditional update of the round row, which waits for every ballot that has claimed the
    /// round (<see cref="BallotBox.ClaimOpenRoundAsync"/>) to commit; 0 when the round was not open.
    /// </summary>
    internal static Task<int> MarkClosedAsync(AppDbContext db, int roundId, DateTime now) =>
        db.Rounds.Where(r => r.Id == roundId && r.Status == RoundStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RoundStatus.Closed).SetProperty(r => r.ClosedAt, now));

    public async Task<TransitionError> PublishAsync(int roundId)
    {
        var round = await db.Rounds.Include(r => r.Edition).ThenInclude(e => e.Themes).SingleAsync(r => r.Id == roundId);
        if (round.Status != RoundStatus.Closed)
        {
            return TransitionError.WrongStatus;
        }

        await results.EnsureComputedAsync(round);
        var lines = await db.ThemeResults.Where(r => r.RoundId == roundId).ToListAsync();
        if (lines.Any(l => l.Outcome == ThemeOutcome.Tied))
        {
            return TransitionError.TieUnresolved;
        }

        if (round.Number == 2 && round.BallotCount == 0)
        {
            return TransitionError.NoBallots;
        }

        // Round 3: every idea needs its feasibility decision before the admitted ones go on to round 4.
        if (round.Number == 3 && await UnreviewedIdeasAsync(round.EditionId) > 0)
        {
            return TransitionError.UnreviewedIdeas;
        }

        ApplyResults(round, lines);
        round.Status = RoundStatus.Published;
        round.PublishedAt = Now;
        await mails.EnqueueAsync(round, round.Edition);
        audit.Record(AuditActions.RoundPublished, "round", round.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{round.Edition.Name}, ronde {round.Number}");
        await db.SaveChangesAsync();
        return TransitionError.None;
    }

    /// <summary>Publishing feeds the next round: round 1 fixes the chosen themes, round 2 their budgets.</summary>
    private static void ApplyResults(Round round, List<ThemeResult> lines)
    {
        var byTheme = lines.ToDictionary(l => l.ThemeId);
        foreach (var theme in round.Edition.Themes)
        {
            if (!byTheme.TryGetValue(theme.Id, out var line))
            {
                continue;
            }

            if (round.Number == 1)
            {
                theme.Chosen = line.Outcome is ThemeOutcome.Chosen or ThemeOutcome.ChosenByStaff;
            }
            else if (round.Number == 2)
            {
                theme.Budget = line.Budget;
            }
        }
    }

    /// <summary>Staff choose which of the themes tied at the cut-off go through (SPEC §3, round 1).</summary>
    public async Task<bool> ResolveTieAsync(int roundId, IReadOnlyCollection<int> chosenThemeIds, string? note)
    {
        var round = await db.Rounds.Include(r => r.Edition).SingleAsync(r => r.Id == roundId);
        var tied = await db.ThemeResults.Include(r => r.Theme).Where(r => r.RoundId == roundId && r.Outcome == ThemeOutcome.Tied).ToListAsync();
        var seats = round.Edition.ThemesToSelect - await db.ThemeResults.CountAsync(r => r.RoundId == roundId && r.Outcome == ThemeOutcome.Chosen);
        if (round.Status != RoundStatus.Closed || tied.Count == 0 || chosenThemeIds.Count != seats || !chosenThemeIds.All(id => tied.Any(t => t.ThemeId == id)))
        {
            return false;
        }

        foreach (var line in tied)
        {
            line.Outcome = chosenThemeIds.Contains(line.ThemeId) ? ThemeOutcome.ChosenByStaff : ThemeOutcome.NotChosenByStaff;
        }

        var names = string.Join(", ", tied.Where(t => chosenThemeIds.Contains(t.ThemeId)).Select(t => t.Theme.Name));
        round.TieResolution = string.IsNullOrWhiteSpace(note) ? names : $"{names}. {note.Trim()}";
        audit.Record(AuditActions.TieResolved, "round", round.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"gekozen: {names}; gelijk geëindigd: {string.Join(", ", tied.Select(t => t.Theme.Name))}{(string.IsNullOrWhiteSpace(note) ? "" : "; " + note.Trim())}");
        await db.SaveChangesAsync();
        return true;
    }

    public Task<int> UnreviewedIdeasAsync(int editionId) =>
        db.Ideas.CountAsync(i => i.EditionId == editionId && !i.Hidden && (i.Status == IdeaStatus.Submitted || i.Status == IdeaStatus.InReview));

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
