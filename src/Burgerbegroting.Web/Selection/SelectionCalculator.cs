using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Voting;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Selection;

/// <summary>
/// Round 4 at close: per theme, the edition's outcome rule over the admitted ideas and their final costs
/// (docs/rules.md, "Rounds"). Each idea's result keeps the rule's explanation, for the results page and the idea's page.
/// </summary>
public sealed class SelectionCalculator(AppDbContext db)
{
    public async Task<List<IdeaResult>> ComputeAsync(Round round, Edition edition)
    {
        var rule = SelectionElection.Rule(edition.OutcomeRule);
        var themes = new List<(Theme Theme, List<SelectionIdea> Ideas)>();
        foreach (var theme in edition.SelectionThemes())
        {
            themes.Add((theme, SelectionElection.InTieBreakOrder(await db.AdmittedIdeasAsync(edition.Id, theme.Id))));
        }

        var elections = await ElectionsAsync(round, rule, themes);
        var results = new List<IdeaResult>();
        for (var t = 0; t < themes.Count; t++)
        {
            var outcome = rule.Run(elections[t].Election);
            results.AddRange(outcome.Projects.Select(p => ToResult(round, themes[t].Theme, elections[t], outcome, p)));
        }

        return results;
    }

    /// <summary>
    /// A rule that needs only how many ballots approve each idea (greedy) gets the counts, summed by the database; any
    /// other gets the ballots grouped as they stream past. Either way the round's ballots are read once, not per theme.
    /// </summary>
    private async Task<List<SelectionElection>> ElectionsAsync(Round round, IOutcomeRule rule, List<(Theme Theme, List<SelectionIdea> Ideas)> themes)
    {
        if (rule.CountsSuffice)
        {
            var counts = await db.ApprovalCountsAsync([.. themes.SelectMany(t => t.Ideas.Select(i => i.Id))]);
            return [.. themes.Select(t => SelectionElection.FromCounts(t.Theme, t.Ideas,
                t.Ideas.ToDictionary(i => i.Id, i => counts.GetValueOrDefault((t.Theme.Id, i.Id)))))];
        }

        var groups = await db.GroupedApprovalsAsync(round.Id, [.. themes.Select(t => (t.Theme.Id, (IReadOnlyList<int>)[.. t.Ideas.Select(i => i.Id)]))]);
        return [.. themes.Select((t, i) => SelectionElection.Build(t.Theme, t.Ideas, groups[i]))];
    }

    /// <summary>What is stored of one idea's outcome.</summary>
    public static IdeaResult ToResult(Round round, Theme theme, SelectionElection election, Outcome outcome, ProjectOutcome project) => new()
    {
        RoundId = round.Id,
        ThemeId = theme.Id,
        IdeaId = election.IdeaId(project.ProjectId),
        Votes = project.Votes,
        Cost = (long)project.Cost,
        Selected = project.Selected,
        Step = project.Step,
        Reason = project.Reason.ToString(),
        RemainingAtTurn = project.RemainingBudgetAtTurn is { } left ? (long)left : null,
        SupportersMoneyLeft = project.SupportersMoneyLeft is { } money ? (long)Math.Floor(money) : null,
        WonTieAgainst = outcome.Ties.FirstOrDefault(t => t.Chosen == project.ProjectId) is { } tie
            ? string.Join(",", tie.TiedWith.Select(election.IdeaId))
            : null,
    };
}
