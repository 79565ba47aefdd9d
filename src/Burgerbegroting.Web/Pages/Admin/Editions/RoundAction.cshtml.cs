using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Infrastructure;
using Burgerbegroting.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Admin.Editions;

/// <summary>
/// Opening, closing and publishing a round, each a final staff action: the GET page says what will happen (or what
/// stops it now), and only its form's POST acts. The step is in the address, so a page left open from before another
/// staff member moved the round cannot take the round one step further than the one it names.
/// </summary>
public class RoundActionModel(AppDbContext db, RoundLifecycle lifecycle, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>The step's word in the address: /beheer/edities/1/rondes/3/sluiten; any other word is a 404.</summary>
    public static readonly IReadOnlyDictionary<RoundStep, string> Slugs = new Dictionary<RoundStep, string>
    {
        [RoundStep.Open] = "openen", [RoundStep.Close] = "sluiten", [RoundStep.Publish] = "publiceren",
    };

    public Edition Edition { get; private set; } = null!;
    public Round Round { get; private set; } = null!;
    public RoundStep Step { get; private set; }

    /// <summary>Why the step cannot be taken now, or null.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int roundId, string step) => await LoadAsync(id, roundId, step) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, int roundId, string step)
    {
        if (!await LoadAsync(id, roundId, step))
        {
            return NotFound();
        }

        var error = Refusal is not null ? TransitionError.WrongStatus : await TakeStepAsync();
        if (error != TransitionError.None)
        {
            Refusal ??= await MessageAsync(error);
            return this.PageWithStatus(StatusCodes.Status409Conflict);
        }

        return this.Done(l[Step switch { RoundStep.Open => "Rounds.Opened", RoundStep.Close => "Rounds.Closed", _ => "Rounds.Published" }], new { id }, PageRoutes.AdminEditionRounds);
    }

    private Task<TransitionError> TakeStepAsync() => Step switch
    {
        RoundStep.Open => lifecycle.OpenAsync(Round.Id),
        RoundStep.Close => lifecycle.CloseAsync(Round.Id),
        _ => lifecycle.PublishAsync(Round.Id),
    };

    private async Task<bool> LoadAsync(int id, int roundId, string step)
    {
        if (Slugs.FirstOrDefault(s => s.Value == step) is not { Value: not null } slug
            || await db.FindWithAllAsync(id) is not { } edition || edition.Rounds.SingleOrDefault(r => r.Id == roundId) is not { } round)
        {
            return false;
        }

        (Edition, Round, Step) = (edition, round, slug.Key);
        var error = Step switch
        {
            RoundStep.Open => await lifecycle.CanOpenAsync(roundId),
            RoundStep.Close => RoundTransitions.CanClose(round.Status),
            _ => await lifecycle.CanPublishAsync(roundId),
        };
        Refusal = error == TransitionError.None ? null : await MessageAsync(error);
        return true;
    }

    private async Task<string> MessageAsync(TransitionError error)
    {
        var count = error switch
        {
            TransitionError.UnreviewedIdeas => await lifecycle.UnreviewedIdeasAsync(Edition.Id),
            TransitionError.PaperPending => await lifecycle.PaperPendingAsync(Round.Id),
            TransitionError.TieUnresolved => (await lifecycle.TieAsync(Round.Id)).Seats,
            _ => 0,
        };
        return l.Count("Rounds.Error." + error, count, count, count).Value;
    }
}
