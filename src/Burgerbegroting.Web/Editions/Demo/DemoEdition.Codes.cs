using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Stemcodes;
using Burgerbegroting.Voting.Stemcodes;
using Burgerbegroting.Web.Accounts;
using Burgerbegroting.Web.Editions.Demo;
using Burgerbegroting.Web.Stemcodes;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Editions;

/// <summary>
/// The demo votes by stemcode (docs/stemcodes.md): every demo resident got a letter and linked its code to their
/// account, and a few letters went to residents without an account, whose codes the startup output prints so a new
/// user can vote with one. Those codes are new on every seed (they come from the cryptographic generator).
/// </summary>
public sealed partial class DemoEdition
{
    /// <summary>A resident's account id → the voter id their ballots carry: that of the code linked to the account.</summary>
    private Dictionary<string, string> _voterIds = [];

    private List<string> _tryCodes = [];

    private async Task IssueCodesAsync()
    {
        var edition = await db.Editions.AsNoTracking().Include(e => e.Rounds).SingleAsync(e => e.Id == _editionId);
        // The demo residents who voted, and the demo account to try the ballots with, which has not.
        var tryAccount = await db.Users.AsNoTracking().SingleAsync(u => u.Email == AccountSeeder.DemoResident);
        var holders = _residents.Select((u, i) => new CodeHolder(DemoPeople.Residents[i].Buurt, u.Postcode, HouseNumber(i), u.DisplayName, u.BirthYear))
            .Append(new CodeHolder(BuurtOf(tryAccount.Postcode!), tryAccount.Postcode, HouseNumber(_residents.Count), tryAccount.DisplayName, tryAccount.BirthYear)).ToList();
        var letters = await issuer.IssueAsync(edition, StemcodeBatchKind.Register, holders, DemoName);
        var codes = await db.VotingCodes.Where(c => c.BatchId == letters.Id).OrderBy(c => c.Index).ToListAsync();
        foreach (var (code, account) in codes.Zip(_residents.Append(tryAccount)))
        {
            (code.AccountId, code.LinkedAt) = (account.Id, _now);
        }

        await db.SaveChangesAsync();
        _voterIds = codes.ToDictionary(c => c.AccountId!, c => c.VoterId);
        await issuer.CloseExportAsync(await db.StemcodeBatches.SingleAsync(b => b.Id == letters.Id));

        // Letters to residents without an account; this batch's export stays open, so staff can print them too. (No draws
        // from _random here: the rest of the demo stays as it was.)
        var unlinked = DemoPeople.WithoutAccount.Select((p, i) =>
            new CodeHolder(p.Buurt, DemoCity.Buurten.Single(b => b.Name == p.Buurt).Postcodes[..4] + "HB", HouseNumber(100 + i), p.Name, p.BirthYear)).ToList();
        var open = await issuer.IssueAsync(edition, StemcodeBatchKind.Register, unlinked, DemoName);
        await foreach (var (_, plain) in issuer.PlainCodesAsync(open))
        {
            _tryCodes.Add(Stemcode.Format(plain));
        }

        await IssueLettersAsync(edition);

        db.ChangeTracker.Clear();
    }

    private const string DemoName = "demo";

    private static string BuurtOf(string postcode) =>
        DemoCity.Buurten.First(b => Burgerbegroting.Voting.Eligibility.PostcodeArea.TryParse(b.Postcodes, out _)!.Contains(postcode)).Name;

    private static string HouseNumber(int i) => ((i * 37 % 180) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
