using System.ComponentModel.DataAnnotations;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Accounts;
using Burgerbegroting.Web.Infrastructure;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Selection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Ideas;

public class DetailsModel(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public Idea Idea { get; private set; } = null!;

    /// <summary>Round 4 published: whether it won, and why in one sentence.</summary>
    public (bool Won, string Why)? Outcome { get; private set; }
    public bool IsOwn { get; private set; }
    public bool CanEdit { get; private set; }

    [BindProperty]
    [Display(Name = "Idea.ReportReason")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
    public string? ReportReason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReportAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return this.PageWithStatus(StatusCodes.Status400BadRequest);
        }

        await ReportAsync(id);
        return this.Done(l["Idea.Reported"], new { id });
    }

    private async Task ReportAsync(int id)
    {
        db.IdeaReports.Add(new IdeaReport { IdeaId = id, ReporterId = users.GetUserId(User)!, Reason = ReportReason!.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
    }

    /// <summary>The address of the idea's edition, for the link to its results (set with <c>Outcome</c>).</summary>
    public string? ResultsSlug { get; private set; }

    private async Task<bool> LoadAsync(int id)
    {
        var idea = await db.Ideas.AsNoTracking().Include(i => i.Theme).Include(i => i.Buurt).Include(i => i.Submitter).SingleOrDefaultAsync(i => i.Id == id);
        if (idea is null || (idea.Hidden && !User.IsStaff()))
        {
            return false;
        }

        Idea = idea;
        IsOwn = idea.SubmitterId == users.GetUserId(User);
        var round = (await db.CurrentAsync())?.Rounds.SingleOrDefault(r => r.Kind == RoundKind.Ideas && r.EditionId == idea.EditionId);
        CanEdit = IsOwn && round is not null && idea.EditableBySubmitter(round.Status);
        var result = await db.IdeaResults.AsNoTracking()
            .Where(r => r.IdeaId == id && db.Rounds.Any(x => x.Id == r.RoundId && x.Status == RoundStatus.Published)).SingleOrDefaultAsync();
        if (result is not null)
        {
            var titles = await db.Ideas.Where(i => i.ThemeId == idea.ThemeId).ToDictionaryAsync(i => i.Id, i => i.Title);
            Outcome = (result.Selected, OutcomeText.Describe(result, Euros.Format, l, titles));
            ResultsSlug = await db.Editions.Where(e => e.Id == idea.EditionId).Select(e => e.Slug).SingleAsync();
        }

        return true;
    }
}
