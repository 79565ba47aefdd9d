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
    public List<BallotEntry> Entries { get; set; } = [];
}

/// <summary>A theme on a ballot: chosen (round 1, value 1) or its percentage (round 2).</summary>
public class BallotEntry
{
    public long Id { get; set; }
    public long BallotId { get; set; }
    public int ThemeId { get; set; }
    public int Value { get; set; }
}
