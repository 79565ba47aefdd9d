using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Selection;

/// <summary>Turns the rule's explanation of an idea into one plain sentence ("won with 412 votes", "did not fit: €3,200 left").</summary>
public static class OutcomeText
{
    public static string Describe(IdeaResult result, Func<long, string> money, IStringLocalizer l, IReadOnlyDictionary<int, string> titles)
    {
        var reason = Enum.TryParse<OutcomeReason>(result.Reason, out var parsed) ? parsed : OutcomeReason.DidNotFit;
        var sentence = reason switch
        {
            OutcomeReason.Selected => l.Count("Outcome4.Selected", result.Votes, result.Votes),
            OutcomeReason.SelectedInCompletion => l.Count("Outcome4.Completion", result.Votes, result.Votes, money(result.RemainingAtTurn ?? 0)),
            OutcomeReason.SupportersCouldNotAfford => l.Count("Outcome4.CouldNotAfford", result.Votes, result.Votes, money(result.SupportersMoneyLeft ?? 0), money(result.Cost)),
            OutcomeReason.BelowThreshold => l.Count("Outcome4.BelowThreshold", result.Votes, result.Votes),
            _ => l.Count("Outcome4.DidNotFit", result.Votes, result.Votes, money(result.RemainingAtTurn ?? 0), money(result.Cost)),
        };
        if (string.IsNullOrEmpty(result.WonTieAgainst))
        {
            return sentence.Value;
        }

        var others = string.Join(", ", result.WonTieAgainst.Split(',').Select(id => titles.GetValueOrDefault(int.Parse(id, System.Globalization.CultureInfo.InvariantCulture), id)));
        return $"{sentence.Value} {l["Outcome4.WonTie", others].Value}";
    }
}
