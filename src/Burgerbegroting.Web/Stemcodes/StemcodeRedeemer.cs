using System.Net;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Stemcodes;
using Burgerbegroting.Voting.Stemcodes;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Stemcodes;

public enum RedeemOutcome
{
    Accepted,

    /// <summary>Not twelve characters of the alphabet: a typing error, not a guess; not counted.</summary>
    Malformed,

    /// <summary>No such code in this edition; counted against the address and the hour.</summary>
    Unknown,

    Revoked,
    AddressLimited,
    SiteLimited,
}

public enum LinkOutcome
{
    Linked,
    AlreadyLinked,
    CodeHasAnotherAccount,
    AccountHasAnotherCode,
    NotAResident,
}

/// <summary>A typed code checked against the edition's codes: the code's row when it is accepted.</summary>
public sealed record Redeemed(RedeemOutcome Outcome, VotingCode? Code = null);

/// <summary>
/// Turns a typed code into the code's row (docs/stemcodes.md, "Voting with a code"): forgiving about how it is typed,
/// strict about how often it may be wrong, and never logging or storing what was typed.
/// </summary>
public sealed class StemcodeRedeemer(AppDbContext db, StemcodeVault vault, StemcodeGuard guard, TimeProvider clock)
{
    public async Task<Redeemed> RedeemAsync(Edition edition, string? typed, IPAddress? address)
    {
        if (Stemcode.Normalize(typed) is not { } canonical)
        {
            return new(RedeemOutcome.Malformed);
        }

        if (!guard.AddressMayTry(address))
        {
            return new(RedeemOutcome.AddressLimited);
        }

        if (!await guard.SiteMayTryAsync(db))
        {
            return new(RedeemOutcome.SiteLimited);
        }

        var hash = vault.Hash(canonical);
        var code = await db.VotingCodes.AsNoTracking().SingleOrDefaultAsync(c => c.Hash == hash && c.EditionId == edition.Id);
        // The lookup matched the hash exactly; comparing again in constant time keeps the decision itself free of
        // timing differences, whatever the database's comparison does.
        if (code is null || !vault.Matches(canonical, code.Hash))
        {
            await guard.CountFailureAsync(db, address);
            return new(RedeemOutcome.Unknown);
        }

        return new(code.IsActive ? RedeemOutcome.Accepted : RedeemOutcome.Revoked, code);
    }

    /// <summary>Links an accepted code to a resident's account: one code per account and one account per code, in each edition.</summary>
    public async Task<LinkOutcome> LinkAsync(VotingCode code, AppUser account)
    {
        if (account.Kind != AccountKind.Resident)
        {
            return LinkOutcome.NotAResident;
        }

        if (code.AccountId is not null)
        {
            return code.AccountId == account.Id ? LinkOutcome.AlreadyLinked : LinkOutcome.CodeHasAnotherAccount;
        }

        if (await LinkedCodeAsync(code.EditionId, account.Id) is not null)
        {
            return LinkOutcome.AccountHasAnotherCode;
        }

        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var linked = await db.VotingCodes.Where(c => c.Id == code.Id && c.AccountId == null && c.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.AccountId, account.Id).SetProperty(c => c.LinkedAt, now));
            return linked == 1 ? LinkOutcome.Linked : LinkOutcome.CodeHasAnotherAccount;
        }
        catch (DbUpdateException)
        {
            // The same account linked another code at the same moment: the unique index kept one.
            return LinkOutcome.AccountHasAnotherCode;
        }
    }

    /// <summary>The active code linked to this account in the edition, if any.</summary>
    public Task<VotingCode?> LinkedCodeAsync(int editionId, string accountId) =>
        db.VotingCodes.AsNoTracking().SingleOrDefaultAsync(c => c.EditionId == editionId && c.AccountId == accountId && c.RevokedAt == null);
}
