using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting.Eligibility;
using Burgerbegroting.Web.Editions;
using Microsoft.AspNetCore.Identity;
using System.Security.Claims;

namespace Burgerbegroting.Web.Pages.Stemmen;

/// <summary>What a ballot page needs to know before showing a ballot: the round, its state, the voter and whether they may vote.</summary>
public sealed class VotingContext
{
    public required Edition Edition { get; init; }
    public required Round Round { get; init; }
    public AppUser? Voter { get; init; }
    public IReadOnlyList<IneligibleReason> Reasons { get; init; } = [];
    public Dictionary<int, int>? CurrentBallot { get; init; }

    public bool IsOpen => Round.Status == RoundStatus.Open;
    public bool CanVote => IsOpen && Voter is not null && Reasons.Count == 0;

    public static async Task<VotingContext?> LoadAsync(int roundNumber, ClaimsPrincipal principal, AppDbContext db, UserManager<AppUser> users, Eligibility eligibility, BallotBox box)
    {
        var current = await db.CurrentRoundAsync(roundNumber);
        if (current is not { } found)
        {
            return null;
        }

        var voter = principal.Identity?.IsAuthenticated == true ? await users.GetUserAsync(principal) : null;
        return new VotingContext
        {
            Edition = found.Edition,
            Round = found.Round,
            Voter = voter,
            Reasons = voter is null ? [] : eligibility.Check(voter, found.Edition),
            CurrentBallot = voter is null ? null : await box.FindAsync(found.Round.Id, voter.Id),
        };
    }
}
