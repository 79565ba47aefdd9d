using Microsoft.AspNetCore.Identity;

namespace Burgerbegroting.Data.Accounts;

public enum AccountKind
{
    Resident = 0,
    Network = 1,
    Staff = 2,
}

/// <summary>Everyone who signs in: residents, buurtnetwerken (organisations) and gemeente staff.</summary>
public class AppUser : IdentityUser
{
    public AccountKind Kind { get; set; }

    /// <summary>A resident's own name, or for a buurtnetwerk the contact person.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Buurtnetwerk only: the organisation's name as shown on its ideas.</summary>
    public string? OrganisationName { get; set; }

    /// <summary>Normalised "6211AB"; used for the eligibility check against an edition's area.</summary>
    public string? Postcode { get; set; }

    public int? BirthYear { get; set; }

    /// <summary>"nl-NL" or "en-GB": the language of the mails we send this person.</summary>
    public string PreferredCulture { get; set; } = "nl-NL";

    public DateTime CreatedAt { get; set; }

    /// <summary>Buurtnetwerk only: set when staff approve it; until then it cannot act.</summary>
    public DateTime? ApprovedAt { get; set; }

    /// <summary>Buurtnetwerk only: set when staff turn the application down, with their reason.</summary>
    public DateTime? RejectedAt { get; set; }

    public string? RejectionReason { get; set; }

    /// <summary>Opted in to mails when a round opens or results are published (not transactional: each has an unsubscribe link).</summary>
    public bool WantsUpdates { get; set; }

    /// <summary>When the account's access ended: a staff member revoked by a beheerder, or any account its holder deleted.</summary>
    public DateTime? RevokedAt { get; set; }

    /// <summary>
    /// The holder deleted the account (docs/privacy.md): what is left is a row without a person — no address, name,
    /// postcode or password — that keeps the ideas, reports and participations of published rounds pointing somewhere.
    /// Every live account has an e-mail address (registration and invitations require one).
    /// </summary>
    public bool Erased => Email is null;

    public string PublicName => Kind == AccountKind.Network && !string.IsNullOrEmpty(OrganisationName) ? OrganisationName : DisplayName;
}
