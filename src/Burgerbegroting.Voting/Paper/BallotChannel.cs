namespace Burgerbegroting.Voting.Paper;

/// <summary>How a ballot came in (docs/events.md). Every channel casts the same ballot lines through the same path.</summary>
public enum BallotChannel
{
    /// <summary>Online, signed in with an account (also through the account's linked stemcode).</summary>
    Account = 0,

    /// <summary>Online with a typed stemcode, in a code session of its own.</summary>
    Stemcode = 1,

    /// <summary>On the voting tablet at an event's desk.</summary>
    Desk = 2,

    /// <summary>A paper sheet from an event, typed in twice and reconciled.</summary>
    Paper = 3,
}
