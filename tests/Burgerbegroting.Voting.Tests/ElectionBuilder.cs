using System.Globalization;
using Burgerbegroting.Voting;

namespace Burgerbegroting.Voting.Tests;

/// <summary>Builds small elections for tests: <c>new ElectionBuilder(100).Project("a", 60).Voters(3, "a")</c>.</summary>
public sealed class ElectionBuilder(decimal budget)
{
    private readonly List<Project> _projects = [];
    private readonly List<Ballot> _ballots = [];

    public ElectionBuilder Project(string id, decimal cost)
    {
        _projects.Add(new Project(id, cost));
        return this;
    }

    public ElectionBuilder Voters(int count, params string[] projects)
    {
        for (var i = 0; i < count; i++)
        {
            _ballots.Add(new Ballot((_ballots.Count + 1).ToString(CultureInfo.InvariantCulture), projects));
        }

        return this;
    }

    public Election Build() => new(budget, _projects, _ballots);
}
