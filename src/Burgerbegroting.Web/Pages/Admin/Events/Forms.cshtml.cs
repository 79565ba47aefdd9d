using System.ComponentModel.DataAnnotations;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Events;
using Burgerbegroting.Web.Stemcodes;
using Burgerbegroting.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Burgerbegroting.Web.Pages.Admin.Events;

/// <summary>
/// The paper forms of a round (docs/events.md, "Double entry"): a PDF of numbered sheets to print for the events,
/// from a first number on, in normal or large type. Each sheet's number is how it is typed in later.
/// </summary>
public class FormsModel(AppDbContext db, IOptions<StemcodeOptions> options, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int MaxCount = 1000;
    public const int NumberLimit = 99_999;

    public Edition Edition { get; private set; } = null!;

    /// <summary>The round's number.</summary>
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Field.EventRound")]
    public int? Round { get; set; }

    [BindProperty]
    [Display(Name = "Field.FirstNumber")]
    [Required(ErrorMessage = "Validation.Required")]
    [Range(1, NumberLimit, ErrorMessage = "Validation.Range")]
    public int? FirstNumber { get; set; } = 1;

    [BindProperty]
    [Display(Name = "Field.FormCount")]
    [Required(ErrorMessage = "Validation.Required")]
    [Range(1, MaxCount, ErrorMessage = "Validation.Range")]
    public int? Count { get; set; } = 100;

    [BindProperty]
    [Display(Name = "Field.LargeType")]
    public bool LargeType { get; set; }

    public IEnumerable<Round> BallotRounds => Edition.Rounds.Where(r => r.Definition.HasBallot);

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPdfAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (Validated() is not { } round)
        {
            return this.PageWithStatus(StatusCodes.Status400BadRequest);
        }

        if (await WriteFormsAsync(round, FirstNumber!.Value, Count!.Value, LargeType) is not { } pdf)
        {
            ModelState.AddModelError(nameof(Round), l["Forms.Error.NothingToChoose"]);
            return this.PageWithStatus(StatusCodes.Status409Conflict);
        }

        return File(pdf, "application/pdf", $"stembiljetten-ronde-{round.Number}-{FirstNumber}-{FirstNumber + Count - 1}.pdf");
    }

    /// <summary>The chosen round when the form is right; else null, with the messages next to the fields.</summary>
    private Round? Validated()
    {
        var round = BallotRounds.FirstOrDefault(r => r.Number == Round);
        if (ModelState[nameof(Round)]?.Errors.Count is null or 0)
        {
            ModelState.Require(round is not null, nameof(Round), l[Round is null ? "Events.Error.NoRound" : "Events.Error.NoBallot"]);
        }

        if (ModelState.IsValid)
        {
            ModelState.Require(FirstNumber + Count - 1 <= NumberLimit, nameof(Count), l["Forms.Error.PastLast", NumberLimit]);
        }

        return ModelState.IsValid ? round : null;
    }

    /// <summary>The PDF of <paramref name="count"/> forms of <paramref name="round"/>, numbered from <paramref name="firstNumber"/>.</summary>
    private async Task<byte[]?> WriteFormsAsync(Round round, int firstNumber, int count, bool largeType)
    {
        var form = await PaperFormSource.ForAsync(db, Edition, round, options.Value.Municipality);
        if (form.Themes.Count == 0)
        {
            return null;
        }

        using var pdf = new MemoryStream();
        PaperForms.Write(pdf, form, firstNumber, count, largeType, l);
        return pdf.ToArray();
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await db.FindWithAllAsync(id) is not { } edition)
        {
            return false;
        }

        Edition = edition;
        return true;
    }
}
