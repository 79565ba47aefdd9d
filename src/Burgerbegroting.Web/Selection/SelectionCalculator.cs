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
        var results = new List<IdeaResult>();
        foreach (var theme in edition.SelectionThemes())
        {
            var ideas = await db.AdmittedIdeasAsync(edition.Id, theme.Id);
            var ballots = await db.ApprovalsAsync(round.Id, theme.Id);
            var election = SelectionElection.Build(theme, ideas, ballots);
            var outcome = SelectionElection.Rule(edition.OutcomeRule).Run(election.Election);
            results.AddRange(outcome.Projects.Select(p => ToResult(round, theme, election, outcome, p)));
        }

        return results;
    }

    private static IdeaResult ToResult(Round round, Theme theme, SelectionElection election, Outcome outcome, ProjectOutcome project) => new()
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
