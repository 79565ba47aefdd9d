using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Pages;

namespace Burgerbegroting.Web.Editions;

/// <summary>
/// The web side of the round table: per round the page residents act on while it is open, the page of its results,
/// and the resource keys of its texts. Links are made from the page names of the route table (PageRoutes).
/// </summary>
/// <param name="Kind">Which round.</param>
/// <param name="ActionPage">Where residents take part while it is open: the ballot, or the new-idea form.</param>
/// <param name="ResultsPage">Where its results are; <see cref="ResultsValues"/> gives the route values for an edition.</param>
public sealed record RoundPage(RoundKind Kind, string ActionPage, string ResultsPage)
{
    public int Number => (int)Kind;

    /// <summary>The route values of <see cref="ResultsPage"/> for this round of an edition (its address, and the round number where the page serves two rounds).</summary>
    public RouteValueDictionary ResultsValues(Edition edition) => ResultsPage == PageRoutes.RoundResults
        ? new() { ["edition"] = edition.Slug, ["number"] = Number }
        : new() { ["edition"] = edition.Slug };

    public string NameKey => $"Round.{Number}.Name";
    public string DescriptionKey => $"Round.{Number}.Description";

    /// <summary>The home page's "what now" text and button while this round is open.</summary>
    public string NowKey => $"Home.Now.Round{Number}";
    public string ActionKey => $"Home.Action.Round{Number}";
}

public static class RoundPages
{
    public static IReadOnlyList<RoundPage> All { get; } =
    [
        new(RoundKind.ThemeChoice, PageRoutes.VoteThemes, PageRoutes.RoundResults),
        new(RoundKind.BudgetSplit, PageRoutes.VoteBudget, PageRoutes.RoundResults),
        new(RoundKind.Ideas, PageRoutes.NewIdea, PageRoutes.IdeaResults),
        new(RoundKind.Selection, PageRoutes.VoteSelection, PageRoutes.SelectionResults),
    ];

    public static RoundPage Of(RoundKind kind) => All.Single(p => p.Kind == kind);

    /// <summary>Every resource key the table names, for the check that each exists in both languages.</summary>
    public static IEnumerable<string> Keys => All.SelectMany(p => new[] { p.NameKey, p.DescriptionKey, p.NowKey, p.ActionKey });
}
