using System.Runtime.InteropServices;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Voting;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Selection;

/// <summary>Loads round 4 per theme: the admitted ideas and, per ballot, the ideas it approves.</summary>
public static class SelectionData
{
    public static async Task<List<SelectionIdea>> AdmittedIdeasAsync(this AppDbContext db, int editionId, int themeId)
    {
        var ideas = await AdmittedIdeas(db, editionId, themeId).ToListAsync();
        return [.. ideas.Select(i => new SelectionIdea(i.Id, i.Title, IdeaCost.Effective(i.EstimatedCost, i.FinalCost), i.CreatedAt))];
    }

    /// <summary>The ideas on the selection ballot: admitted and not hidden. The ballot and the count use this one filter.</summary>
    internal static IQueryable<Idea> OnTheBallot(this IQueryable<Idea> ideas, int editionId) =>
        ideas.Where(i => i.EditionId == editionId && i.Status == IdeaStatus.Admitted && !i.Hidden);

    internal static IQueryable<AdmittedIdea> AdmittedIdeas(AppDbContext db, int editionId, int themeId) =>
        db.Ideas.AsNoTracking().OnTheBallot(editionId)
            .Where(i => i.ThemeId == themeId)
            .Select(i => new AdmittedIdea(i.Id, i.Title, i.EstimatedCost, i.FinalCost, i.CreatedAt));

    /// <summary>What the selection needs of an idea, as stored; its cost is decided by <see cref="IdeaCost"/>.</summary>
    internal sealed record AdmittedIdea(int Id, string Title, long EstimatedCost, long? FinalCost, DateTime CreatedAt);

    /// <summary>
    /// Per theme and idea, the ballots approving it, counted by the database (all a greedy rule needs). Only round 4's
    /// ballots name ideas, and an idea belongs to one edition, so the entries naming <paramref name="ideaIds"/> (that
    /// edition's ideas) are exactly the approvals of its round 4: the IdeaId index answers without reading a ballot.
    /// </summary>
    public static async Task<Dictionary<(int ThemeId, int IdeaId), long>> ApprovalCountsAsync(this AppDbContext db, IReadOnlyCollection<int> ideaIds) =>
        await ApprovalCounts(db, ideaIds).ToDictionaryAsync(c => (c.ThemeId, c.IdeaId), c => c.Votes);

    internal static IQueryable<ApprovalCount> ApprovalCounts(AppDbContext db, IReadOnlyCollection<int> ideaIds) =>
        from e in db.BallotEntries
        where e.IdeaId != null && ideaIds.Contains(e.IdeaId.Value)
        group e by new { e.ThemeId, e.IdeaId } into g
        select new ApprovalCount(g.Key.ThemeId, g.Key.IdeaId!.Value, g.LongCount());

    /// <summary>
    /// Per theme, the round's ballots as groups of identical ballots over the theme's ideas (<paramref name="ideas"/>,
    /// each list in the election's project order): the rows are streamed in ballot order and each ballot's ideas are
    /// merged into its group as its last row passes, so memory holds the groups, not the ballots. A ballot approving
    /// none of a theme's ideas is not a voter there; an entry whose idea is no longer in that theme counts for no theme.
    /// </summary>
    public static async Task<BallotGroups[]> GroupedApprovalsAsync(this AppDbContext db, int roundId, IReadOnlyList<(int ThemeId, IReadOnlyList<int> Ideas)> ideas)
    {
        var place = new Dictionary<(int ThemeId, int IdeaId), (int Theme, int Project)>();
        for (var t = 0; t < ideas.Count; t++)
        {
            for (var p = 0; p < ideas[t].Ideas.Count; p++)
            {
                place[(ideas[t].ThemeId, ideas[t].Ideas[p])] = (t, p);
            }
        }

        var groups = ideas.Select(t => new BallotGroups(t.Ideas.Count)).ToArray();
        var ballot = ideas.Select(_ => new List<int>()).ToArray();
        long? current = null;
        await foreach (var row in Approvals(db, roundId).AsAsyncEnumerable())
        {
            if (row.BallotId != current)
            {
                Flush();
                current = row.BallotId;
            }

            if (place.TryGetValue((row.ThemeId, row.IdeaId), out var at))
            {
                ballot[at.Theme].Add(at.Project);
            }
        }

        Flush();
        return groups;

        void Flush()
        {
            for (var t = 0; t < ballot.Length; t++)
            {
                if (ballot[t].Count > 0)
                {
                    groups[t].Add(CollectionsMarshal.AsSpan(ballot[t]));
                    ballot[t].Clear();
                }
            }
        }
    }

    /// <summary>Each ballot's receipt code with its approved ideas of a theme, ordered by code (the open data, docs/secrecy.md).</summary>
    public static async Task<List<(string Receipt, IReadOnlyList<int> Ideas)>> ReceiptApprovalsAsync(this AppDbContext db, int roundId, int themeId)
    {
        var rows = await (from e in db.BallotEntries
                          join b in db.Ballots on e.BallotId equals b.Id
                          where b.RoundId == roundId && e.ThemeId == themeId && e.IdeaId != null
                          select new { b.ReceiptCode, IdeaId = e.IdeaId!.Value }).ToListAsync();
        return [.. rows.GroupBy(r => r.ReceiptCode).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, (IReadOnlyList<int>)[.. g.Select(r => r.IdeaId)]))];
    }

    /// <summary>Every idea approved on a ballot of the round, with the theme it was approved in, in ballot order.</summary>
    internal static IQueryable<Approval> Approvals(AppDbContext db, int roundId) =>
        from e in db.BallotEntries
        join b in db.Ballots on e.BallotId equals b.Id
        where b.RoundId == roundId && e.IdeaId != null
        orderby e.BallotId
        select new Approval(e.BallotId, e.ThemeId, e.IdeaId!.Value);

    public static IEnumerable<Theme> SelectionThemes(this Edition edition) => edition.Themes.Where(t => t.Chosen && t.Budget is not null);
}

internal sealed record Approval(long BallotId, int ThemeId, int IdeaId);

internal sealed record ApprovalCount(int ThemeId, int IdeaId, long Votes);
