using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Editions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Stemmen;

/// <summary>Round 1: a resident chooses 1..K candidate themes and may change the choice until the round closes.</summary>
public class ThemesModel(AppDbContext db, UserManager<AppUser> users, Eligibility eligibility, BallotBox box, IStringLocalizer<SharedResource> l)
    : BallotPageModel(1, db, users, eligibility, box, l)
{
    [BindProperty]
    public List<int> Chosen { get; set; } = [];

    protected override string ErrorKey => nameof(Chosen);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Chosen = Context.CurrentBallot?.Keys.ToList() ?? [];
        return Page();
    }

    public Task<IActionResult> OnPostAsync() => SaveAsync(Validate, chosen => Box.CastAsync(Context.Round, Context.Voter!, chosen, Context.Edition.Name));

    /// <summary>1..K distinct candidates (ApprovalTally.Validate); the first problem goes next to the choices.</summary>
    private Dictionary<int, int>? Validate()
    {
        var candidates = Context.Edition.Themes.Select(t => t.Id).ToList();
        var problems = ApprovalTally.Validate(Chosen, candidates, Context.Edition.MaxThemesPerBallot);
        if (problems.Count > 0)
        {
            ModelState.AddModelError(nameof(Chosen), L["Vote1.Error." + problems[0], Context.Edition.MaxThemesPerBallot]);
            return null;
        }

        return Chosen.ToDictionary(id => id, _ => 1);
    }
}
