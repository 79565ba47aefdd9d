using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Voting.Money;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Ideas;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Burgerbegroting.Web.Pages.Beheer.Ideas;

/// <summary>The feasibility review of one idea: admit with a final cost, refuse with a reason, move to another theme, hide.</summary>
public class ReviewModel(AppDbContext db, IdeaReviews reviews, IOptions<IdeaOptions> options, IStringLocalizer<SharedResource> l) : PageModel
{
    public Idea Idea { get; private set; } = null!;
    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public IReadOnlyList<string> Reasons => options.Value.Reasons;

    [BindProperty] public AdmitInput Admit { get; set; } = new();
    [BindProperty] public RefuseInput Refuse { get; set; } = new();
    [BindProperty] public MoveInput Move { get; set; } = new();

    [BindProperty]
    [Display(Name = "Field.Reason")]
    public string? HideReason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Admit.FinalCost = (Idea.FinalCost ?? Idea.EstimatedCost).ToString("#,0", new CultureInfo("nl-NL"));
        Move.ThemeId = Idea.ThemeId;
        return Page();
    }

    public Task<IActionResult> OnPostStartAsync(int id) => DecideAsync(id, () => reviews.StartAsync(Idea), "Review.Started");

    public Task<IActionResult> OnPostAdmitAsync(int id) => DecideAsync(id, () =>
    {
        var error = EuroAmount.TryParse(Admit.FinalCost, out var cost);
        if (error == EuroAmountError.None && (cost == 0 || cost > (Idea.Theme.Budget ?? long.MaxValue)))
        {
            ModelState.AddModelError("Admit.FinalCost", l["Review.FinalCostRange", EuroAmount.Format(Idea.Theme.Budget ?? 0, CultureInfo.CurrentUICulture)]);
        }
        else if (error != EuroAmountError.None)
        {
            ModelState.AddModelError("Admit.FinalCost", l["Validation.Euro." + error]);
        }

        return ModelState.IsValid ? reviews.AdmitAsync(Idea, cost, Admit.Note) : null;
    }, "Review.Admitted");

    public Task<IActionResult> OnPostRefuseAsync(int id) => DecideAsync(id, () =>
    {
        Require(Reasons.Contains(Refuse.Reason ?? ""), "Refuse.Reason", "Review.ReasonRequired");
        Require(!string.IsNullOrWhiteSpace(Refuse.Note), "Refuse.Note", "Review.NoteRequired");
        return ModelState.IsValid ? reviews.RefuseAsync(Idea, Refuse.Reason!, Refuse.Note!) : null;
    }, "Review.Refused");

    public Task<IActionResult> OnPostMoveAsync(int id) => DecideAsync(id, () =>
    {
        var theme = Themes.SingleOrDefault(t => t.Id == Move.ThemeId && t.Id != Idea.ThemeId);
        Require(theme is not null, "Move.ThemeId", "Review.MoveTheme");
        Require(!string.IsNullOrWhiteSpace(Move.Note), "Move.Note", "Review.NoteRequired");
        return ModelState.IsValid ? reviews.MoveAsync(Idea, theme!.Id, theme.Name, Move.Note!) : null;
    }, "Review.Moved");

    public Task<IActionResult> OnPostHideAsync(int id) => DecideAsync(id, () =>
    {
        Require(!string.IsNullOrWhiteSpace(HideReason), "HideReason", "Review.NoteRequired");
        return ModelState.IsValid ? reviews.HideAsync(Idea, HideReason!) : null;
    }, "Review.HiddenDone");

    /// <summary>Runs one decision; the form's own checks add model errors and return null to re-show the page.</summary>
    private async Task<IActionResult> DecideAsync(int id, Func<Task?> decide, string doneKey)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        // Only the form that was posted is checked; the others on the page keep their defaults.
        ModelState.Clear();
        if (Edition.Round(3).Status == RoundStatus.Published)
        {
            ModelState.AddModelError(string.Empty, l["Review.RoundPublished"]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        var work = decide();
        if (work is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await work;
        TempData["Status"] = l[doneKey].Value;
        return RedirectToPage(new { id });
    }

    private void Require(bool condition, string key, string messageKey)
    {
        if (!condition)
        {
            ModelState.AddModelError(key, l[messageKey]);
        }
    }

    private Edition Edition { get; set; } = null!;

    private async Task<bool> LoadAsync(int id)
    {
        var idea = await reviews.FindAsync(id);
        var edition = await db.CurrentAsync();
        if (idea is null || edition is null || idea.EditionId != edition.Id)
        {
            return false;
        }

        (Idea, Edition) = (idea, edition);
        Themes = edition.Themes.Where(t => t.Chosen).ToList();
        return true;
    }

    public sealed class AdmitInput
    {
        [Display(Name = "Review.FinalCost")]
        public string? FinalCost { get; set; }

        [Display(Name = "Review.Note")]
        [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
        public string? Note { get; set; }
    }

    public sealed class RefuseInput
    {
        [Display(Name = "Field.Reason")]
        public string? Reason { get; set; }

        [Display(Name = "Review.PublicNote")]
        [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
        public string? Note { get; set; }
    }

    public sealed class MoveInput
    {
        [Display(Name = "Field.Theme")]
        public int? ThemeId { get; set; }

        [Display(Name = "Review.MoveNote")]
        [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
        public string? Note { get; set; }
    }
}
