using Burgerbegroting.Voting;

namespace Burgerbegroting.Data.Editions;

/// <summary>
/// One of the four rounds of an edition (docs/rules.md, "Rounds"): Planned → Open → Closed → Published, moved only by staff.
/// </summary>
public class Round
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public Edition Edition { get; set; } = null!;

    /// <summary>The round's number, as stored; <see cref="Kind"/> says which round that is.</summary>
    public int Number { get; set; }

    public RoundKind Kind => (RoundKind)Number;

    public RoundDefinition Definition => RoundTable.Of(Kind);

    public RoundStatus Status { get; set; }
    public DateOnly? PlannedOpen { get; set; }
    public DateOnly? PlannedClose { get; set; }
    public DateTime? OpenedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public DateTime? PublishedAt { get; set; }

    /// <summary>
    /// Bumped by every ballot write while the round is open. A ballot's transaction starts by updating it on
    /// condition that the round is open, so a close (a conditional update of Status) waits for ballots in flight
    /// and no ballot commits after the close is acknowledged.
    /// </summary>
    public long BallotWrites { get; set; }

    /// <summary>Set when the results were computed and stored (at close); null means still to compute.</summary>
    public DateTime? ResultsComputedAt { get; set; }

    public int BallotCount { get; set; }

    /// <summary>Theme choice: staff's choice among themes tied at the cut-off, as shown on the results page.</summary>
    public string? TieResolution { get; set; }
}
