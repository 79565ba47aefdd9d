namespace Burgerbegroting.Voting;

/// <summary>Where a round stands: Planned → Open → Closed → Published, moved only by staff.</summary>
public enum RoundStatus
{
    Planned = 0,
    Open = 1,
    Closed = 2,
    Published = 3,
}
