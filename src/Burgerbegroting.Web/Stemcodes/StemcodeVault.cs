using Burgerbegroting.Voting.Stemcodes;
using Burgerbegroting.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;

namespace Burgerbegroting.Web.Stemcodes;

/// <summary>
/// The two secrets behind stemcodes (docs/stemcodes.md, "Storage"): the key of the stored hashes, kept outside the
/// database (<see cref="SecretKeys"/>), and the protection of a batch's seed until its export is closed.
/// </summary>
public sealed class StemcodeVault(SecretKeys keys, IDataProtectionProvider protection)
{
    public const string KeyName = "stemcodes";
    private readonly Lazy<StemcodeHasher> _hasher = new(() => new StemcodeHasher(keys.Get(KeyName)));
    private readonly IDataProtector _seeds = protection.CreateProtector("Burgerbegroting.Stemcodes.Seed");

    public byte[] Hash(string canonical) => _hasher.Value.Hash(canonical);

    public bool Matches(string canonical, byte[] stored) => _hasher.Value.Matches(canonical, stored);

    public byte[] Protect(byte[] seed) => _seeds.Protect(seed);

    public byte[] Unprotect(byte[] protectedSeed) => _seeds.Unprotect(protectedSeed);
}
