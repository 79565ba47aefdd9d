using Burgerbegroting.Voting;
using Burgerbegroting.Web.Editions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Voting;

/// <summary>Theme choice: a resident chooses 1..K candidate themes and may change the choice until the round closes.</summary>
public class ThemesModel(BallotDesk desk, IStringLocalizer<SharedResource> l) : BallotPageModel(RoundKind.ThemeChoice, desk, l)
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

        Chosen = [.. Context.Current?.Select(line => line.ThemeId) ?? []];
        return Page();
    }

    public Task<IActionResult> OnPostAsync() => SaveAsync(Fill);

    /// <summary>1..K distinct candidates (ThemeBallot); the first problem goes next to the choices.</summary>
    private ThemeBallot? Fill()
    {
        var check = ThemeBallot.Create(Context.ThemeChoice, Chosen);
        if (!check.IsValid)
        {
            ModelState.AddModelError(nameof(Chosen), L["Vote1.Error." + check.Errors[0], Context.Edition.MaxThemesPerBallot]);
        }

        return check.Ballot;
    }
}
