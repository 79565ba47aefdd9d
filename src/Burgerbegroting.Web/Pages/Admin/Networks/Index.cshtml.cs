using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Admin.Networks;

public class IndexModel(NetworkAccounts networks, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<AppUser> Networks { get; private set; } = [];

    public async Task OnGetAsync() => Networks = await networks.ListAsync();

    public async Task<IActionResult> OnPostApproveAsync(string id)
    {
        if (!await networks.ApproveAsync(id))
        {
            return BadRequest();
        }

        TempData["Status"] = l["Networks.ApprovedDone"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRejectAsync(string id, string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500)
        {
            ModelState.AddModelError(string.Empty, l["Networks.ReasonRequired"]);
            Networks = await networks.ListAsync();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (!await networks.RejectAsync(id, reason.Trim()))
        {
            return BadRequest();
        }

        TempData["Status"] = l["Networks.RejectedDone"].Value;
        return RedirectToPage();
    }
}
