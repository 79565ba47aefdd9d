namespace Burgerbegroting.Voting;

/// <summary>What round 2 offers: the chosen themes and the budget the percentages divide.</summary>
public sealed record BudgetSplitOffer(IReadOnlyList<int> Themes, long TotalBudget)
{
    /// <summary>The euros a share stands for, rounded down, as the page shows them while the voter types.</summary>
    public long Euros(int percentage) => TotalBudget * percentage / 100;
}

/// <summary>A round 2 ballot: every chosen theme a whole percentage 0..100, together exactly 100; 0% is stored too.</summary>
public sealed class BudgetBallot : RoundBallot
{
    private BudgetBallot(IReadOnlyDictionary<int, int> percentages)
        : base(RoundKind.BudgetSplit, percentages.Select(p => new BallotLine(p.Key, null, p.Value)))
    {
    }

    public static BallotCheck<BudgetBallot, BudgetSplitError<int>> Create(BudgetSplitOffer offer, IReadOnlyDictionary<int, int> percentages)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var errors = BudgetSplit.Validate(percentages, [.. offer.Themes]);
        return errors.Count > 0
            ? new BallotCheck<BudgetBallot, BudgetSplitError<int>>(null, errors)
            : new BallotCheck<BudgetBallot, BudgetSplitError<int>>(new BudgetBallot(percentages), []);
    }
}
