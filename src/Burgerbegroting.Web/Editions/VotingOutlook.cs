using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Voting.Eligibility;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Editions;

/// <summary>
/// Tells a resident, as soon as their account exists and on their profile, when the current edition will not let them
/// vote and why: the same decision the ballot pages make (<see cref="Eligibility"/>), so registering never promises a
/// vote the ballot will refuse. Left out: an e-mail address not yet confirmed (the page asks for that anyway) and
/// stemcodes editions, where the code in the municipality's letter decides, not the account.
/// </summary>
public sealed class VotingOutlook(AppDbContext db, Eligibility eligibility, IStringLocalizer<SharedResource> l)
{
    /// <summary>"U kunt in Burgerbegroting 2027 niet stemmen: …", or null when nothing in the account stands in the way.</summary>
    public async Task<string?> CannotVoteAsync(AppUser user)
    {
        if (user.Kind != AccountKind.Resident || await db.CurrentAsync() is not { UsesStemcodes: false } edition)
        {
            return null;
        }

        var reasons = eligibility.Check(user, edition).Where(r => r != IneligibleReason.EmailNotConfirmed).ToList();
        var postcode = user.Postcode is null ? "" : DutchPostcode.Format(user.Postcode);
        return reasons.Count == 0 ? null
            : l["CannotVote", edition.Name, string.Join("; ", reasons.Select(r => l["CannotVote." + r, postcode, edition.MinimumAge].Value))].Value;
    }
}
