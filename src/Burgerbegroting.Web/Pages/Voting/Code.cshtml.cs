using System.ComponentModel.DataAnnotations;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Stemcodes;
using Burgerbegroting.Voting;
using Burgerbegroting.Data.Events;
using Burgerbegroting.Voting.Paper;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Events;
using Burgerbegroting.Web.Infrastructure;
using Burgerbegroting.Web.Stemcodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Voting;

/// <summary>
/// Voting with the code from the letter (docs/stemcodes.md): type it, or arrive by the letter's QR code (a script fills
/// it in from the link's fragment, which never reaches the server). Without an account the code opens a short session;
/// with an account it is linked to the account once. Then the page says, per round, whether this code has voted. On an
/// event's voting tablet (docs/events.md) every code opens a desk session, whoever is signed in on the device.
/// </summary>
public class CodeModel(AppDbContext db, StemcodeRedeemer redeemer, StemcodeGuard guard, UserManager<AppUser> users, TabletMode tablet, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    [Display(Name = "Field.Stemcode")]
    public string? Code { get; set; }

    public Edition Edition { get; private set; } = null!;

    /// <summary>The code of the session or linked to the account; null while none is entered.</summary>
    public VotingCode? Current { get; private set; }

    public bool InSession { get; private set; }
    public AppUser? Account { get; private set; }

    /// <summary>The event whose voting tablet this device is, while its round is open; null elsewhere.</summary>
    public VotingEvent? Tablet { get; private set; }

    /// <summary>The rounds with a ballot, and whether this code has voted in each.</summary>
    public IReadOnlyList<(Round Round, bool Voted)> Rounds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (!Edition.UsesStemcodes)
        {
            return this.PageWithStatus(StatusCodes.Status409Conflict);
        }

        var redeemed = await redeemer.RedeemAsync(Edition, Code, HttpContext.Connection.RemoteIpAddress);
        return redeemed.Outcome == RedeemOutcome.Accepted ? await AcceptedAsync(redeemed.Code!) : Refused(redeemed.Outcome);
    }

    public async Task<IActionResult> OnPostEndAsync()
    {
        await StemcodeSession.SignOutAsync(HttpContext);
        return this.Done(l["Code.Ended"]);
    }

    private async Task<IActionResult> AcceptedAsync(VotingCode code)
    {
        if (Account is null)
        {
            await StemcodeSession.SignInAsync(HttpContext, code, Tablet is null ? BallotChannel.Stemcode : BallotChannel.Desk);
            return this.Done(l["Code.Accepted"], pageName: OpenBallotPage());
        }

        var linked = await redeemer.LinkAsync(code, Account);
        if (linked is LinkOutcome.Linked or LinkOutcome.AlreadyLinked)
        {
            return this.Done(l["Code.Linked"], pageName: OpenBallotPage());
        }

        ModelState.AddModelError(nameof(Code), l["Code.Error." + linked]);
        return this.PageWithStatus(linked == LinkOutcome.NotAResident ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict);
    }

    private PageResult Refused(RedeemOutcome outcome)
    {
        ModelState.AddModelError(nameof(Code), l["Code.Error." + outcome, guard.MinutesToNextHour()]);
        return this.PageWithStatus(outcome switch
        {
            RedeemOutcome.Revoked => StatusCodes.Status403Forbidden,
            RedeemOutcome.AddressLimited or RedeemOutcome.SiteLimited => StatusCodes.Status429TooManyRequests,
            _ => StatusCodes.Status400BadRequest,
        });
    }

    /// <summary>The ballot of the round that is open now, or this page when none is.</summary>
    private string? OpenBallotPage() =>
        Edition.Rounds.FirstOrDefault(r => r.Status == RoundStatus.Open && r.Definition.HasBallot) is { } open ? RoundPages.Of(open.Kind).ActionPage : null;

    private async Task<bool> LoadAsync()
    {
        if (await db.CurrentAsync() is not { } edition)
        {
            return false;
        }

        Edition = edition;
        Tablet = edition.UsesStemcodes ? await tablet.OpenEventAsync(HttpContext, edition) : null;
        Account = Tablet is null && User.Identity?.IsAuthenticated == true ? await users.GetUserAsync(User) : null;
        var session = await StemcodeSession.CurrentAsync(HttpContext);
        Current = session is null ? null : await db.VotingCodes.AsNoTracking().SingleOrDefaultAsync(c => c.Id == session.CodeId && c.EditionId == edition.Id);
        InSession = Current is not null;
        Current ??= Account is null ? null : await redeemer.LinkedCodeAsync(edition.Id, Account.Id);
        var ballotRounds = edition.Rounds.Where(r => r.Definition.HasBallot).ToList();
        var ids = ballotRounds.Select(r => r.Id).ToList();
        var voted = Current is null ? [] : await db.Participations.Where(p => ids.Contains(p.RoundId) && p.VoterId == Current.VoterId).Select(p => p.RoundId).ToListAsync();
        Rounds = [.. ballotRounds.Select(r => (r, voted.Contains(r.Id)))];
        return true;
    }
}
