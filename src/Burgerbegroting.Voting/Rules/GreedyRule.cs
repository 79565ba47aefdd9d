namespace Burgerbegroting.Voting;

/// <summary>What greedy orders projects by, highest first.</summary>
public enum GreedyScore
{
    /// <summary>Number of supporters (pabutools greedy with Cost_Sat).</summary>
    Votes,

    /// <summary>Supporters divided by cost (pabutools greedy with Cardinality_Sat).</summary>
    VotesPerCost,

    /// <summary>Total points of cumulative ballots.</summary>
    Points,
}

/// <summary>
/// Greedy: projects by score, highest first; each is taken if it still fits the remaining budget, and one that
/// does not fit is skipped, not a stop.
/// </summary>
public sealed class GreedyRule(string name, GreedyScore score, bool useScoreThreshold = false) : IOutcomeRule
{
    /// <summary>The pabulib META key with the minimum number of votes a project needs (Warsaw).</summary>
    public const string ThresholdKey = "min_project_score_threshold";

    public string Name { get; } = name;

    public GreedyScore Score { get; } = score;

    /// <summary>Greedy orders by supporters (or points, which an approval count gives as well) and cost only.</summary>
    public bool CountsSuffice => true;

    public string Description => Score switch
    {
        GreedyScore.Votes => useScoreThreshold
            ? "greedy by number of supporters, over projects with at least the file's min_project_score_threshold votes"
            : "greedy by number of supporters",
        GreedyScore.VotesPerCost => "greedy by supporters per unit of cost",
        _ => "greedy by total points",
    };

    public Outcome Run(Election election, IComparer<Project>? tieBreaking = null)
    {
        ArgumentNullException.ThrowIfNull(election);
        var compiled = election.Compiled;
        var ranks = TieBreaking.Ranks(election.Projects, tieBreaking ?? TieBreaking.ByIdOrdinal);
        var candidates = Enumerable.Range(0, compiled.ProjectCount);
        var belowThreshold = new List<int>();
        if (useScoreThreshold)
        {
            var text = election.MetaValue(ThresholdKey)
                ?? throw new InvalidOperationException($"Rule {Name} needs '{ThresholdKey}' in the file's META section.");
            if (!PabulibReader.TryParseDecimal(text, out var threshold))
            {
                throw new InvalidOperationException($"'{ThresholdKey}' in META is '{text}', not a number.");
            }

            belowThreshold = [.. candidates.Where(p => compiled.Votes[p] < threshold)];
            candidates = candidates.Except(belowThreshold);
        }

        var turns = Turns(compiled, Score, ranks, candidates, compiled.Budget);
        var builder = new OutcomeBuilder(compiled, Name);
        builder.AddGreedyTurns(turns, OutcomeReason.Selected);
        foreach (var p in belowThreshold)
        {
            builder.Add(p, OutcomeReason.BelowThreshold);
        }

        return builder.Build(TieBreaks(compiled, Score, turns, builder));
    }

    /// <summary>The greedy pass over <paramref name="candidates"/>: every project in the order considered, whether it fitted, and the budget left at its turn.</summary>
    internal static List<GreedyTurn> Turns(CompiledElection election, GreedyScore score, int[] ranks, IEnumerable<int> candidates, long remaining)
    {
        var ordered = candidates.ToList();
        ordered.Sort((a, b) =>
        {
            var byScore = ScoreOf(election, score, b).CompareTo(ScoreOf(election, score, a));
            return byScore != 0 ? byScore : ranks[a].CompareTo(ranks[b]);
        });

        var turns = new List<GreedyTurn>(ordered.Count);
        foreach (var p in ordered)
        {
            var fits = election.Costs[p] <= remaining;
            turns.Add(new GreedyTurn(p, fits, remaining));
            if (fits)
            {
                remaining -= election.Costs[p];
            }
        }

        return turns;
    }

    // Within a group of equal score the tie-breaking order decided who came first; report it where it
    // separated a winner from a project that then no longer fitted.
    internal static List<TieBreak> TieBreaks(CompiledElection election, GreedyScore score, List<GreedyTurn> turns, OutcomeBuilder builder)
    {
        var ties = new List<TieBreak>();
        foreach (var group in turns.GroupBy(t => ScoreOf(election, score, t.Project)).Where(g => g.Count() > 1))
        {
            var lastWinner = group.LastOrDefault(t => t.Fits);
            var losers = group.SkipWhile(t => t != lastWinner).Where(t => !t.Fits).ToList();
            if (lastWinner is not null && losers.Count > 0)
            {
                ties.Add(new TieBreak(builder.StepOf(lastWinner.Project), election.Election.Projects[lastWinner.Project].Id, [.. losers.Select(t => election.Election.Projects[t.Project].Id)]));
            }
        }

        return ties;
    }

    private static Fraction ScoreOf(CompiledElection election, GreedyScore score, int p)
    {
        var cost = election.Costs[p];
        var votes = election.Votes[p];
        return score switch
        {
            // pabutools divides the total satisfaction (cost * votes) by the cost: that is the vote count,
            // except that a free project gives no satisfaction at all.
            GreedyScore.Votes => new Fraction(cost > 0 ? votes : 0, 1),
            GreedyScore.VotesPerCost => votes == 0 ? new Fraction(0, 1) : cost == 0 ? Fraction.Infinity : new Fraction(votes, cost),
            _ => new Fraction(election.TotalPoints[p], 1),
        };
    }

    internal sealed record GreedyTurn(int Project, bool Fits, long RemainingAtTurn);

    private readonly record struct Fraction(long Numerator, long Denominator) : IComparable<Fraction>
    {
        public static Fraction Infinity { get; } = new(1, 0);

        public int CompareTo(Fraction other) =>
            ((Int128)Numerator * other.Denominator).CompareTo((Int128)other.Numerator * Denominator);
    }
}
