namespace Burgerbegroting.Data.Events;

/// <summary>
/// A physical event of one round (docs/events.md): residents check in at its desk and vote on paper or on the desk's
/// tablet; its paper sheets are typed in twice.
/// </summary>
public class VotingEvent
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public int RoundId { get; set; }
    public string Name { get; set; } = "";
    public string Place { get; set; } = "";
    public DateOnly Date { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// A resident checked in at an event's desk for its round: by stemcode (then that code votes on paper in this round
/// and no longer online), or in an accounts edition by name and postcode on the attendance list.
/// </summary>
public class EventCheckIn
{
    public long Id { get; set; }
    public int EventId { get; set; }
    public int RoundId { get; set; }
    public long? VotingCodeId { get; set; }
    public string? AttendeeName { get; set; }
    public string? AttendeePostcode { get; set; }
    public DateTime At { get; set; }

    /// <summary>The staff member at the desk (an e-mail address, as in the audit log).</summary>
    public string By { get; set; } = "";
}
