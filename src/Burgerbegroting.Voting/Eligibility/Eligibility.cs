namespace Burgerbegroting.Voting.Eligibility;

/// <summary>Why someone may not vote (yet); each has its own explanation and remedy on the page.</summary>
public enum IneligibleReason
{
    EmailNotConfirmed,
    NoPostcode,
    PostcodeOutsideArea,
    NoBirthYear,
    TooYoung,

    /// <summary>Buurtnetwerken and staff accounts take part in other ways; only residents vote.</summary>
    NotAResident,

    /// <summary>The edition votes by stemcode, and this account has no code linked to it yet.</summary>
    NoStemcode,

    /// <summary>The code was revoked (a lost letter); the letter with the new code works.</summary>
    StemcodeRevoked,

    /// <summary>The code was checked in at an event in this round: its vote is the paper sheet handed out there.</summary>
    VotedOnPaper,
}

/// <summary>The eligibility check (docs/rules.md, "Eligibility"): confirmed email, postcode in the edition's area, minimum age.</summary>
public static class VoterEligibility
{
    /// <summary>
    /// All reasons that apply (empty: may vote). Age counts in whole years from the birth year only, as we ask
    /// no birth date: someone turning 16 this year may vote when the minimum age is 16.
    /// </summary>
    public static IReadOnlyList<IneligibleReason> Check(
        bool isResident, bool emailConfirmed, string? postcode, int? birthYear, IEnumerable<PostcodeArea> area, int minimumAge, int currentYear)
    {
        var reasons = new List<IneligibleReason>();
        if (!isResident)
        {
            reasons.Add(IneligibleReason.NotAResident);
            return reasons;
        }

        if (!emailConfirmed)
        {
            reasons.Add(IneligibleReason.EmailNotConfirmed);
        }

        if (DutchPostcode.Normalize(postcode) is null)
        {
            reasons.Add(IneligibleReason.NoPostcode);
        }
        else if (!area.Any(a => a.Contains(postcode)))
        {
            reasons.Add(IneligibleReason.PostcodeOutsideArea);
        }

        if (birthYear is null)
        {
            reasons.Add(IneligibleReason.NoBirthYear);
        }
        else if (currentYear - birthYear.Value < minimumAge)
        {
            reasons.Add(IneligibleReason.TooYoung);
        }

        return reasons;
    }
}
