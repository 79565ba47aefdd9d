using System.Globalization;
using Burgerbegroting.Voting;

namespace Burgerbegroting.Tally;

/// <summary>One plain-English line per project, from the data the outcome records.</summary>
public static class Explanation
{
    public static string For(ProjectOutcome p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var votes = p.Points is { } points
            ? F($"{p.Votes} votes, {points} points")
            : F($"{p.Votes} votes");
        var basics = F($"{p.ProjectId}: {votes}, cost {Money(p.Cost)}");
        return p.Reason switch
        {
            OutcomeReason.Selected when p.PaymentPerSupporter is { } pay =>
                F($"{basics}: won at step {p.Step}; each supporter paid at most {Money(pay)}"),
            OutcomeReason.Selected =>
                F($"{basics}: won at step {p.Step}{Left(p, ", with {0} left before it")}"),
            OutcomeReason.SelectedInCompletion =>
                F($"{basics}: won at step {p.Step} in the greedy completion{Left(p, ", with {0} left before it")}"),
            OutcomeReason.DidNotFit =>
                F($"{basics}: did not fit{Left(p, ": {0} left when its turn came")}"),
            OutcomeReason.SupportersCouldNotAfford =>
                F($"{basics}: its supporters could not afford it (they had {Money(p.SupportersMoneyLeft ?? 0)} left in total)"),
            OutcomeReason.BelowThreshold =>
                F($"{basics}: too few votes to be considered"),
            _ => basics,
        };
    }

    private static string Left(ProjectOutcome p, string format) =>
        p.RemainingBudgetAtTurn is { } left ? string.Format(CultureInfo.InvariantCulture, format, Money(left)) : "";

    private static string Money(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
