using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Web.Ideas;
using Burgerbegroting.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Ideas;

/// <summary>The submitter edits their idea until the round closes or the review starts; nobody else can.</summary>
[Authorize]
public class EditModel(AppDbContext db, UserManager<AppUser> users, IdeaBox box, IStringLocalizer<SharedResource> l) : IdeaFormModel(db)
{
    private readonly AppDbContext _db = db;
    private Idea _idea = null!;

    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public string? Refusal { get; private set; }
    public override string SubmitUrl => Url.Page(PageRoutes.EditIdea, new { id = Id })!;
    public override string SubmitKey => "Idea.Save";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        if (Refusal is null)
        {
            Input = IdeaInput.From(_idea);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        if (Refusal is not null)
        {
            return this.PageWithStatus(StatusCodes.Status409Conflict);
        }

        if (Input.Validate(Edition, ModelState, l) is not { } cost)
        {
            return this.PageWithStatus(StatusCodes.Status400BadRequest);
        }

        await box.UpdateAsync(_idea, Input, cost);
        return this.Done(l["Idea.Saved"], new { id = _idea.Id }, PageRoutes.IdeaDetails);
    }

    /// <summary>Loads the idea; the answer when it is not there or not this person's, else null (with <see cref="Refusal"/> set when it can no longer change).</summary>
    private async Task<IActionResult?> LoadAsync()
    {
        var idea = await _db.Ideas.SingleOrDefaultAsync(i => i.Id == Id);
        if (idea is null || !await LoadEditionAsync() || idea.EditionId != Edition.Id)
        {
            return NotFound();
        }

        _idea = idea;
        if (idea.SubmitterId != users.GetUserId(User))
        {
            // A plain 403 with the reason on the page, not a redirect: someone else's idea is not editable.
            Refusal = l["Idea.NotYours"].Value;
            return this.PageWithStatus(StatusCodes.Status403Forbidden);
        }

        Refusal = idea.EditableBySubmitter(IdeasRound) ? null
            : l[IdeasRoundOpen ? "Idea.InReviewNoEdit" : "Idea.RoundClosedNoEdit"].Value;
        return null;
    }
}
