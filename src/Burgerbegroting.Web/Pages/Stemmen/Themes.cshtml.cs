using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Infrastructure.Startup;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Stemmen;

/// <summary>Round 1: a resident chooses 1..K candidate themes and may change the choice until the round closes.</summary>
[EnableRateLimiting(Security.BallotLimit)]
public class ThemesModel(AppDbContext db, UserManager<AppUser> users, Eligibility eligibility, BallotBox box, IStringLocalizer<SharedResource> l) : PageModel
{
    public VotingContext Context { get; private set; } = null!;

    [BindProperty]
    public List<int> Chosen { get; set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is null)
        {
            return NotFound();
        }

        Chosen = Context.CurrentBallot?.Keys.ToList() ?? [];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is null)
        {
            return NotFound();
        }

        if (!Context.CanVote)
        {
            return Refuse(Context.IsOpen ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict, null);
        }

        var candidates = Context.Edition.Themes.Select(t => t.Id).ToList();
        var problems = ApprovalTally.Validate(Chosen, candidates, Context.Edition.MaxThemesPerBallot);
        if (problems.Count > 0)
        {
            return Refuse(StatusCodes.Status400BadRequest, l["Vote1.Error." + problems[0], Context.Edition.MaxThemesPerBallot]);
        }

        var result = await box.CastAsync(Context.Round, Context.Voter!, Chosen.ToDictionary(id => id, _ => 1), Context.Edition.Name);
        if (result == CastResult.RoundNotOpen)
        {
            return Refuse(StatusCodes.Status409Conflict, l["Vote.ClosedMeanwhile"]);
        }

        TempData["Status"] = l[result == CastResult.Replaced ? "Vote.Replaced" : "Vote.Saved"].Value;
        return RedirectToPage();
    }

    private PageResult Refuse(int status, string? message)
    {
        if (message is not null)
        {
            ModelState.AddModelError(nameof(Chosen), message);
        }

        Response.StatusCode = status;
        return Page();
    }

    private async Task<VotingContext?> LoadAsync()
    {
        var context = await VotingContext.LoadAsync(1, User, db, users, eligibility, box);
        if (context is not null)
        {
            Context = context;
        }

        return context;
    }
}
