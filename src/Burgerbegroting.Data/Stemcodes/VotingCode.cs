namespace Burgerbegroting.Data.Stemcodes;

/// <summary>
/// One issued stemcode (docs/stemcodes.md). The code itself is not stored: only its keyed hash, which is how a typed
/// code is found. Ballots cast with the code (directly, or from the account it is linked to) carry
/// <see cref="VoterId"/>, so one code has one ballot per round whichever way it votes.
/// </summary>
public class VotingCode
{
    public long Id { get; set; }
    public int EditionId { get; set; }
    public int BatchId { get; set; }

    /// <summary>The code's number within its batch: with the batch's seed it gives the code back (until the seed is destroyed).</summary>
    public int Index { get; set; }

    /// <summary>HMAC-SHA256 of the canonical code under the stemcode key (which is not in the database).</summary>
    public byte[] Hash { get; set; } = [];

    /// <summary>The voter id of this code's ballots: random, unrelated to the code and to any account.</summary>
    public string VoterId { get; set; } = "";

    /// <summary>The buurt as printed on the letter (the register row's postcode, or the buurt chosen for anonymous codes).</summary>
    public string Buurt { get; set; } = "";

    /// <summary>The addressee from the register extract; all null for anonymous codes.</summary>
    public string? Postcode { get; set; }
    public string? HouseNumber { get; set; }
    public string? Name { get; set; }
    public int? BirthYear { get; set; }

    /// <summary>The account the code is linked to (per edition: one code per account, one account per code), if any.</summary>
    public string? AccountId { get; set; }
    public DateTime? LinkedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    /// <summary>Set on a revoked code: the code issued in its place for the same addressee.</summary>
    public long? ReplacedById { get; set; }

    public bool IsActive => RevokedAt is null;
}
