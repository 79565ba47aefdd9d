using Burgerbegroting.Voting;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Infrastructure;
using Burgerbegroting.Web.Infrastructure.Startup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Voting;

/// <summary>
/// What the ballot pages share: the round's context from the ballot desk, and saving a ballot the same way (refused
/// when this person may not vote, when the ballot is invalid, or when the round closed meanwhile).
/// </summary>
[EnableRateLimiting(Security.BallotLimit)]
public abstract class BallotPageModel(RoundKind round, BallotDesk desk, IStringLocalizer<SharedResource> l) : PageModel
{
    protected IStringLocalizer<SharedResource> L { get; } = l;

    public BallotContext Context { get; private set; } = null!;

    protected async Task<bool> LoadAsync()
    {
        var context = await desk.LoadAsync(round, User);
        if (context is null)
        {
            return false;
        }

        Context = context;
        return true;
    }

    /// <summary>The POST of a ballot: <paramref name="fill"/> makes the round's ballot, or adds model errors and returns null.</summary>
    protected async Task<IActionResult> SaveAsync(Func<RoundBallot?> fill)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (!Context.CanVote)
        {
            return this.PageWithStatus(Context.IsOpen ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict);
        }

        return fill() is { } ballot ? Saved(await desk.CastAsync(Context, ballot)) : this.PageWithStatus(StatusCodes.Status400BadRequest);
    }

    private IActionResult Saved(CastResult result)
    {
        if (result == CastResult.RoundNotOpen)
        {
            ModelState.AddModelError(ErrorKey, L["Vote.ClosedMeanwhile"]);
            return this.PageWithStatus(StatusCodes.Status409Conflict);
        }

        return result == CastResult.NotEligible ? this.PageWithStatus(StatusCodes.Status403Forbidden)
            : this.Done(L[result == CastResult.Replaced ? "Vote.Replaced" : "Vote.Saved"]);
    }

    /// <summary>Where a message about the whole ballot goes (next to the ballot's fieldset, or the summary).</summary>
    protected virtual string ErrorKey => string.Empty;
}
