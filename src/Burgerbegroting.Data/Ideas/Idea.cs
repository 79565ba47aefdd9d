using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;

namespace Burgerbegroting.Data.Ideas;

public enum IdeaStatus
{
    /// <summary>Submitted; the submitter can still edit it.</summary>
    Submitted = 0,

    /// <summary>Staff started the feasibility review; no more edits by the submitter.</summary>
    InReview = 1,

    /// <summary>Toegelaten: goes to round 4 with staff's final cost.</summary>
    Admitted = 2,

    /// <summary>Niet toegelaten, with a public reason.</summary>
    NotAdmitted = 3,
}

/// <summary>An idea of round 3 (docs/rules.md): submitted by a resident or a buurtnetwerk under a theme, reviewed by staff.</summary>
public class Idea
{
    public const int TitleMax = 120;
    public const int SummaryMax = 300;
    public const int DescriptionMax = 10_000;

    public int Id { get; set; }
    public int EditionId { get; set; }
    public int ThemeId { get; set; }
    public Theme Theme { get; set; } = null!;
    public int BuurtId { get; set; }
    public Buurt Buurt { get; set; } = null!;

    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";

    /// <summary>Markdown, rendered safely.</summary>
    public string Description { get; set; } = "";

    /// <summary>The submitter's estimate in whole euros.</summary>
    public long EstimatedCost { get; set; }

    /// <summary>Staff's final cost when admitted; this is what counts in round 4.</summary>
    public long? FinalCost { get; set; }

    public string SubmitterId { get; set; } = "";
    public AppUser Submitter { get; set; } = null!;

    /// <summary>Submitted on behalf of a buurtnetwerk (shown with the network's name).</summary>
    public bool ByNetwork { get; set; }

    public IdeaStatus Status { get; set; }

    /// <summary>Code from the configured list of reasons (Review:Reasons) when not admitted.</summary>
    public string? ReviewReason { get; set; }

    /// <summary>Staff's explanation, shown publicly with the decision.</summary>
    public string? ReviewNote { get; set; }

    public DateTime? ReviewedAt { get; set; }

    public bool Hidden { get; set; }
    public string? HiddenReason { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>What counts in round 4 and what the idea is shown to cost: the final cost once admitted, else the estimate.</summary>
    public long EffectiveCost => IdeaCost.Effective(EstimatedCost, FinalCost);

    /// <summary>The submitter may change it while it waits for review and the ideas round is open.</summary>
    public bool EditableBySubmitter(RoundStatus ideasRound) => Status == IdeaStatus.Submitted && !Hidden && ideasRound == RoundStatus.Open;
}

/// <summary>Someone signed in reported an idea as inappropriate; staff look at it.</summary>
public class IdeaReport
{
    public long Id { get; set; }
    public int IdeaId { get; set; }
    public Idea Idea { get; set; } = null!;
    public string ReporterId { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? HandledAt { get; set; }
}
