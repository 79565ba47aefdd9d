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

    /// <summary>Per ballot that approves at least one idea of the theme, those ideas (ballots in id order).</summary>
    public static async Task<List<IReadOnlyList<int>>> ApprovalsAsync(this AppDbContext db, int roundId, int themeId)
    {
        var rows = await Approvals(db, roundId, themeId).ToListAsync();
        return [.. rows.GroupBy(r => r.BallotId).OrderBy(g => g.Key).Select(g => (IReadOnlyList<int>)g.Select(r => r.IdeaId).ToList())];
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

    internal static IQueryable<Approval> Approvals(AppDbContext db, int roundId, int themeId) =>
        from e in db.BallotEntries
        join b in db.Ballots on e.BallotId equals b.Id
        where b.RoundId == roundId && e.ThemeId == themeId && e.IdeaId != null
        select new Approval(e.BallotId, e.IdeaId!.Value);

    public static IEnumerable<Theme> SelectionThemes(this Edition edition) => edition.Themes.Where(t => t.Chosen && t.Budget is not null);
}

internal sealed record Approval(long BallotId, int IdeaId);
