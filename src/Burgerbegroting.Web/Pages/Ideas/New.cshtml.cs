using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Ideas;
using Burgerbegroting.Web.Infrastructure;
using Burgerbegroting.Web.Infrastructure.Startup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Ideas;

/// <summary>Submitting an idea while round 3 is open: an eligible resident or an approved buurtnetwerk.</summary>
[Authorize(Policy = Policies.SubmitIdeas)]
public class NewModel(AppDbContext db, UserManager<AppUser> users, Eligibility eligibility, IdeaBox box, IStringLocalizer<SharedResource> l) : IdeaFormModel(db)
{
    public string? Refusal { get; private set; }
    public bool FixInProfile { get; private set; }
    public bool AsNetwork { get; private set; }
    public string SubmitterName { get; private set; } = "";
    public override string SubmitUrl => Url.Page(PageRoutes.NewIdea)!;
    public override string SubmitKey => "Idea.Submit";

    public async Task<IActionResult> OnGetAsync() => await CheckAsync() is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await CheckAsync() is not { } submitter)
        {
            return NotFound();
        }

        if (Refusal is not null)
        {
            return this.PageWithStatus(StatusCodes.Status403Forbidden);
        }

        if (Input.Validate(Edition, ModelState, l) is not { } cost)
        {
            return this.PageWithStatus(StatusCodes.Status400BadRequest);
        }

        var idea = await box.SubmitAsync(Edition, submitter, Input, cost);
        return this.Done(l["Idea.Submitted"], new { id = idea.Id }, PageRoutes.IdeaDetails);
    }

    /// <summary>Loads the edition and submitter and says, in <see cref="Refusal"/>, why they cannot submit now.</summary>
    private async Task<AppUser?> CheckAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null || !await LoadEditionAsync())
        {
            return null;
        }

        AsNetwork = user.Kind == AccountKind.Network;
        SubmitterName = user.PublicName;
        var reasons = AsNetwork ? [] : eligibility.Check(user, Edition);
        Refusal = !IdeasRoundOpen ? l["Idea.RoundNotOpen"].Value
            : reasons.Count > 0 ? l["Ineligible." + reasons[0], Edition.MinimumAge].Value
            : null;
        FixInProfile = IdeasRoundOpen && reasons.Count > 0;
        return user;
    }
}
