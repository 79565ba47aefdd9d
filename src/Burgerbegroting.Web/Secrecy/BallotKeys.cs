using System.Security.Cryptography;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Secrecy;
using Burgerbegroting.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Secrecy;

/// <summary>
/// The round keys that ballots are stored under (docs/secrecy.md). Each round gets a random key of its own, kept in
/// the database only encrypted (AES-GCM) with the key <c>Secrets:ballots</c>, which is not in the database. So a copy
/// of the database alone cannot tell whose a ballot is; the app can, while the round runs, to show a voter their
/// ballot and to replace it. Publishing deletes the round's key: from then on not even the app can.
/// </summary>
public sealed class BallotKeys(AppDbContext db, SecretKeys secrets)
{
    public const string SecretName = "ballots";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    /// <summary>Keys this unit of work has read or made: a ballot's save needs its round's key twice (to show, to store).</summary>
    private readonly Dictionary<int, byte[]> _known = [];

    /// <summary>
    /// The voter's pseudonym in the round, or null once the round is published (its key is gone). Makes the round's
    /// key the first time a round that takes ballots needs one.
    /// </summary>
    public async Task<string?> PseudonymAsync(Round round, string voterId) =>
        await KeyAsync(round) is { } key ? BallotPseudonym.Of(key, voterId) : null;

    /// <summary>The round's key; null for a published round (never made again) or a round that has not opened.</summary>
    public async Task<byte[]?> KeyAsync(Round round)
    {
        if (round.Status is RoundStatus.Published or RoundStatus.Planned)
        {
            return await LoadAsync(round.Id);
        }

        return await LoadAsync(round.Id) ?? await MakeAsync(round.Id);
    }

    /// <summary>Publishing forgets the key, in the caller's unit of work (the publication's save).</summary>
    public async Task ForgetAsync(int roundId)
    {
        _known.Remove(roundId);
        if (await db.RoundKeys.SingleOrDefaultAsync(k => k.RoundId == roundId) is { } stored)
        {
            db.RoundKeys.Remove(stored);
        }
    }

    private async Task<byte[]?> LoadAsync(int roundId)
    {
        if (_known.TryGetValue(roundId, out var known))
        {
            return known;
        }

        var wrapped = await db.RoundKeys.AsNoTracking().Where(k => k.RoundId == roundId).Select(k => k.Wrapped).SingleOrDefaultAsync();
        return wrapped is null ? null : _known[roundId] = Unwrap(roundId, wrapped);
    }

    /// <summary>A new key; when another request made one at the same moment, theirs (the key is the round's primary key).</summary>
    private async Task<byte[]> MakeAsync(int roundId)
    {
        var key = RandomNumberGenerator.GetBytes(BallotPseudonym.KeyBytes);
        var stored = new RoundKey { RoundId = roundId, Wrapped = Wrap(roundId, key) };
        db.RoundKeys.Add(stored);
        try
        {
            await db.SaveChangesAsync();
            return _known[roundId] = key;
        }
        catch (DbUpdateException)
        {
            db.Entry(stored).State = EntityState.Detached;
            return await LoadAsync(roundId) ?? throw new InvalidOperationException($"The key of round {roundId} could not be stored.");
        }
    }

    private byte[] Wrap(int roundId, byte[] key)
    {
        var wrapped = new byte[NonceBytes + TagBytes + key.Length];
        var nonce = wrapped.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(MasterKey(), TagBytes);
        aes.Encrypt(nonce, key, wrapped.AsSpan(NonceBytes + TagBytes), wrapped.AsSpan(NonceBytes, TagBytes), Associated(roundId));
        return wrapped;
    }

    private byte[] Unwrap(int roundId, byte[] wrapped)
    {
        var key = new byte[wrapped.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(MasterKey(), TagBytes);
        // A key moved to another round, or a different Secrets:ballots, fails here rather than giving wrong pseudonyms.
        aes.Decrypt(wrapped.AsSpan(0, NonceBytes), wrapped.AsSpan(NonceBytes + TagBytes), wrapped.AsSpan(NonceBytes, TagBytes), key, Associated(roundId));
        return key;
    }

    private byte[] MasterKey() => secrets.Get(SecretName)[..32];

    private static byte[] Associated(int roundId) => BitConverter.GetBytes(roundId);
}
