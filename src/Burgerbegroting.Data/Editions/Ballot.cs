using Burgerbegroting.Voting.Paper;

namespace Burgerbegroting.Data.Editions;

/// <summary>
/// One participant's ballot in one round; submitting again replaces its entries. Unique per (round, voter).
/// </summary>
public class Ballot
{
    public long Id { get; set; }
    public int RoundId { get; set; }
    public string VoterId { get; set; } = "";
    public DateTime SubmittedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>How the ballot came in (online by account or by stemcode, the event desk, paper): counted alike, reported apart.</summary>
    public BallotChannel Channel { get; set; }

    public List<BallotEntry> Entries { get; set; } = [];
}

/// <summary>
/// One line of a ballot: a chosen theme (round 1, value 1), a theme's percentage (round 2), or an approved idea
/// (round 4: <see cref="IdeaId"/> set, <see cref="ThemeId"/> its theme, value 1).
/// </summary>
public class BallotEntry
{
    public long Id { get; set; }
    public long BallotId { get; set; }
    public int ThemeId { get; set; }
    public int? IdeaId { get; set; }
    public int Value { get; set; }
}
