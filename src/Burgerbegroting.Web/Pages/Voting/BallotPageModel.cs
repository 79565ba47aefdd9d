using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Paper;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Infrastructure;
using Burgerbegroting.Web.Infrastructure.Startup;
using Burgerbegroting.Web.Stemcodes;
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

    /// <summary>The round's context; for a save (<paramref name="stored"/> false) without the stored ballot, which the save reads itself.</summary>
    protected async Task<bool> LoadAsync(bool stored = true)
    {
        var context = await desk.LoadAsync(round, User, await StemcodeSession.CurrentAsync(HttpContext), stored);
        if (context is null)
        {
            return false;
        }

        Context = context;
        return true;
    }

    /// <summary>
    /// The POST of a ballot: <paramref name="fill"/> makes the round's ballot, or adds model errors and returns null. A
    /// refused ballot shows the page again, with what the voter has stored.
    /// </summary>
    protected async Task<IActionResult> SaveAsync(Func<RoundBallot?> fill)
    {
        if (!await LoadAsync(stored: false))
        {
            return NotFound();
        }

        int status;
        if (!Context.CanVote)
        {
            status = Context.IsOpen ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict;
        }
        else if (fill() is not { } ballot)
        {
            status = StatusCodes.Status400BadRequest;
        }
        else
        {
            var outcome = await desk.CastAsync(Context, ballot);
            if (outcome.Stored)
            {
                return await SavedAsync(outcome);
            }

            if (outcome.Result == CastResult.RoundNotOpen)
            {
                ModelState.AddModelError(ErrorKey, L["Vote.ClosedMeanwhile"]);
            }

            status = outcome.Result == CastResult.RoundNotOpen ? StatusCodes.Status409Conflict : StatusCodes.Status403Forbidden;
        }

        await LoadAsync();
        return this.PageWithStatus(status);
    }

    private async Task<IActionResult> SavedAsync(CastOutcome outcome)
    {
        // A receipt goes to an account only (BallotDesk); a code without a linked account is promised no mail.
        var replaced = outcome.Result == CastResult.Replaced;
        var message = (Context.Voter!.Account is null
            ? L[replaced ? "Vote.Replaced.NoReceipt" : "Vote.Saved.NoReceipt"]
            : L[replaced ? "Vote.Replaced" : "Vote.Saved"]) + " " + L["Vote.SavedCode", outcome.ReceiptCode!];
        return Context.Voter!.InCodeSession ? await EndCodeSessionAsync(message) : this.Done(message);
    }

    /// <summary>
    /// A code voter's session ends with the saved ballot: a shared computer must not keep the code (docs/stemcodes.md);
    /// on an event's voting tablet the next resident is waiting at the empty code form (docs/events.md).
    /// </summary>
    private async Task<IActionResult> EndCodeSessionAsync(string message)
    {
        await StemcodeSession.SignOutAsync(HttpContext);
        var next = Context.Voter!.Channel == BallotChannel.Desk ? L["Tablet.Saved"].Value : message + " " + L["Code.SessionEnded"];
        return this.Done(next, pageName: PageRoutes.VoteCode);
    }

    /// <summary>Where a message about the whole ballot goes (next to the ballot's fieldset, or the summary).</summary>
    protected virtual string ErrorKey => string.Empty;
}
