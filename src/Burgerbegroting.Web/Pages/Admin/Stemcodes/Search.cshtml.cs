using System.ComponentModel.DataAnnotations;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Stemcodes;
using Burgerbegroting.Voting.Eligibility;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Infrastructure;
using Burgerbegroting.Web.Stemcodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Admin.Stemcodes;

/// <summary>
/// A lost letter (docs/stemcodes.md, "Issuing"): find the addressee's code by postcode and house number, revoke it,
/// and issue a new one for the same addressee, which opens a batch of one to print.
/// </summary>
public class SearchModel(AppDbContext db, StemcodeIssuer issuer, IStringLocalizer<SharedResource> l) : PageModel
{
    public Edition Edition { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Field.Postcode")]
    public string? Postcode { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Field.HouseNumber")]
    public string? HouseNumber { get; set; }

    /// <summary>The codes at the address, newest first; null before a search.</summary>
    public IReadOnlyList<VotingCode>? Found { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        return Postcode is null && HouseNumber is null || await SearchAsync(id) ? Page() : this.PageWithStatus(StatusCodes.Status400BadRequest);
    }

    public Task<IActionResult> OnPostRevokeAsync(int id, long codeId, bool confirmed) => RevokeAsync(id, codeId, confirmed, replace: false);

    public Task<IActionResult> OnPostReplaceAsync(int id, long codeId, bool confirmed) => RevokeAsync(id, codeId, confirmed, replace: true);

    private async Task<IActionResult> RevokeAsync(int id, long codeId, bool confirmed, bool replace)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!confirmed)
        {
            ModelState.AddModelError($"confirmed-{codeId}", l["Stemcodes.ConfirmRevoke.Required"]);
            await SearchAsync(id);
            return this.PageWithStatus(StatusCodes.Status400BadRequest);
        }

        var (revoked, batch) = await issuer.RevokeAsync(Edition, codeId, replace, User.Identity?.Name ?? "");
        return batch is not null ? this.Done(l["Stemcodes.Replaced"], new { id, batch = batch.Id }, PageRoutes.AdminStemcodeBatch)
            : this.Done(l[revoked ? "Stemcodes.Revoked" : "Stemcodes.NotRevoked"], new { id, postcode = Postcode, houseNumber = HouseNumber });
    }

    /// <summary>The codes at the address typed; false (with the message next to the field) for a postcode that is none.</summary>
    private async Task<bool> SearchAsync(int id)
    {
        var postcode = DutchPostcode.Normalize(Postcode);
        if (!ModelState.Require(postcode is not null, nameof(Postcode), l["Validation.Postcode"]))
        {
            return false;
        }

        var number = HouseNumber?.Trim() ?? "";
        Found = await db.VotingCodes.AsNoTracking().Where(c => c.EditionId == id && c.Postcode == postcode && (number == "" || c.HouseNumber == number))
            .OrderByDescending(c => c.Id).Take(100).ToListAsync();
        return true;
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await db.Editions.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id) is not { } edition)
        {
            return false;
        }

        Edition = edition;
        return true;
    }
}
