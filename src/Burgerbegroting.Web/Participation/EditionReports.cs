using System.Globalization;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Events;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Participation;
using Burgerbegroting.Web.Audit;
using Burgerbegroting.Web.Selection;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Participation;

/// <summary>
/// The edition report for the council (docs/participation.md, "The edition report"): the published rounds with their
/// outcomes and participation figures, and staff's decisions from the audit log. Only published rounds are in it; the
/// edition itself (name, budget, rule, dates) is the one loaded for the request, the rest is kept (<see cref="FigureCache"/>).
/// Counts of people are the raw figures here: every output suppresses small groups through <see cref="ParticipationTables"/>.
/// </summary>
public sealed record EditionReport(
    Edition Edition,
    ThemeChoiceReport? ThemeChoice,
    BudgetReport? Budget,
    IdeasReport? Ideas,
    SelectionReport? Selection,
    IReadOnlyList<StaffDecision> Decisions);

/// <summary>Round 1: approvals per theme and whether it went through (with staff's choice after a tie).</summary>
public sealed record ThemeChoiceReport(Round Round, RoundParticipation Figures, IReadOnlyList<ThemeVotes> Themes);

public sealed record ThemeVotes(string Theme, long Votes, ThemeOutcome Outcome)
{
    public bool Chosen => Outcome is ThemeOutcome.Chosen or ThemeOutcome.ChosenByStaff;
}

/// <summary>Round 2: each chosen theme's mean share and the budget it got.</summary>
public sealed record BudgetReport(Round Round, RoundParticipation Figures, IReadOnlyList<ThemeBudget> Themes);

/// <param name="PercentageSum">The shares of all ballots together; divided by the ballots it is the mean share.</param>
public sealed record ThemeBudget(string Theme, long PercentageSum, long Budget);

/// <summary>Round 3: the ideas in figures.</summary>
public sealed record IdeasReport(Round Round, IdeaParticipation Figures);

/// <summary>Round 4: per theme its budget and its winners, chosen by the edition's rule.</summary>
public sealed record SelectionReport(Round Round, RoundParticipation Figures, IReadOnlyList<ThemeWinners> Themes);

public sealed record ThemeWinners(int ThemeId, string Theme, long Budget, int Ideas, IReadOnlyList<Winner> Winners)
{
    public long Spent => Winners.Sum(w => w.Cost);
}

public sealed record Winner(int IdeaId, string Title, long Votes, long Cost);

/// <summary>What staff decided that shaped the outcome, as the audit log has it.</summary>
public enum DecisionKind
{
    /// <summary>Round 1: themes tied at the cut-off; staff chose which went through.</summary>
    Tie,

    /// <summary>Round 3: an idea not admitted, with its public reason and explanation.</summary>
    IdeaNotAdmitted,

    /// <summary>An idea hidden (after reports): left out of the figures and of round 4; its title and reason are not public.</summary>
    IdeaHidden,

    /// <summary>A paper sheet whose two entries differed, decided by a coordinator: counted or invalid.</summary>
    SheetDecided,

    /// <summary>A stemcode revoked (a lost letter), possibly with a new one; a ballot of it in an open round was withdrawn.</summary>
    StemcodeRevoked,
}

/// <summary>
/// One decision. Only what is public already: themes, an idea's title with its reason and staff's explanation (as on
/// the idea's page), a sheet's number, its event and the outcome. Never who a resident is, and not the staff member's name.
/// </summary>
/// <param name="Subject">The chosen themes, the idea's title, the event's name; empty for a hidden idea or a stemcode.</param>
/// <param name="Others">Tie: every tied theme. Sheet: its number.</param>
/// <param name="Reason">Idea: the reason key (ReviewReason.*). Sheet: why invalid (SheetInvalidReason.*), or null when counted.</param>
/// <param name="Note">Tie or idea: staff's explanation.</param>
/// <param name="Round">The round it belongs to; null for a stemcode, which counts for every round.</param>
/// <param name="Replaced">Stemcode: a new code was issued for the same address.</param>
public sealed record StaffDecision(
    DateTime At, DecisionKind Kind, RoundKind? Round, string Subject, string? Others = null, string? Reason = null, string? Note = null, bool Replaced = false);

/// <summary>Builds the <see cref="EditionReport"/> of an edition from what its published rounds stored.</summary>
public sealed class EditionReports(AppDbContext db, ParticipationFigures figures, FigureCache cache)
{
    private static readonly string[] DecisionActions =
        [AuditActions.TieResolved, AuditActions.IdeaNotAdmitted, AuditActions.IdeaHidden, AuditActions.SheetDecided, AuditActions.StemcodeRevoked, AuditActions.StemcodeReplaced];

    /// <summary>The report, or null while no round is published.</summary>
    public async Task<EditionReport?> LoadAsync(Edition edition)
    {
        if (!edition.Rounds.Any(r => ResultsVisibility.IsPublic(r.Status)))
        {
            return null;
        }

        // Theme names are in the reader's language, so each language keeps its own.
        var key = FigureCache.EditionKey("report-" + CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, edition);
        var parts = await cache.GetOrAddAsync(key, () => PartsAsync(edition));
        return new EditionReport(edition, parts.ThemeChoice, parts.Budget, parts.Ideas, parts.Selection, parts.Decisions);
    }

    private sealed record Parts(ThemeChoiceReport? ThemeChoice, BudgetReport? Budget, IdeasReport? Ideas, SelectionReport? Selection, IReadOnlyList<StaffDecision> Decisions);

    private async Task<Parts> PartsAsync(Edition edition)
    {
        var published = edition.Rounds.Where(r => ResultsVisibility.IsPublic(r.Status)).ToDictionary(r => r.Kind);
        return new Parts(
            published.TryGetValue(RoundKind.ThemeChoice, out var one) ? await ThemeChoiceAsync(edition, one) : null,
            published.TryGetValue(RoundKind.BudgetSplit, out var two) ? await BudgetAsync(edition, two) : null,
            published.TryGetValue(RoundKind.Ideas, out var three) ? new IdeasReport(three, await figures.IdeasAsync(edition, three)) : null,
            published.TryGetValue(RoundKind.Selection, out var four) ? await SelectionAsync(edition, four) : null,
            await DecisionsAsync(edition, published));
    }

    private async Task<ThemeChoiceReport> ThemeChoiceAsync(Edition edition, Round round)
    {
        var lines = await ThemeLines(round).Select(r => new ThemeVotes(Bilingual.Pick(r.Theme.Name, r.Theme.NameEn), r.Votes, r.Outcome)).ToListAsync();
        return new ThemeChoiceReport(round, await figures.RoundAsync(edition, round), lines);
    }

    private async Task<BudgetReport> BudgetAsync(Edition edition, Round round)
    {
        var lines = await ThemeLines(round).Select(r => new ThemeBudget(Bilingual.Pick(r.Theme.Name, r.Theme.NameEn), r.PercentageSum, r.Budget ?? 0)).ToListAsync();
        return new BudgetReport(round, await figures.RoundAsync(edition, round), lines);
    }

    private IQueryable<ThemeResult> ThemeLines(Round round) =>
        db.ThemeResults.AsNoTracking().Where(r => r.RoundId == round.Id).OrderBy(r => r.Rank);

    private async Task<SelectionReport> SelectionAsync(Edition edition, Round round)
    {
        var results = await db.IdeaResults.AsNoTracking().Where(r => r.RoundId == round.Id)
            .Select(r => new { r.ThemeId, r.IdeaId, r.Idea.Title, r.Votes, r.Cost, r.Selected, r.Step }).ToListAsync();
        var themes = edition.SelectionThemes().Select(t => new ThemeWinners(t.Id, t.DisplayName, t.Budget ?? 0, results.Count(r => r.ThemeId == t.Id),
            [.. results.Where(r => r.ThemeId == t.Id && r.Selected).OrderBy(r => r.Step).Select(r => new Winner(r.IdeaId, r.Title, r.Votes, r.Cost))]));
        return new SelectionReport(round, await figures.RoundAsync(edition, round), [.. themes.Where(t => t.Ideas > 0)]);
    }

    /// <summary>
    /// Staff's decisions from the audit log, each shown with what is public of its subject now, for the rounds that are
    /// published: a tie of round 1, ideas refused or hidden once round 3 is, a paper sheet once its round is.
    /// </summary>
    private async Task<IReadOnlyList<StaffDecision>> DecisionsAsync(Edition edition, Dictionary<RoundKind, Round> published)
    {
        var entries = await db.AuditEntries.AsNoTracking().Where(e => DecisionActions.Contains(e.Action)).OrderBy(e => e.Id)
            .Select(e => new { e.At, e.Action, e.SubjectId }).ToListAsync();
        var decisions = new List<StaffDecision>();
        if (published.TryGetValue(RoundKind.ThemeChoice, out var one) && entries.LastOrDefault(e => e.Action == AuditActions.TieResolved && e.SubjectId == Id(one.Id)) is { } tie)
        {
            decisions.Add(await TieAsync(tie.At, one));
        }

        if (published.ContainsKey(RoundKind.Ideas))
        {
            decisions.AddRange(await IdeaDecisionsAsync(edition, [.. entries.Where(e => e.Action is AuditActions.IdeaNotAdmitted or AuditActions.IdeaHidden).Select(e => (e.At, e.Action, e.SubjectId))]));
        }

        decisions.AddRange(await SheetDecisionsAsync(published, [.. entries.Where(e => e.Action == AuditActions.SheetDecided).Select(e => (e.At, e.SubjectId))]));
        var revocations = entries.Where(e => e.Action is AuditActions.StemcodeRevoked or AuditActions.StemcodeReplaced).ToList();
        var ownCodes = await OwnCodesAsync(edition, [.. revocations.Select(e => e.SubjectId)]);
        decisions.AddRange(revocations.Where(e => ownCodes.Contains(e.SubjectId ?? ""))
            .Select(e => new StaffDecision(e.At, DecisionKind.StemcodeRevoked, null, "", Replaced: e.Action == AuditActions.StemcodeReplaced)));
        return [.. decisions.OrderBy(d => d.At)];
    }

    private async Task<StaffDecision> TieAsync(DateTime at, Round round)
    {
        var lines = await ThemeLines(round).Where(r => r.Outcome == ThemeOutcome.ChosenByStaff || r.Outcome == ThemeOutcome.NotChosenByStaff)
            .Select(r => new { r.Theme.Name, r.Outcome }).ToListAsync();
        var chosen = string.Join(", ", lines.Where(l => l.Outcome == ThemeOutcome.ChosenByStaff).Select(l => l.Name));
        // The round keeps "chosen names. note" (RoundLifecycle.ResolveTieAsync); the note is what follows the names.
        var note = round.TieResolution is { } text && text.StartsWith(chosen + ". ", StringComparison.Ordinal) ? text[(chosen.Length + 2)..] : null;
        return new StaffDecision(at, DecisionKind.Tie, RoundKind.ThemeChoice, chosen, string.Join(", ", lines.Select(l => l.Name)), Note: note);
    }

    /// <summary>Ideas of this edition as they stand now: a refusal only if the idea is still refused and visible; a hidden idea without its title.</summary>
    private async Task<IEnumerable<StaffDecision>> IdeaDecisionsAsync(Edition edition, List<(DateTime At, string Action, string? SubjectId)> entries)
    {
        var ids = entries.Select(e => int.TryParse(e.SubjectId, out var id) ? id : 0).Distinct().ToList();
        var ideas = await db.Ideas.AsNoTracking().Where(i => i.EditionId == edition.Id && ids.Contains(i.Id))
            .Select(i => new { i.Id, i.Title, i.Status, i.Hidden, i.ReviewReason, i.ReviewNote }).ToDictionaryAsync(i => Id(i.Id));
        // The last entry of each idea and kind: an idea refused, reviewed again and refused again is one refusal.
        var latest = entries.Where(e => ideas.ContainsKey(e.SubjectId ?? "")).GroupBy(e => (e.Action, e.SubjectId)).Select(g => g.Last());
        var decisions = new List<StaffDecision>();
        foreach (var (at, action, subject) in latest)
        {
            var idea = ideas[subject!];
            if (action == AuditActions.IdeaNotAdmitted && idea.Status == IdeaStatus.NotAdmitted && !idea.Hidden)
            {
                decisions.Add(new StaffDecision(at, DecisionKind.IdeaNotAdmitted, RoundKind.Ideas, idea.Title, Reason: idea.ReviewReason, Note: idea.ReviewNote));
            }
            else if (action == AuditActions.IdeaHidden && idea.Hidden)
            {
                decisions.Add(new StaffDecision(at, DecisionKind.IdeaHidden, RoundKind.Ideas, ""));
            }
        }

        return decisions;
    }

    private async Task<IEnumerable<StaffDecision>> SheetDecisionsAsync(Dictionary<RoundKind, Round> published, List<(DateTime At, string? SubjectId)> entries)
    {
        var ids = entries.Select(e => long.TryParse(e.SubjectId, out var id) ? id : 0).Distinct().ToList();
        var rounds = published.Values.ToDictionary(r => r.Id, r => r.Kind);
        var roundIds = rounds.Keys.ToList();
        var sheets = await (from s in db.PaperSheets.AsNoTracking()
                            join v in db.VotingEvents on s.EventId equals v.Id
                            where ids.Contains(s.Id) && roundIds.Contains(s.RoundId)
                            select new { s.Id, s.Number, s.RoundId, s.Status, s.InvalidReason, v.Name }).ToDictionaryAsync(s => s.Id.ToString(CultureInfo.InvariantCulture));
        return from e in entries
               where sheets.ContainsKey(e.SubjectId ?? "")
               let s = sheets[e.SubjectId!]
               select new StaffDecision(e.At, DecisionKind.SheetDecided, rounds[s.RoundId], s.Name, Events.PaperForms.Number(s.Number),
                   Reason: s.Status == SheetStatus.Invalid ? s.InvalidReason?.ToString() ?? "" : null);
    }

    /// <summary>Of the revoked codes in the log, those of this edition (the log holds every edition's).</summary>
    private async Task<HashSet<string>> OwnCodesAsync(Edition edition, List<string?> codes)
    {
        var ids = codes.Select(c => long.TryParse(c, out var id) ? id : 0).Distinct().ToList();
        var own = await db.VotingCodes.AsNoTracking().Where(c => c.EditionId == edition.Id && ids.Contains(c.Id)).Select(c => c.Id).ToListAsync();
        return [.. own.Select(id => id.ToString(CultureInfo.InvariantCulture))];
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
