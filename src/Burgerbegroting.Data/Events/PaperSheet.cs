using Burgerbegroting.Voting.Paper;

namespace Burgerbegroting.Data.Events;

public enum SheetStatus
{
    /// <summary>Typed in once; waits for a second typist.</summary>
    Waiting = 0,

    /// <summary>Both entries (or the coordinator) agree and the sheet is a valid ballot.</summary>
    Counted = 1,

    /// <summary>The two entries differ; waits for a coordinator.</summary>
    Disputed = 2,

    /// <summary>Agreed, and invalid by the round's rules: in the turnout, not in the result.</summary>
    Invalid = 3,
}

/// <summary>
/// One paper sheet of an event, known by the number printed on it (docs/events.md, "Double entry"). Two entries by
/// two different staff members; when they agree (or a coordinator decides), the sheet is judged by the round's rules
/// and either casts a ballot (channel Paper) or is recorded as invalid with its reason.
/// </summary>
public class PaperSheet
{
    public long Id { get; set; }
    public int EventId { get; set; }
    public int RoundId { get; set; }
    public int Number { get; set; }
    public SheetStatus Status { get; set; }

    /// <summary>What the sheet says, once agreed or decided (<see cref="SheetMarks.Encode"/>).</summary>
    public string? Marks { get; set; }

    public SheetInvalidReason? InvalidReason { get; set; }

    /// <summary>The voter id of the ballot the sheet cast (random, like a code's), once counted.</summary>
    public string? BallotVoterId { get; set; }

    /// <summary>The coordinator who decided a dispute, and when; null when the entries agreed.</summary>
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }

    public List<SheetEntry> Entries { get; set; } = [];

    public bool IsSettled => Status is SheetStatus.Counted or SheetStatus.Invalid;
}

/// <summary>One typist's entry of a sheet (1 or 2). A typist enters a sheet at most once.</summary>
public class SheetEntry
{
    public long Id { get; set; }
    public long SheetId { get; set; }
    public int Position { get; set; }
    public string TypistId { get; set; } = "";

    /// <summary>The typist's e-mail address, as the coordinator sees it.</summary>
    public string TypistName { get; set; } = "";

    public string Marks { get; set; } = "";
    public DateTime EnteredAt { get; set; }
}
