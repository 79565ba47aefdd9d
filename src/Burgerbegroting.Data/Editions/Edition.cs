using Burgerbegroting.Voting;

namespace Burgerbegroting.Data.Editions;

public enum OutcomeRuleKind
{
    /// <summary>Ideas by votes, each taken if it still fits (what most cities use).</summary>
    Greedy = 0,

    /// <summary>Method of Equal Shares with add-one completion, then greedy (mes-cost-add1-greedy).</summary>
    EqualShares = 1,
}

/// <summary>Who may vote in an edition (docs/stemcodes.md); fixed once round 1 opens.</summary>
public enum VoterRoll
{
    /// <summary>Residents with a confirmed account, a postcode in the area and the minimum age.</summary>
    Accounts = 0,

    /// <summary>Whoever holds a stemcode from the municipality's letter, with or without an account.</summary>
    Stemcodes = 1,
}

/// <summary>One burgerbegroting ("Burgerbegroting Maastricht 2027"): its budget, area, settings and four rounds.</summary>
public class Edition
{
    public int Id { get; set; }

    /// <summary>
    /// The edition's part of its public addresses ("2026" in /2026/uitslag/4): lower-case letters, digits and hyphens,
    /// starting with a digit so it never collides with a page's own address. Fixed once the edition is public.
    /// </summary>
    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The name in English; empty: the Dutch name is shown on the English site too.</summary>
    public string NameEn { get; set; } = "";

    /// <summary>Introduction shown on the home page (Markdown).</summary>
    public string Introduction { get; set; } = "";

    /// <summary>The introduction in English (Markdown); empty: the Dutch one.</summary>
    public string IntroductionEn { get; set; } = "";

    /// <summary>The total budget in whole euros.</summary>
    public long TotalBudget { get; set; }

    public int MinimumAge { get; set; } = 16;

    /// <summary>K: how many themes a round-1 ballot may choose.</summary>
    public int MaxThemesPerBallot { get; set; } = 3;

    /// <summary>N: how many themes go through to round 2.</summary>
    public int ThemesToSelect { get; set; } = 5;

    public OutcomeRuleKind OutcomeRule { get; set; } = OutcomeRuleKind.Greedy;

    public VoterRoll VoterRoll { get; set; } = VoterRoll.Accounts;

    public bool UsesStemcodes => VoterRoll == VoterRoll.Stemcodes;

    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// When staff made this the edition residents see (docs/product.md, "Editions"); null while it is a draft, which only
    /// staff see. The current edition is the one made current last; an edition made current before it stays public.
    /// </summary>
    public DateTime? CurrentSince { get; set; }

    public bool IsDraft => CurrentSince is null;

    /// <summary>Voting is going on: a round is open. The edition residents see may not be replaced meanwhile.</summary>
    public bool IsRunning => Rounds.Any(r => r.Status == RoundStatus.Open);

    public void MakeCurrent(DateTime now) => CurrentSince = now;

    /// <summary>
    /// Raised by every write that changes the participation figures of a round already published: residents per buurt,
    /// stemcodes issued or revoked, ideas reviewed, moved or hidden. The cached public figures and the edition report
    /// are kept under it (docs/participation.md, "The edition report"), so every app instance sees the change at once.
    /// </summary>
    public long FiguresVersion { get; set; }

    public List<Buurt> Buurten { get; set; } = [];
    public List<Round> Rounds { get; set; } = [];
    public List<Theme> Themes { get; set; } = [];

    /// <summary>Settings that decide the outcome (budget, area, K, N, rule) are fixed once the first round has opened.</summary>
    public bool SettingsLocked => EditionSettings.Locked(Round(RoundTable.First).Status);

    public Round Round(RoundKind kind) => Rounds.Single(r => r.Kind == kind);

    /// <summary>The rounds as the transition rules see them.</summary>
    public IReadOnlyList<RoundState> RoundStates() => [.. Rounds.Select(r => new RoundState(r.Kind, r.Status))];

    /// <summary>The name in the reader's language (<see cref="Bilingual"/>).</summary>
    public string DisplayName => Bilingual.Pick(Name, NameEn);

    public string DisplayIntroduction => Bilingual.Pick(Introduction, IntroductionEn);

    /// <summary>
    /// Starts this (new) edition from an earlier one: its buurten with their postcodes and its candidate themes with their
    /// texts. Not its ballots, ideas, results or counts of residents, which belong to that year.
    /// </summary>
    public void CopyAreaAndThemesFrom(Edition earlier)
    {
        Buurten = [.. earlier.Buurten.Select(b => new Buurt { Name = b.Name, Postcodes = b.Postcodes })];
        Themes = [.. earlier.Themes.OrderBy(t => t.Position).Select(t => new Theme
        {
            Name = t.Name, ShortDescription = t.ShortDescription, Body = t.Body,
            NameEn = t.NameEn, ShortDescriptionEn = t.ShortDescriptionEn, BodyEn = t.BodyEn, Position = t.Position,
        })];
    }

    public static Edition CreateNew(string name, long totalBudget, DateTime now) => new()
    {
        Name = name,
        Slug = EditionSlug.Suggest(name, now),
        TotalBudget = totalBudget,
        CreatedAt = now,
        Rounds = [.. RoundTable.All.Select(r => new Round { Number = r.Number, Status = RoundStatus.Planned })],
    };
}
