using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Data.Stemcodes;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Eligibility;
using Burgerbegroting.Voting.Paper;

namespace Burgerbegroting.Web.Editions;

/// <summary>A theme of the selection round with its admitted ideas, as the ballot shows them.</summary>
public sealed record ThemeIdeas(Theme Theme, IReadOnlyList<Idea> Ideas);

/// <summary>
/// Who casts a ballot: <see cref="Id"/> is who the participation names and what the ballot's pseudonym is made of — the
/// account's id, or in a stemcodes edition the code's voter id, whether the code is typed or linked to the account. <see cref="Account"/> gets the receipt mail.
/// </summary>
public sealed record BallotVoter(string Id, AppUser? Account, VotingCode? Code)
{
    /// <summary>Voting with a typed code in a session of its own, which ends after the ballot is saved.</summary>
    public bool InCodeSession { get; init; }

    /// <summary>How the ballot comes in; counted alike, reported apart (docs/events.md).</summary>
    public BallotChannel Channel { get; init; } = BallotChannel.Account;

    /// <summary>The voter of one paper sheet: a fresh random id, no account, no code.</summary>
    public static BallotVoter PaperSheet() => new(Guid.NewGuid().ToString(), null, null) { Channel = BallotChannel.Paper };
}

/// <summary>
/// What casting a ballot needs, loaded once per request by <see cref="BallotDesk"/>: the round, its state, the voter,
/// whether they may vote, their current ballot, and what the round offers to choose from.
/// </summary>
public sealed class BallotContext
{
    public required Edition Edition { get; init; }
    public required Round Round { get; init; }
    public BallotVoter? Voter { get; init; }
    public IReadOnlyList<IneligibleReason> Reasons { get; init; } = [];

    /// <summary>
    /// The voter's ballot as stored, or null when they have not voted in this round — or when it was published, after
    /// which nobody can tell which ballot was theirs (docs/secrecy.md).
    /// </summary>
    public IReadOnlyList<BallotLine>? Current { get; init; }

    /// <summary>The receipt code of <see cref="Current"/>, shown to the voter, found again in the open data.</summary>
    public string? ReceiptCode { get; init; }

    /// <summary>Whether the voter took part in this round (kept after publication, unlike <see cref="Current"/>).</summary>
    public bool Participated { get; init; }

    /// <summary>Selection round: the themes with a budget and admitted ideas; empty in other rounds.</summary>
    public IReadOnlyList<ThemeIdeas> IdeasByTheme { get; init; } = [];

    public RoundPage Page => RoundPages.Of(Round.Kind);
    public bool IsOpen => Round.Status == RoundStatus.Open;

    /// <summary>Open, or for a paper sheet also closed and not yet published: sheets are typed in after the event.</summary>
    public bool AcceptsBallots => IsOpen || Voter?.Channel == BallotChannel.Paper && Round.Status == RoundStatus.Closed;

    public bool CanVote => AcceptsBallots && Voter is not null && Reasons.Count == 0;
    public bool HasVoted => Participated;

    /// <summary>The themes that went through the theme choice.</summary>
    public IReadOnlyList<Theme> ChosenThemes => [.. Edition.Themes.Where(t => t.Chosen)];

    public ThemeChoiceOffer ThemeChoice => new([.. Edition.Themes.Select(t => t.Id)], Edition.MaxThemesPerBallot);

    public BudgetSplitOffer BudgetSplit => new([.. ChosenThemes.Select(t => t.Id)], Edition.TotalBudget);

    public SelectionOffer Selection => _selection ??=
        new([.. IdeasByTheme.Select(t => new SelectionTheme(t.Theme.Id, t.Theme.Budget ?? 0, t.Ideas.ToDictionary(i => i.Id, i => i.EffectiveCost)))]);

    private SelectionOffer? _selection;
}
