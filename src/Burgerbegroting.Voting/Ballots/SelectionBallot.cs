using Burgerbegroting.Voting.Money;

namespace Burgerbegroting.Voting;

/// <summary>One theme of round 4: its budget and the cost of each admitted idea.</summary>
public sealed record SelectionTheme(int ThemeId, long Budget, IReadOnlyDictionary<int, long> IdeaCosts)
{
    /// <summary>What the chosen ideas of this theme use of its budget (each idea once; other themes' ideas ignored).</summary>
    public BudgetUse Use(IEnumerable<int> chosen) =>
        new(chosen.Distinct().Where(IdeaCosts.ContainsKey).Sum(id => IdeaCosts[id]), Budget);
}

/// <summary>What round 4 offers: per theme with a budget, its admitted ideas.</summary>
public sealed record SelectionOffer(IReadOnlyList<SelectionTheme> Themes)
{
    public SelectionTheme Theme(int themeId) => Themes.Single(t => t.ThemeId == themeId);
}

/// <summary>
/// What is wrong with a round 4 ballot: in a theme (<paramref name="ThemeId"/> set), or in the ballot as a whole
/// (<paramref name="ThemeId"/> null): an idea admitted in none of the themes (NotAdmitted) or no idea at all (Empty).
/// For OverBudget, the total the theme's choices cost.
/// </summary>
public sealed record SelectionBallotError(int? ThemeId, KnapsackBallotErrorKind Kind, long TotalCost = 0);

/// <summary>A round 4 ballot: per theme, admitted ideas within its budget (a knapsack ballot), each stored once with value 1.</summary>
public sealed class SelectionBallot : RoundBallot
{
    private SelectionBallot(IEnumerable<BallotLine> lines)
        : base(RoundKind.Selection, lines)
    {
    }

    public IEnumerable<int> Ideas => Lines.Select(l => l.IdeaId!.Value);

    public static BallotCheck<SelectionBallot, SelectionBallotError> Create(SelectionOffer offer, IReadOnlyCollection<int> chosen)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(chosen);
        var themeOf = offer.Themes.SelectMany(t => t.IdeaCosts.Keys.Select(idea => (idea, t.ThemeId))).ToDictionary(x => x.idea, x => x.ThemeId);
        var errors = new List<SelectionBallotError>();
        if (chosen.Count == 0)
        {
            errors.Add(new(null, KnapsackBallotErrorKind.Empty));
        }

        if (chosen.Any(id => !themeOf.ContainsKey(id)))
        {
            errors.Add(new(null, KnapsackBallotErrorKind.NotAdmitted));
        }

        foreach (var theme in offer.Themes)
        {
            var selected = chosen.Where(theme.IdeaCosts.ContainsKey).ToList();
            errors.AddRange(KnapsackBallot.Validate(selected, theme.IdeaCosts, theme.Budget)
                .Select(e => new SelectionBallotError(theme.ThemeId, e.Kind, e.TotalCost)));
        }

        return errors.Count > 0
            ? new BallotCheck<SelectionBallot, SelectionBallotError>(null, errors)
            : new BallotCheck<SelectionBallot, SelectionBallotError>(new SelectionBallot(chosen.Distinct().Select(id => new BallotLine(themeOf[id], id, 1))), []);
    }
}
