using System.Globalization;
using Burgerbegroting.Voting;
using FsCheck;
using FsCheck.Fluent;

namespace Burgerbegroting.Voting.Tests.Rules;

/// <summary>Small random approval elections with few distinct costs, so exact ties are frequent.</summary>
public static class RandomElections
{
    public static Gen<Election> Generator { get; } =
        from projectCount in Gen.Choose(1, 6)
        from costs in Gen.ArrayOf(Gen.Choose(1, 8).Select(c => c * 5), projectCount)
        from budget in Gen.Choose(5, 80)
        from voterCount in Gen.Choose(1, 12)
        from ballots in Gen.ArrayOf(Gen.ArrayOf(Gen.Elements(true, false), projectCount), voterCount)
        select Build(costs, budget, ballots);

    private static Election Build(int[] costs, int budget, bool[][] ballots)
    {
        var projects = costs.Select((c, i) => new Project("p" + i.ToString(CultureInfo.InvariantCulture), c)).ToList();
        var list = ballots.Select((b, v) => new Ballot(
            v.ToString(CultureInfo.InvariantCulture),
            [.. projects.Where((_, i) => b[i]).Select(p => p.Id)])).ToList();
        return new Election(budget, projects, list);
    }
}
