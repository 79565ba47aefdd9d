namespace Burgerbegroting.Voting;

/// <summary>A rule that chooses winners within the budget.</summary>
public interface IOutcomeRule
{
    /// <summary>The name used in pabulib tooling and on the command line, e.g. <c>mes-cost-add1-greedy</c>.</summary>
    string Name { get; }

    /// <summary>One line saying what the rule does.</summary>
    string Description { get; }

    /// <summary>
    /// Whether the rule needs no more of the ballots than how many voters approve each project, so an election from
    /// <see cref="Election.FromApprovalCounts"/> gives the outcome the ballots give (greedy).
    /// </summary>
    bool CountsSuffice => false;

    /// <summary>Chooses winners; ties are decided by <paramref name="tieBreaking"/> (default: id as ordinal string).</summary>
    Outcome Run(Election election, IComparer<Project>? tieBreaking = null);
}
