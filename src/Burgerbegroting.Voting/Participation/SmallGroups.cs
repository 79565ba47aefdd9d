namespace Burgerbegroting.Voting.Participation;

/// <summary>
/// The rule for counts of people the public sees (docs/participation.md, "Small groups"): a group of fewer than
/// <see cref="Threshold"/> people is shown as "&lt; 10", and so is any percentage computed from it, so nobody in a
/// small buurt or age band can be singled out. Staff see exact counts.
/// </summary>
public static class SmallGroups
{
    public const int Threshold = 10;

    public static bool IsSuppressed(int people) => people < Threshold;
}

/// <summary>A count of people as one audience may see it: exact for staff, or "fewer than 10" for the public.</summary>
public readonly record struct Figure(int Value, bool Suppressed)
{
    public static Figure Exact(int value) => new(value, false);

    public static Figure Public(int value) => new(value, SmallGroups.IsSuppressed(value));

    public static Figure For(int value, bool forPublic) => forPublic ? Public(value) : Exact(value);
}
