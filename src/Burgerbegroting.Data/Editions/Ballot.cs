using System.Security.Cryptography;
using Burgerbegroting.Voting.Paper;

namespace Burgerbegroting.Data.Editions;

/// <summary>
/// What was voted in one round, never by whom (docs/secrecy.md): stored under <see cref="Pseudonym"/>, a keyed hash of
/// the voter with the round's key, so only the app while the round runs can find a voter's ballot to replace it.
/// Nothing on it says when it came in: its ids are random and it has no timestamps or channel; who voted, how and
/// when is on <see cref="ParticipationRecord"/>.
/// </summary>
public class Ballot
{
    /// <summary>Random (<see cref="NewId"/>), so the row order says nothing about the order of voting.</summary>
    public long Id { get; set; }
    public int RoundId { get; set; }

    /// <summary><see cref="Voting.Secrecy.BallotPseudonym"/> of the voter; unique per round (one ballot per voter).</summary>
    public string Pseudonym { get; set; } = "";

    /// <summary>Shown to the voter after saving and published next to the ballot in the open data.</summary>
    public string ReceiptCode { get; set; } = "";

    public List<BallotEntry> Entries { get; set; } = [];

    /// <summary>A positive random 63-bit id: ballots and their lines are numbered in no order.</summary>
    public static long NewId()
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        RandomNumberGenerator.Fill(bytes);
        return Math.Max(1, BitConverter.ToInt64(bytes) & long.MaxValue);
    }
}

/// <summary>
/// One line of a ballot: a chosen theme (round 1, value 1), a theme's percentage (round 2), or an approved idea
/// (round 4: <see cref="IdeaId"/> set, <see cref="ThemeId"/> its theme, value 1).
/// </summary>
public class BallotEntry
{
    /// <summary>Random, as <see cref="Ballot.Id"/>.</summary>
    public long Id { get; set; } = Ballot.NewId();
    public long BallotId { get; set; }
    public int ThemeId { get; set; }
    public int? IdeaId { get; set; }
    public int Value { get; set; }
}

/// <summary>
/// That a voter took part in a round, and how — never what they voted (docs/secrecy.md). It says "you have voted",
/// counts turnout and the figures by channel, buurt and age, and decides who hears the results. One per voter and
/// round (its key), as there is one ballot.
/// </summary>
public class ParticipationRecord
{
    public int RoundId { get; set; }

    /// <summary>The account's id, a stemcode's voter id, or a paper sheet's own random id.</summary>
    public string VoterId { get; set; } = "";

    /// <summary>How the ballot came in (online by account or by stemcode, the event desk, paper): counted alike, reported apart.</summary>
    public BallotChannel Channel { get; set; }

    public DateTime FirstVotedAt { get; set; }
    public DateTime LastVotedAt { get; set; }
}

/// <summary>
/// The round's key for <see cref="Ballot.Pseudonym"/>, encrypted with a key that is not in the database (Secrets:ballots).
/// Deleted when the round is published: from then on nobody can tell which ballot was whose.
/// </summary>
public class RoundKey
{
    public int RoundId { get; set; }

    /// <summary>AES-GCM: nonce, tag and the encrypted 32-byte key.</summary>
    public byte[] Wrapped { get; set; } = [];
}
