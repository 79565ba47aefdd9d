namespace Burgerbegroting.Data.Editions;

public enum ThemeOutcome
{
    NotChosen = 0,
    Chosen = 1,

    /// <summary>Round 1: tied at the cut-off, waiting for staff's decision.</summary>
    Tied = 2,

    /// <summary>Round 1: tied at the cut-off and chosen by staff.</summary>
    ChosenByStaff = 3,

    /// <summary>Round 1: tied at the cut-off and not chosen by staff.</summary>
    NotChosenByStaff = 4,
}

/// <summary>A theme's stored result of round 1 (approvals) or round 2 (percentage sum, budget): computed once at close.</summary>
public class ThemeResult
{
    public long Id { get; set; }
    public int RoundId { get; set; }
    public int ThemeId { get; set; }
    public Theme Theme { get; set; } = null!;
    public int Rank { get; set; }
    public long Votes { get; set; }
    public long PercentageSum { get; set; }
    public long? Budget { get; set; }
    public ThemeOutcome Outcome { get; set; }
}
