namespace Burgerbegroting.Voting;

/// <summary>
/// The Method of Equal Shares without completion: every voter starts with budget / voters; each step buys the
/// affordable project with the lowest rho, where supporter i pays min(money_i, rho * utility_i); it stops when
/// no project is affordable.
/// </summary>
public sealed class EqualSharesRule(string name, Satisfaction satisfaction) : IOutcomeRule
{
    private static int _exactRuns;
    private static int _exactSettlements;

    public string Name { get; } = name;

    public Satisfaction Satisfaction { get; } = satisfaction;

    public string Description => $"Method of Equal Shares, {Satisfaction.ToString().ToLowerInvariant()} satisfaction, no completion";

    public Outcome Run(Election election, IComparer<Project>? tieBreaking = null)
    {
        ArgumentNullException.ThrowIfNull(election);
        var input = Input(election, Satisfaction, tieBreaking);
        var run = RunOnce(input, input.Election.Budget);
        var builder = Describe(input, Name, run, input.Election.Budget);
        AddUnaffordable(input, run, builder);
        return builder.Build(Ties(input, run), VoterBudget(input, input.Election.Budget));
    }

    internal static EqualSharesInput Input(Election election, Satisfaction satisfaction, IComparer<Project>? tieBreaking) =>
        election.CountsOnly
            ? throw new InvalidOperationException("Equal shares needs the ballots, not only the approval counts.")
            : new(election.Compiled, satisfaction, TieBreaking.Ranks(election.Projects, tieBreaking ?? TieBreaking.ByIdOrdinal));

    /// <summary>
    /// One run with every voter starting at <paramref name="budgetNumerator"/> / voters (scaled money); without
    /// <paramref name="amounts"/> the fast engine leaves out the amounts explanations publish.
    /// </summary>
    internal static EqualSharesRun RunOnce(EqualSharesInput input, long budgetNumerator, bool amounts = true)
    {
        if (input.Election.VoterCount == 0)
        {
            return new EqualSharesRun { HasAmounts = true };
        }

        if (FastEqualShares.TryRun(input, budgetNumerator, amounts) is { } run)
        {
            return run;
        }

        Interlocked.Increment(ref _exactRuns);
        return ExactEqualShares.Run(input, budgetNumerator);
    }

    /// <summary>How many runs needed exact arithmetic since the process started (for benchmarks and tests).</summary>
    internal static int ExactRuns => Volatile.Read(ref _exactRuns);

    /// <summary>How many published runs had their amounts recomputed in exact fractions (for benchmarks).</summary>
    internal static int ExactSettlements => Volatile.Read(ref _exactSettlements);

    /// <summary>
    /// The run with every amount exact to the cent: amounts the fast engine could not round surely are settled in
    /// exact fractions here, for the one run that is published rather than for every run an add1 rule tries.
    /// </summary>
    internal static EqualSharesRun Settled(EqualSharesInput input, long budgetNumerator, EqualSharesRun run)
    {
        if (run.AmountsUncertain)
        {
            Interlocked.Increment(ref _exactSettlements);
            ExactEqualShares.Settle(input, budgetNumerator, run);
        }

        return run;
    }

    internal static OutcomeBuilder Describe(EqualSharesInput input, string rule, EqualSharesRun run, long budgetNumerator)
    {
        Settled(input, budgetNumerator, run);
        var builder = new OutcomeBuilder(input.Election, rule);
        foreach (var p in run.Selected)
        {
            builder.Add(p, OutcomeReason.Selected, payment: run.MaxPayment.TryGetValue(p, out var pay) ? pay : 0);
        }

        return builder;
    }

    internal static void AddUnaffordable(EqualSharesInput input, EqualSharesRun run, OutcomeBuilder builder)
    {
        for (var p = 0; p < input.Election.ProjectCount; p++)
        {
            if (!run.Selected.Contains(p))
            {
                builder.Add(p, OutcomeReason.SupportersCouldNotAfford, moneyLeft: run.MoneyLeft.GetValueOrDefault(p));
            }
        }
    }

    internal static List<TieBreak> Ties(EqualSharesInput input, EqualSharesRun run)
    {
        var projects = input.Election.Election.Projects;
        return [.. run.Ties.Select(t => new TieBreak(t.Step, projects[t.Chosen].Id, [.. t.Tied.Select(p => projects[p].Id)]))];
    }

    internal static decimal? VoterBudget(EqualSharesInput input, long budgetNumerator) =>
        input.Election.VoterCount == 0 ? null : PublishedMoney.VoterBudget(BigRational.Create(budgetNumerator, (long)input.Election.VoterCount * input.Election.Scale));
}
