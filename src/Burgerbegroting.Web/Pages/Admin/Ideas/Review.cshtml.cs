using System.ComponentModel.DataAnnotations;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Ideas;
using Burgerbegroting.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Burgerbegroting.Web.Pages.Admin.Ideas;

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
    [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
    public string? HideReason { get; set; }

    private Edition Edition { get; set; } = null!;

    /// <summary>The page shows only the refusal to confirm, with the reason and note as they will be published and mailed.</summary>
    public bool ConfirmingRefusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Admit.FinalCost = Euros.ForInput(Idea.EffectiveCost);
        Move.ThemeId = Idea.ThemeId;
        return Page();
    }

    public Task<IActionResult> OnPostStartAsync(int id) => DecideAsync(id, "Start", () => reviews.StartAsync(Idea), "Review.Started");

    public Task<IActionResult> OnPostAdmitAsync(int id) => DecideAsync(id, nameof(Admit), () =>
        Admit.Cost(Idea.Theme, ModelState, l) is { } cost ? reviews.AdmitAsync(Idea, cost, Admit.Note) : null, "Review.Admitted");

    /// <summary>Refusing is final for the submitter (the mail goes out): a valid form first shows what will be published and mailed, and only its confirmation refuses.</summary>
    public Task<IActionResult> OnPostRefuseAsync(int id) => DecideAsync(id, nameof(Refuse), () =>
        !Refuse.Check(Reasons, ModelState, l) ? null
        : Refuse.Confirmed ? reviews.RefuseAsync(Idea, Refuse.Reason!, Refuse.Note!)
        : Task.FromResult(ConfirmingRefusal = true), "Review.Refused");

    public Task<IActionResult> OnPostMoveAsync(int id) => DecideAsync(id, nameof(Move), () =>
        Move.Target(Idea, Themes, ModelState, l) is { } theme ? reviews.MoveAsync(Idea, theme.Id, theme.Name, Move.Note!) : null, "Review.Moved");

    public Task<IActionResult> OnPostHideAsync(int id) => DecideAsync(id, nameof(HideReason), () =>
        ModelState.Require(!string.IsNullOrWhiteSpace(HideReason), "HideReason", l["Review.NoteRequired"]) && ModelState.IsValid ? reviews.HideAsync(Idea, HideReason!) : null,
        "Review.HiddenDone");

    /// <summary>
    /// Runs one decision; the form's own checks add model errors and return null to re-show the page. Only the posted
    /// form (its fields start with <paramref name="form"/>) is checked; the others on the page keep their defaults.
    /// </summary>
    private async Task<IActionResult> DecideAsync(int id, string form, Func<Task?> decide, string doneKey)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(form, StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        if (Edition.Round(RoundKind.Ideas).Status == RoundStatus.Published)
        {
            ModelState.AddModelError(string.Empty, l["Review.RoundPublished"]);
            return this.PageWithStatus(StatusCodes.Status409Conflict);
        }

        if (decide() is not { } work)
        {
            return this.PageWithStatus(StatusCodes.Status400BadRequest);
        }

        await work;
        return ConfirmingRefusal ? Page() : this.Done(l[doneKey], new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var idea = await reviews.FindAsync(id);
        var edition = await db.CurrentAsync();
        if (idea is null || edition is null || idea.EditionId != edition.Id)
        {
            return false;
        }

        (Idea, Edition) = (idea, edition);
        Themes = [.. edition.Themes.Where(t => t.Chosen)];
        return true;
    }
}
