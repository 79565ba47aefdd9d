using System.Globalization;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Web.Audit;
using Burgerbegroting.Web.Editions.Demo;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Editions;

/// <summary>The demo's ideas of round 3 and their feasibility reviews.</summary>
public sealed partial class DemoEdition
{
    /// <summary>The ideas in the order they came in; at stage 3 some are decided, some in review and some waiting.</summary>
    private async Task SubmitIdeasAsync()
    {
        var themes = (await ChosenThemesAsync()).ToDictionary(t => t.Name);
        var buurten = await db.Buurten.AsNoTracking().Where(b => b.EditionId == _editionId).ToDictionaryAsync(b => b.Name, b => b.Id);
        var ideas = DemoIdeas.All.Select((d, i) =>
        {
            // The data is fixed and so is the seed: the themes round 1 chooses are known, and a test keeps them so.
            var theme = themes.GetValueOrDefault(d.Theme)
                ?? throw new InvalidOperationException($"Demo idea \"{d.Title}\": theme \"{d.Theme}\" was not chosen in round 1.");
            if (Math.Max(d.Cost, d.FinalCost ?? 0) > theme.Budget)
            {
                throw new InvalidOperationException($"Demo idea \"{d.Title}\" costs more than the budget of \"{d.Theme}\" ({theme.Budget}).");
            }

            var submitter = _submitters[d.By];
            var submitted = _now.AddHours(-7 * (DemoIdeas.All.Length - i));
            return new Idea
            {
                EditionId = _editionId,
                ThemeId = theme.Id,
                BuurtId = buurten[d.Buurt],
                SubmitterId = submitter.Id,
                ByNetwork = submitter.Kind == AccountKind.Network,
                Title = d.Title,
                Summary = d.Summary,
                Description = d.Description,
                EstimatedCost = d.Cost,
                Status = IdeaStatus.Submitted,
                CreatedAt = submitted,
                UpdatedAt = submitted,
            };
        }).ToList();
        db.Ideas.AddRange(ideas);
        await db.SaveChangesAsync();
        foreach (var (idea, demo) in ideas.Zip(DemoIdeas.All))
        {
            Review(idea, demo, demo.Review);
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    /// <summary>Round 3 is published only when every idea is decided: the ideas still open are all admitted.</summary>
    private async Task AdmitTheRestAsync()
    {
        var open = await db.Ideas
            .Where(i => i.EditionId == _editionId && (i.Status == IdeaStatus.Submitted || i.Status == IdeaStatus.InReview))
            .OrderBy(i => i.CreatedAt).ToListAsync();
        foreach (var idea in open)
        {
            Review(idea, DemoIdeas.All.Single(d => d.Title == idea.Title), DemoReview.Admitted);
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    /// <summary>A decision recorded as IdeaReviews records it (status, final cost, reason, audit entry), without the mail.</summary>
    private void Review(Idea idea, DemoIdea demo, DemoReview decision)
    {
        var id = idea.Id.ToString(CultureInfo.InvariantCulture);
        switch (decision)
        {
            case DemoReview.InReview:
                idea.Status = IdeaStatus.InReview;
                audit.Record(AuditActions.IdeaReviewStarted, "idea", id, idea.Title);
                break;
            case DemoReview.Admitted:
                (idea.Status, idea.FinalCost, idea.ReviewNote, idea.ReviewedAt) = (IdeaStatus.Admitted, demo.FinalCost ?? demo.Cost, demo.Note, _now);
                audit.Record(AuditActions.IdeaAdmitted, "idea", id, $"{idea.Title}: € {idea.FinalCost} (geschat € {idea.EstimatedCost})");
                break;
            case DemoReview.Refused:
                (idea.Status, idea.ReviewReason, idea.ReviewNote, idea.ReviewedAt) = (IdeaStatus.NotAdmitted, demo.Reason, demo.Note, _now);
                audit.Record(AuditActions.IdeaNotAdmitted, "idea", id, $"{idea.Title}: {demo.Reason}: {demo.Note}");
                break;
            case DemoReview.Waiting:
                break;
        }
    }
}
