using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting.Eligibility;

namespace Burgerbegroting.Web.Editions;

/// <summary>May this account vote in this edition, and if not, why (docs/rules.md, "Eligibility")?</summary>
public sealed class Eligibility(TimeProvider clock)
{
    public IReadOnlyList<IneligibleReason> Check(AppUser user, Edition edition)
    {
        var area = edition.Buurten.Select(b => PostcodeArea.TryParse(b.Postcodes, out _) ?? PostcodeArea.Empty).ToList();
        return VoterEligibility.Check(user.Kind == AccountKind.Resident, user.EmailConfirmed, user.Postcode, user.BirthYear, area, edition.MinimumAge, clock.GetUtcNow().Year);
    }
}
