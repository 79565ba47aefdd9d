using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Stemcodes;
using Burgerbegroting.Voting.Eligibility;

namespace Burgerbegroting.Web.Editions;

/// <summary>May this account or code vote in this edition, and if not, why (docs/rules.md, "Eligibility")?</summary>
public sealed class Eligibility(TimeProvider clock)
{
    public IReadOnlyList<IneligibleReason> Check(AppUser user, Edition edition)
    {
        var area = edition.Buurten.Select(b => PostcodeArea.TryParse(b.Postcodes, out _) ?? PostcodeArea.Empty).ToList();
        return VoterEligibility.Check(user.Kind == AccountKind.Resident, user.EmailConfirmed, user.Postcode, user.BirthYear, area, edition.MinimumAge, clock.GetUtcNow().Year);
    }

    /// <summary>
    /// In a stemcodes edition the municipality's register decided who may vote: an active code may, from any account or
    /// none; an account may only through the code linked to it (docs/stemcodes.md).
    /// </summary>
    public static IReadOnlyList<IneligibleReason> Check(VotingCode? code, bool checkedInAtEvent = false) =>
        code is null ? [IneligibleReason.NoStemcode]
        : !code.IsActive ? [IneligibleReason.StemcodeRevoked]
        : checkedInAtEvent ? [IneligibleReason.VotedOnPaper]
        : [];
}
