using System.Runtime.InteropServices;

namespace Burgerbegroting.Voting;

/// <summary>
/// The election in the form the rules compute on: money as integers (decimal costs scaled by a power of ten)
/// and voters with identical ballots merged into weighted groups. Merging is exact for every rule here:
/// voters with the same ballot always pay the same, so their money stays equal.
/// </summary>
internal sealed class CompiledElection
{
    private CompiledElection(Election election, List<(int[] Projects, long[] Points)> members, List<long> weights, long voters)
    {
        Election = election;
        var projects = election.Projects;
        Scale = 1;
        foreach (var value in projects.Select(p => p.Cost).Append(election.Budget))
        {
            while (decimal.Truncate(value * Scale) != value * Scale)
            {
                Scale *= 10;
            }
        }

        Budget = checked((long)(election.Budget * Scale));
        Costs = [.. projects.Select(p => checked((long)(p.Cost * Scale)))];
        VoterCount = checked((int)voters);

        // Groups are numbered in the order of their ballots (project indices, then points), so the supporters of a
        // project come in long runs of neighbouring groups: the Method of Equal Shares reads every supporter's money
        // many times, and neighbours share cache lines. The numbering changes no outcome.
        var order = Enumerable.Range(0, members.Count).ToArray();
        Array.Sort(order, (a, b) => Compare(members[a], members[b]));
        Weights = [.. order.Select(g => weights[g])];
        members = [.. order.Select(g => members[g])];
        var together = new bool[projects.Count, projects.Count];
        foreach (var (groupProjects, _) in members)
        {
            foreach (var a in groupProjects)
            {
                foreach (var b in groupProjects)
                {
                    together[a, b] = true;
                }
            }
        }

        Neighbours = [.. Enumerable.Range(0, projects.Count).Select(a => Enumerable.Range(0, projects.Count).Where(b => b != a && together[a, b]).ToArray())];
        var supporters = projects.Select(_ => new List<int>()).ToArray();
        var points = projects.Select(_ => new List<long>()).ToArray();
        for (var g = 0; g < members.Count; g++)
        {
            var (groupProjects, groupPoints) = members[g];
            for (var i = 0; i < groupProjects.Length; i++)
            {
                supporters[groupProjects[i]].Add(g);
                points[groupProjects[i]].Add(groupPoints[i]);
            }
        }

        Supporters = [.. supporters.Select(s => s.ToArray())];
        SupporterPoints = [.. points.Select(s => s.ToArray())];
        Votes = [.. Supporters.Select(s => s.Sum(g => Weights[g]))];
        TotalPoints = [.. Enumerable.Range(0, projects.Count).Select(p => Supporters[p].Select((g, i) => Weights[g] * SupporterPoints[p][i]).Sum())];
    }

    private readonly EqualSharesInput?[] _equalShares = new EqualSharesInput?[Enum.GetValues<Satisfaction>().Length];

    public Election Election { get; }

    public int ProjectCount => Costs.Length;

    /// <summary>Money is counted in units of 1/Scale of the currency, so every cost and the budget are whole.</summary>
    public long Scale { get; }

    public long Budget { get; }

    public long[] Costs { get; }

    public int VoterCount { get; }

    /// <summary>Number of voters per group of identical ballots.</summary>
    public long[] Weights { get; }

    /// <summary>Per project, the groups that support it.</summary>
    public int[][] Supporters { get; }

    /// <summary>Per project, parallel to <see cref="Supporters"/>: the points each group gives (1 unless cumulative).</summary>
    public long[][] SupporterPoints { get; }

    /// <summary>Per project, the other projects that some group supports together with it.</summary>
    public int[][] Neighbours { get; }

    /// <summary>Per project, the number of voters that support it.</summary>
    public long[] Votes { get; }

    public long[] TotalPoints { get; }

    /// <summary>Groups the election's ballots, in the order of each group's first ballot.</summary>
    public static CompiledElection From(Election election)
    {
        var groups = new Dictionary<BallotKey, int>();
        var weights = new List<long>();
        var members = new List<(int[], long[])>();
        foreach (var ballot in election.Ballots)
        {
            var key = BallotKey.From(election, ballot);
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, key, out var exists);
            if (!exists)
            {
                slot = weights.Count;
                weights.Add(0);
                members.Add((key.Projects, key.Points));
            }

            weights[slot]++;
        }

        return new CompiledElection(election, members, weights, election.Ballots.Count);
    }

    /// <summary>An approval election whose ballots came grouped already.</summary>
    public static CompiledElection From(Election election, BallotGroups groups)
    {
        var members = new List<(int[], long[])>(groups.Count);
        var weights = new List<long>(groups.Count);
        for (var g = 0; g < groups.Count; g++)
        {
            int[] projects = [.. groups.Projects(g)];
            members.Add((projects, [.. projects.Select(_ => 1L)]));
            weights.Add(groups.VotersOf(g));
        }

        return new CompiledElection(election, members, weights, groups.Voters);
    }

    /// <summary>The supporters, utilities and weights the Method of Equal Shares reads, built once per satisfaction.</summary>
    public EqualSharesInput EqualSharesInput(Satisfaction satisfaction)
    {
        ref var slot = ref _equalShares[(int)satisfaction];
        if (Volatile.Read(ref slot) is { } built)
        {
            return built;
        }

        Interlocked.CompareExchange(ref slot, Voting.EqualSharesInput.Shared(this, satisfaction), null);
        return slot!;
    }

    /// <summary>Lexicographic: the projects, then the points.</summary>
    private static int Compare((int[] Projects, long[] Points) a, (int[] Projects, long[] Points) b)
    {
        var byProjects = a.Projects.AsSpan().SequenceCompareTo(b.Projects);
        return byProjects != 0 ? byProjects : a.Points.AsSpan().SequenceCompareTo(b.Points);
    }

    public decimal ToMoney(long scaled) => (decimal)scaled / Scale;

    private readonly struct BallotKey : IEquatable<BallotKey>
    {
        private readonly int _hash;

        private BallotKey(int[] projects, long[] points)
        {
            Projects = projects;
            Points = points;
            var hash = default(HashCode);
            foreach (var p in projects)
            {
                hash.Add(p);
            }

            foreach (var p in points)
            {
                hash.Add(p);
            }

            _hash = hash.ToHashCode();
        }

        public int[] Projects { get; }

        public long[] Points { get; }

        public static BallotKey From(Election election, Ballot ballot)
        {
            var projects = new int[ballot.ProjectIds.Count];
            var points = new long[projects.Length];
            for (var i = 0; i < projects.Length; i++)
            {
                projects[i] = election.IndexOf(ballot.ProjectIds[i]);
                points[i] = ballot.Points?[i] ?? 1;
            }

            Array.Sort(projects, points);
            return new BallotKey(projects, points);
        }

        public bool Equals(BallotKey other) =>
            _hash == other._hash && Projects.AsSpan().SequenceEqual(other.Projects) && Points.AsSpan().SequenceEqual(other.Points);

        public override bool Equals(object? obj) => obj is BallotKey other && Equals(other);

        public override int GetHashCode() => _hash;
    }
}
