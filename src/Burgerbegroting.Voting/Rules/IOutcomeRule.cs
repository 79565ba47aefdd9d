namespace Burgerbegroting.Voting;

/// <summary>A rule that chooses winners within the budget.</summary>
public interface IOutcomeRule
{
    /// <summary>The name used in pabulib tooling and on the command line, e.g. <c>mes-cost-add1-greedy</c>.</summary>
    string Name { get; }

    /// <summary>One line saying what the rule does.</summary>
    string Description { get; }

    /// <summary>Chooses winners; ties are decided by <paramref name="tieBreaking"/> (default: id as ordinal string).</summary>
    Outcome Run(Election election, IComparer<Project>? tieBreaking = null);
}
