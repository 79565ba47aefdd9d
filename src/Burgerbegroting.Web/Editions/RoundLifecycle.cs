using System.Globalization;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Audit;
using Burgerbegroting.Web.Secrecy;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Editions;

/// <summary>Round 1's themes tied at the cut-off, waiting for staff, and the seats they share.</summary>
public sealed record RoundTie(int RoundId, IReadOnlyList<ThemeResult> Tied, int Seats);

/// <summary>
/// Moves a round Planned → Open → Closed → Published as <see cref="RoundTransitions"/> allows, each step in the
/// audit log; closing computes the results, publishing feeds them to the next round and mails participants.
/// </summary>
public sealed class RoundLifecycle(AppDbContext db, AuditLog audit, ResultsCalculator results, PublicationMails mails, BallotKeys keys,
    PublishedFiles files, TimeProvider clock)
{
    /// <summary>What stops the round from opening now (<see cref="TransitionError.None"/>: nothing), for the confirmation page and the opening itself.</summary>
    public async Task<TransitionError> CanOpenAsync(int roundId)
    {
        var round = await db.Rounds.Include(r => r.Edition).ThenInclude(e => e.Rounds).SingleAsync(r => r.Id == roundId);
        var candidates = await db.Themes.CountAsync(t => t.EditionId == round.EditionId);
        return round.Edition.IsDraft ? TransitionError.EditionIsDraft : RoundTransitions.CanOpen(round.Kind, round.Edition.RoundStates(), candidates);
    }

    public async Task<TransitionError> OpenAsync(int roundId)
    {
        if (await CanOpenAsync(roundId) is var error and not TransitionError.None)
        {
            return error;
        }

        var round = await db.Rounds.Include(r => r.Edition).SingleAsync(r => r.Id == roundId);
        round.Status = RoundStatus.Open;
        round.OpenedAt = Now;
        await mails.EnqueueOpenedAsync(round, round.Edition);
        Record(AuditActions.RoundOpened, round);
        await db.SaveChangesAsync();
        if (round.Definition.HasBallot)
        {
            await keys.KeyAsync(round);
        }

        return TransitionError.None;
    }

    /// <summary>
    /// The close is acknowledged by one conditional update (the SQL form of <see cref="RoundTransitions.CanClose"/>):
    /// from then on no ballot is accepted. The results are computed afterwards from every ballot committed before it.
    /// </summary>
    public async Task<TransitionError> CloseAsync(int roundId)
    {
        if (await MarkClosedAsync(db, roundId, Now) == 0)
        {
            return TransitionError.WrongStatus;
        }

        var round = await db.Rounds.Include(r => r.Edition).SingleAsync(r => r.Id == roundId);
        Record(AuditActions.RoundClosed, round);
        await db.SaveChangesAsync();
        await results.ComputeAsync(round);
        await BallotOrder.ForgetAsync(db);
        return TransitionError.None;
    }

    /// <summary>
    /// The close itself: a conditional update of the round row, which waits for every ballot that has claimed the
    /// round (<see cref="BallotDesk.ClaimOpenRoundAsync"/>) to commit; 0 when the round was not open.
    /// </summary>
    internal static Task<int> MarkClosedAsync(AppDbContext db, int roundId, DateTime now) =>
        db.Rounds.Where(r => r.Id == roundId && r.Status == RoundStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RoundStatus.Closed).SetProperty(r => r.ClosedAt, now));

    /// <summary>What stops the closed round's results from being published now (<see cref="TransitionError.None"/>: nothing).</summary>
    public async Task<TransitionError> CanPublishAsync(int roundId)
    {
        var round = await db.Rounds.Include(r => r.Edition).SingleAsync(r => r.Id == roundId);
        if (RoundTransitions.CanPublish(round.Status) is var early and not TransitionError.None)
        {
            return early;
        }

        await results.EnsureComputedAsync(round);
        var facts = new PublishFacts(await db.ThemeResults.AnyAsync(r => r.RoundId == roundId && r.Outcome == ThemeOutcome.Tied), round.BallotCount,
            round.Definition.NeedsReviewedIdeasToPublish ? await UnreviewedIdeasAsync(round.EditionId) : 0,
            await PaperPendingAsync(roundId));
        return RoundTransitions.CanPublish(round.Kind, round.Status, facts);
    }

    public async Task<TransitionError> PublishAsync(int roundId)
    {
        if (await CanPublishAsync(roundId) is var error and not TransitionError.None)
        {
            return error;
        }

        var round = await db.Rounds.Include(r => r.Edition).ThenInclude(e => e.Themes).SingleAsync(r => r.Id == roundId);
        var lines = await db.ThemeResults.Where(r => r.RoundId == roundId).ToListAsync();
        ApplyResults(round, lines);
        round.Status = RoundStatus.Published;
        round.PublishedAt = Now;
        await mails.EnqueueAsync(round, round.Edition);
        // From this save on, nobody can tell which ballot was whose (docs/secrecy.md).
        await keys.ForgetAsync(round.Id);
        Record(AuditActions.RoundPublished, round);
        await db.SaveChangesAsync();
        // The open data is built once, now, rather than at every download.
        await files.StoreAllAsync(round.Id);
        return TransitionError.None;
    }

    /// <summary>Publishing feeds the next round: the theme choice fixes the chosen themes, the budget split their budgets.</summary>
    private static void ApplyResults(Round round, List<ThemeResult> lines)
    {
        var byTheme = lines.ToDictionary(l => l.ThemeId);
        foreach (var theme in round.Edition.Themes.Where(t => byTheme.ContainsKey(t.Id)))
        {
            var line = byTheme[theme.Id];
            switch (round.Kind)
            {
                case RoundKind.ThemeChoice:
                    theme.Chosen = line.Outcome is ThemeOutcome.Chosen or ThemeOutcome.ChosenByStaff;
                    break;
                case RoundKind.BudgetSplit:
                    theme.Budget = line.Budget;
                    break;
            }
        }
    }

    /// <summary>The themes tied at this round's cut-off and the seats they share (none tied: an empty list).</summary>
    public async Task<RoundTie> TieAsync(int roundId)
    {
        var themesToSelect = await db.Rounds.Where(r => r.Id == roundId).Select(r => r.Edition.ThemesToSelect).SingleAsync();
        var tied = await db.ThemeResults.Include(r => r.Theme).Where(r => r.RoundId == roundId && r.Outcome == ThemeOutcome.Tied).ToListAsync();
        var chosen = await db.ThemeResults.CountAsync(r => r.RoundId == roundId && r.Outcome == ThemeOutcome.Chosen);
        return new RoundTie(roundId, tied, TieDecision.Seats(themesToSelect, chosen));
    }

    /// <summary>Staff choose which of the themes tied at the cut-off go through (docs/rules.md, round 1).</summary>
    public async Task<bool> ResolveTieAsync(int roundId, IReadOnlyCollection<int> chosenThemeIds, string? note)
    {
        var round = await db.Rounds.Include(r => r.Edition).SingleAsync(r => r.Id == roundId);
        var tie = await TieAsync(roundId);
        if (!TieDecision.IsValid(round.Status, [.. tie.Tied.Select(t => t.ThemeId)], tie.Seats, chosenThemeIds))
        {
            return false;
        }

        foreach (var line in tie.Tied)
        {
            line.Outcome = chosenThemeIds.Contains(line.ThemeId) ? ThemeOutcome.ChosenByStaff : ThemeOutcome.NotChosenByStaff;
        }

        var names = string.Join(", ", tie.Tied.Where(t => chosenThemeIds.Contains(t.ThemeId)).Select(t => t.Theme.Name));
        var extra = string.IsNullOrWhiteSpace(note) ? "" : note.Trim();
        round.TieResolution = extra.Length == 0 ? names : $"{names}. {extra}";
        audit.Record(AuditActions.TieResolved, "round", Id(round),
            $"gekozen: {names}; gelijk geëindigd: {string.Join(", ", tie.Tied.Select(t => t.Theme.Name))}{(extra.Length == 0 ? "" : "; " + extra)}");
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>Paper sheets of the round typed in once only or in dispute: they hold up publishing (docs/events.md).</summary>
    public Task<int> PaperPendingAsync(int roundId) =>
        db.PaperSheets.CountAsync(s => s.RoundId == roundId && (s.Status == Data.Events.SheetStatus.Waiting || s.Status == Data.Events.SheetStatus.Disputed));

    public Task<int> UnreviewedIdeasAsync(int editionId) =>
        db.Ideas.CountAsync(i => i.EditionId == editionId && !i.Hidden && (i.Status == IdeaStatus.Submitted || i.Status == IdeaStatus.InReview));

    private void Record(string action, Round round) => audit.Record(action, "round", Id(round), $"{round.Edition.Name}, ronde {round.Number}");

    private static string Id(Round round) => round.Id.ToString(CultureInfo.InvariantCulture);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
