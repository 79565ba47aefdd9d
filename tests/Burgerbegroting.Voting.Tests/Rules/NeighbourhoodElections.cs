using System.Globalization;
using Burgerbegroting.Voting;
using FsCheck;
using FsCheck.Fluent;

namespace Burgerbegroting.Voting.Tests.Rules;

/// <summary>
/// Random elections of a neighbourhood's size: 100–400 voters, 5–25 projects costing 2,500 to 150,000 (some in odd
/// euros), a budget of 20–60% of the total. Voters belong to a few blocs with their own tastes and each votes with
/// some variation. A project may be a twin of the one before it (the same supporters) at the same cost, which makes
/// exact ties, or one euro more, which makes near-ties. A third of the elections are cumulative (1–5 points).
/// </summary>
public static class NeighbourhoodElections
{
    public enum Twin
    {
        None,
        SameCost,
        OneEuroMore,
    }

    public static Gen<Election> Generator { get; } =
        from projectCount in Gen.Choose(5, 25)
        from costs in Gen.ArrayOf(Cost, projectCount)
        from twins in Gen.ArrayOf(Gen.Choose(0, 19).Select(k => k switch { 0 => Twin.SameCost, 1 => Twin.OneEuroMore, _ => Twin.None }), projectCount)
        from blocCount in Gen.Choose(1, 6)
        from tastes in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(0, 100), projectCount), blocCount)
        from voterCount in Gen.Choose(100, 400)
        from voters in Gen.ArrayOf(Voter(blocCount, projectCount), voterCount)
        from budgetPercent in Gen.Choose(20, 60)
        from cumulative in Gen.Choose(0, 2).Select(k => k == 0)
        select Build(costs, twins, tastes, voters, budgetPercent, cumulative);

    /// <summary>Project ids whose project is a twin of the one before it at one euro more.</summary>
    public static IEnumerable<(string First, string Second)> NearTwins(Election election) =>
        election.Projects.Zip(election.Projects.Skip(1))
            .Where(pair => pair.Second.Cost == pair.First.Cost + 1 && Supporters(election, pair.First.Id).SetEquals(Supporters(election, pair.Second.Id)))
            .Select(pair => (pair.First.Id, pair.Second.Id));

    private static Gen<int> Cost { get; } =
        from thousands in Gen.Choose(1, 60)
        from odd in Gen.Choose(0, 3)
        from euros in Gen.Choose(1, 2499)
        select (thousands * 2500) + (odd == 0 ? euros : 0);

    private static Gen<(int Bloc, int[] Dice, int[] Points)> Voter(int blocCount, int projectCount) =>
        from bloc in Gen.Choose(0, blocCount - 1)
        from dice in Gen.ArrayOf(Gen.Choose(0, 99), projectCount)
        from points in Gen.ArrayOf(Gen.Choose(1, 5), projectCount)
        select (bloc, dice, points);

    private static HashSet<string> Supporters(Election election, string projectId) =>
        [.. election.Ballots.Where(b => b.ProjectIds.Contains(projectId)).Select(b => b.VoterId)];

    private static Election Build(int[] costs, Twin[] twins, int[][] tastes, (int Bloc, int[] Dice, int[] Points)[] voters, int budgetPercent, bool cumulative)
    {
        var cost = new decimal[costs.Length];
        var original = new int[costs.Length];
        for (var p = 0; p < costs.Length; p++)
        {
            var twin = p > 0 ? twins[p] : Twin.None;
            original[p] = twin == Twin.None ? p : original[p - 1];
            cost[p] = twin switch
            {
                Twin.None => costs[p],
                Twin.SameCost => cost[p - 1],
                _ => cost[p - 1] + 1,
            };
        }

        var projects = cost.Select((c, p) => new Project("p" + p.ToString("00", CultureInfo.InvariantCulture), c)).ToList();
        var ballots = voters.Select((v, i) =>
        {
            var approved = Enumerable.Range(0, projects.Count).Where(p => v.Dice[original[p]] < tastes[v.Bloc][original[p]]).ToList();
            return new Ballot(
                "v" + i.ToString(CultureInfo.InvariantCulture),
                [.. approved.Select(p => projects[p].Id)],
                cumulative ? [.. approved.Select(p => (long)v.Points[original[p]])] : null);
        }).ToList();
        var budget = Math.Round(cost.Sum() * budgetPercent / 100m);
        return new Election(budget, projects, ballots, cumulative ? VoteType.Cumulative : VoteType.Approval);
    }
}
