using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Infrastructure.Startup;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Stemmen;

/// <summary>
/// What the ballot pages of rounds 1, 2 and 4 share: loading the round and the voter, and saving a ballot the same
/// way (refused when this person may not vote, when the ballot is invalid, or when the round closed meanwhile).
/// </summary>
[EnableRateLimiting(Security.BallotLimit)]
public abstract class BallotPageModel(int roundNumber, AppDbContext db, UserManager<AppUser> users, Eligibility eligibility, BallotBox box, IStringLocalizer<SharedResource> l)
    : PageModel
{
    protected BallotBox Box { get; } = box;
    protected IStringLocalizer<SharedResource> L { get; } = l;
    protected AppDbContext Db { get; } = db;

    public VotingContext Context { get; private set; } = null!;

    protected virtual Task LoadMoreAsync() => Task.CompletedTask;

    protected async Task<bool> LoadAsync()
    {
        var context = await VotingContext.LoadAsync(roundNumber, User, Db, users, eligibility, Box);
        if (context is null)
        {
            return false;
        }

        Context = context;
        await LoadMoreAsync();
        return true;
    }

    /// <summary>The POST of a ballot: <paramref name="validate"/> adds model errors and returns null when invalid.</summary>
    protected async Task<IActionResult> SaveAsync<T>(Func<T?> validate, Func<T, Task<CastResult>> cast)
        where T : class
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (!Context.CanVote)
        {
            return Refuse(Context.IsOpen ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict);
        }

        var ballot = validate();
        if (ballot is null)
        {
            return Refuse(StatusCodes.Status400BadRequest);
        }

        var result = await cast(ballot);
        if (result == CastResult.RoundNotOpen)
        {
            ModelState.AddModelError(ErrorKey, L["Vote.ClosedMeanwhile"]);
            return Refuse(StatusCodes.Status409Conflict);
        }

        TempData["Status"] = L[result == CastResult.Replaced ? "Vote.Replaced" : "Vote.Saved"].Value;
        return RedirectToPage();
    }

    /// <summary>Where a message about the whole ballot goes (next to the ballot's fieldset, or the summary).</summary>
    protected virtual string ErrorKey => string.Empty;

    private PageResult Refuse(int status)
    {
        Response.StatusCode = status;
        return Page();
    }
}
