namespace Burgerbegroting.Voting;

/// <summary>
/// One line of a stored ballot, the same shape for every round and every channel: a theme (rounds 1, 2), or an idea
/// with its theme (round 4), and a value (1 for a choice, or a percentage).
/// </summary>
public sealed record BallotLine(int ThemeId, int? IdeaId, int Value);

/// <summary>
/// A valid ballot of one round, made only by its round's factory after checking it against what the round offers.
/// Website, voting codes, the event desk and paper entry all cast these, so every channel stores the same lines.
/// </summary>
public abstract class RoundBallot
{
    protected RoundBallot(RoundKind round, IEnumerable<BallotLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        Round = round;
        var keepZeros = RoundTable.Of(round).KeepsZeroEntries;
        Lines = [.. lines.Where(l => l.Value != 0 || keepZeros)];
    }

    public RoundKind Round { get; }

    /// <summary>What is stored: lines with value 0 only where the round keeps them (a theme given 0%).</summary>
    public IReadOnlyList<BallotLine> Lines { get; }
}

/// <summary>The outcome of filling in a ballot: the ballot when valid, else what is wrong with it.</summary>
public sealed class BallotCheck<TBallot, TError>
    where TBallot : RoundBallot
{
    /// <summary>Valid with a ballot and no errors, invalid with errors and no ballot.</summary>
    internal BallotCheck(TBallot? ballot, IReadOnlyList<TError> errors) => (Ballot, Errors) = (ballot, errors);

    public TBallot? Ballot { get; }
    public IReadOnlyList<TError> Errors { get; }
    public bool IsValid => Ballot is not null;
}
