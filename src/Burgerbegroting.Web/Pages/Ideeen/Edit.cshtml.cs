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

namespace Burgerbegroting.Web.Pages.Ideeen;

/// <summary>The submitter edits their idea until the round closes or the review starts; nobody else can.</summary>
[Authorize]
public class EditModel(AppDbContext db, UserManager<AppUser> users, IdeaBox box, IStringLocalizer<SharedResource> l) : IdeaFormModel(db)
{
    private readonly AppDbContext _db = db;

    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public string? Refusal { get; private set; }
    public override string PreviewUrl => $"/ideeen/{Id}/bewerken?handler=Preview";
    public override string SubmitUrl => $"/ideeen/{Id}/bewerken";
    public override string SubmitKey => "Idea.Save";

    public async Task<IActionResult> OnGetAsync()
    {
        var (idea, result) = await LoadAsync();
        if (idea is not null && Refusal is null)
        {
            Input = IdeaInput.From(idea);
        }

        return result ?? Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (idea, result) = await LoadAsync();
        if (result is not null || idea is null)
        {
            return result ?? NotFound();
        }

        if (Refusal is not null)
        {
            return this.PageWithStatus(StatusCodes.Status409Conflict);
        }

        if (Input.Validate(Edition, ModelState, l) is not { } cost)
        {
            return this.PageWithStatus(StatusCodes.Status400BadRequest);
        }

        await box.UpdateAsync(idea, Input, cost);
        return this.Done(l["Idea.Saved"], new { id = idea.Id }, "/Ideeen/Details");
    }

    private async Task<(Idea? Idea, IActionResult? Result)> LoadAsync()
    {
        var idea = await _db.Ideas.SingleOrDefaultAsync(i => i.Id == Id);
        if (idea is null || !await LoadEditionAsync() || idea.EditionId != Edition.Id)
        {
            return (null, NotFound());
        }

        if (idea.SubmitterId != users.GetUserId(User))
        {
            // A plain 403 with the reason on the page, not a redirect: someone else's idea is not editable.
            Refusal = l["Idea.NotYours"].Value;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return (idea, Page());
        }

        Refusal = idea.EditableBySubmitter(IdeasRound) ? null
            : l[IdeasRoundOpen ? "Idea.InReviewNoEdit" : "Idea.RoundClosedNoEdit"].Value;
        return (idea, null);
    }
}
