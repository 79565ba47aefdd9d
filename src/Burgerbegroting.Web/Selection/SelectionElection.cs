using System.Globalization;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Voting;
using VotingBallot = Burgerbegroting.Voting.Ballot;

namespace Burgerbegroting.Web.Selection;

/// <summary>One theme's admitted idea with what the rule needs.</summary>
public sealed record SelectionIdea(int Id, string Title, long Cost, DateTime SubmittedAt);

/// <summary>
/// Round 4 of one theme as an election for the rules in Burgerbegroting.Voting, and as the pabulib file we publish.
/// Project ids are the ideas' positions in the app's tie-break order (lower cost, then earlier submission),
/// zero-padded, so that the pabulib default tie-break (id as text) decides exactly as the app does and the tally
/// tool reproduces the published winners.
/// </summary>
public sealed class SelectionElection
{
    private readonly Dictionary<string, int> _ideaByProject;

    private SelectionElection(Election election, Dictionary<string, int> ideaByProject)
    {
        Election = election;
        _ideaByProject = ideaByProject;
    }

    public Election Election { get; }

    public int IdeaId(string projectId) => _ideaByProject[projectId];

    public static IOutcomeRule Rule(OutcomeRuleKind kind) => kind == OutcomeRuleKind.EqualShares ? RuleCatalog.EqualShares : RuleCatalog.Greedy;

    /// <summary>The app's tie-break order (lower cost, then earlier submission): project i of the election is idea i of this list.</summary>
    public static List<SelectionIdea> InTieBreakOrder(IEnumerable<SelectionIdea> ideas) =>
        [.. ideas.OrderBy(i => i.Cost).ThenBy(i => i.SubmittedAt).ThenBy(i => i.Id)];

    /// <param name="ballots">Per voter (any stable order) the ideas of this theme they approved.</param>
    /// <param name="meta">Extra META rows for the published file (description, date, ...).</param>
    /// <param name="voterIds">The voter_id of each ballot in the file (the open data's receipt codes); else 1, 2, 3…</param>
    public static SelectionElection Build(Theme theme, IReadOnlyList<SelectionIdea> ideas, IReadOnlyList<IReadOnlyList<int>> ballots, IEnumerable<KeyValuePair<string, string>>? meta = null, IReadOnlyList<string>? voterIds = null)
    {
        var (projects, projectOf) = Projects(theme, ideas);
        var votingBallots = ballots
            .Select((approved, i) => new VotingBallot(voterIds?[i] ?? (i + 1).ToString(CultureInfo.InvariantCulture), [.. approved.Where(projectOf.ContainsKey).Select(id => projectOf[id])]))
            .Where(b => b.ProjectIds.Count > 0)
            .ToList();
        var election = new Election(theme.Budget ?? 0, projects, votingBallots, VoteType.Approval, meta?.ToList());
        return new SelectionElection(election, projectOf.ToDictionary(p => p.Value, p => p.Key));
    }

    /// <summary>The theme's election from ballots already grouped, their project indexes into <see cref="InTieBreakOrder"/> of <paramref name="ideas"/>.</summary>
    public static SelectionElection Build(Theme theme, IReadOnlyList<SelectionIdea> ideas, BallotGroups ballots)
    {
        var (projects, projectOf) = Projects(theme, ideas);
        return new SelectionElection(new Election(theme.Budget ?? 0, projects, ballots), projectOf.ToDictionary(p => p.Value, p => p.Key));
    }

    /// <summary>The theme's election from the number of ballots approving each idea, for a rule that needs no more (greedy).</summary>
    public static SelectionElection FromCounts(Theme theme, IReadOnlyList<SelectionIdea> ideas, IReadOnlyDictionary<int, long> approvals)
    {
        var (projects, projectOf) = Projects(theme, ideas);
        long[] counts = [.. InTieBreakOrder(ideas).Select(i => approvals.GetValueOrDefault(i.Id))];
        return new SelectionElection(Election.FromApprovalCounts(theme.Budget ?? 0, projects, counts), projectOf.ToDictionary(p => p.Value, p => p.Key));
    }

    private static (List<Project> Projects, Dictionary<int, string> ProjectOf) Projects(Theme theme, IReadOnlyList<SelectionIdea> ideas)
    {
        var ordered = InTieBreakOrder(ideas);
        var width = Math.Max(3, ordered.Count.ToString(CultureInfo.InvariantCulture).Length);
        var projectOf = ordered.Select((idea, i) => (idea.Id, Project: (i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0'))).ToDictionary(x => x.Id, x => x.Project);
        List<Project> projects = [.. ordered.Select(i => new Project(projectOf[i.Id], i.Cost, new Dictionary<string, string>
        {
            ["name"] = i.Title,
            ["idea_id"] = i.Id.ToString(CultureInfo.InvariantCulture),
            ["category"] = theme.Name,
        }))];
        return (projects, projectOf);
    }
}
