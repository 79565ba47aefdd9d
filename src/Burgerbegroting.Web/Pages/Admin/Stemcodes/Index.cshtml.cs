using System.ComponentModel.DataAnnotations;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Stemcodes;
using Burgerbegroting.Voting.Eligibility;
using Burgerbegroting.Voting.Stemcodes;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Infrastructure;
using Burgerbegroting.Web.Stemcodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Admin.Stemcodes;

/// <summary>
/// An edition's stemcodes (docs/stemcodes.md): the overview per buurt and round, the batches, and issuing codes from
/// the register extract or anonymously per buurt.
/// </summary>
[RequestSizeLimit(IndexModel.MaxUpload)]
[RequestFormLimits(MultipartBodyLengthLimit = IndexModel.MaxUpload)]
public class IndexModel(AppDbContext db, StemcodeIssuer issuer, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int MaxAnonymous = 10_000;

    /// <summary>A register extract of the maximum 500,000 rows with long names stays under this (bytes).</summary>
    public const int MaxUpload = 100_000_000;

    public Edition Edition { get; private set; } = null!;
    public StemcodeOverview Overview { get; private set; } = null!;

    [BindProperty]
    [Display(Name = "Field.RegisterFile")]
    public IFormFile? Register { get; set; }

    [BindProperty]
    public bool SkipOutsideArea { get; set; }

    /// <summary>The last import's problems, shown with their line numbers.</summary>
    public RegisterImportResult? Import { get; private set; }

    [BindProperty]
    [Display(Name = "Field.Buurt")]
    public string? AnonymousBuurt { get; set; }

    [BindProperty]
    [Display(Name = "Field.AnonymousCount")]
    [Range(1, MaxAnonymous, ErrorMessage = "Validation.Range")]
    public int? AnonymousCount { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostImportAsync(int id)
    {
        if (await RefuseAsync(id, nameof(Register)) is { } refused)
        {
            return refused;
        }

        if (!await ReadRegisterAsync())
        {
            return this.PageWithStatus(StatusCodes.Status400BadRequest);
        }

        var holders = Import!.Addressees.Select(a => new CodeHolder(a.Buurt, a.Postcode, a.HouseNumber, a.Name, a.BirthYear)).ToList();
        return await IssuedAsync(id, StemcodeBatchKind.Register, holders);
    }

    public async Task<IActionResult> OnPostAnonymousAsync(int id)
    {
        if (await RefuseAsync(id, nameof(AnonymousBuurt)) is { } refused)
        {
            return refused;
        }

        var buurt = Edition.Buurten.FirstOrDefault(b => b.Name == AnonymousBuurt);
        ModelState.Require(buurt is not null, nameof(AnonymousBuurt), l["Stemcodes.Error.NoBuurt"]);
        // An empty field gets the range message; text that is no number has its message from binding already.
        var unbound = ModelState.GetFieldValidationState(nameof(AnonymousCount)) == ModelValidationState.Invalid;
        ModelState.Require(AnonymousCount is not null || unbound, nameof(AnonymousCount), l["Validation.Range", l["Field.AnonymousCount"], 1, MaxAnonymous]);
        if (!ModelState.IsValid)
        {
            return this.PageWithStatus(StatusCodes.Status400BadRequest);
        }

        return await IssuedAsync(id, StemcodeBatchKind.Anonymous, [.. Enumerable.Repeat(new CodeHolder(buurt!.Name), AnonymousCount!.Value)]);
    }

    /// <summary>Null when the form may be handled; else the page with why not, next to <paramref name="field"/>.</summary>
    private async Task<IActionResult?> RefuseAsync(int id, string field)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!Edition.UsesStemcodes)
        {
            ModelState.AddModelError(string.Empty, l["Stemcodes.NotInUse"]);
            return this.PageWithStatus(StatusCodes.Status409Conflict);
        }

        if (field == nameof(Register) && Register is not { Length: > 0 })
        {
            ModelState.AddModelError(field, l["Stemcodes.Error.NoFile"]);
            return this.PageWithStatus(StatusCodes.Status400BadRequest);
        }

        return null;
    }

    /// <summary>
    /// Reads the uploaded extract into <see cref="Import"/>: usable when no line has an error and no address lies
    /// outside the area, unless staff ticked that those are skipped (they are listed either way).
    /// </summary>
    private async Task<bool> ReadRegisterAsync()
    {
        await using (var stream = Register!.OpenReadStream())
        {
            Import = RegisterImport.Parse(stream, Areas(), clock.GetUtcNow().Year);
        }

        var usable = Import.Errors.Count == 0 && (Import.OutsideArea.Count == 0 || SkipOutsideArea) && Import.Addressees.Count > 0;
        return ModelState.Require(usable, nameof(Register), l["Stemcodes.Error.NotClean"]);
    }

    private async Task<IActionResult> IssuedAsync(int id, StemcodeBatchKind kind, IReadOnlyList<CodeHolder> holders)
    {
        var batch = await issuer.IssueAsync(Edition, kind, holders, User.Identity?.Name ?? "");
        return this.Done(l["Stemcodes.Issued", batch.Count], new { id, batch = batch.Id }, PageRoutes.AdminStemcodeBatch);
    }

    private List<(string Name, PostcodeArea Area)> Areas() =>
        [.. Edition.Buurten.Select(b => (b.Name, PostcodeArea.TryParse(b.Postcodes, out _) ?? PostcodeArea.Empty))];

    private async Task<bool> LoadAsync(int id)
    {
        if (await db.FindWithAllAsync(id) is not { } edition)
        {
            return false;
        }

        Edition = edition;
        Overview = await StemcodeOverview.LoadAsync(db, edition, clock);
        return true;
    }
}
