using System.Runtime.InteropServices;

namespace Burgerbegroting.Voting;

/// <summary>
/// Approval ballots collected as groups of identical ballots: each ballot a set of project indexes (positions in the
/// election's project list), each group with the number of voters who cast it. This is the form the rules compute on,
/// so a caller with many ballots (the app's close of round 4) can fill it row by row without a <see cref="Ballot"/>
/// or a string per voter. Groups keep the order in which their first ballot was added, as grouping an
/// <see cref="Election"/>'s ballots does, so both give the same compiled election.
/// </summary>
public sealed class BallotGroups
{
    private readonly Dictionary<int[], int> _groupOf = new(ProjectSetComparer.Instance);
    private readonly List<int[]> _projects = [];
    private readonly List<long> _voters = [];
    private int[] _buffer = new int[8];

    public BallotGroups(int projectCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(projectCount);
        ProjectCount = projectCount;
    }

    /// <summary>How many projects the indexes refer to (0 to ProjectCount − 1).</summary>
    public int ProjectCount { get; }

    /// <summary>Number of distinct ballots.</summary>
    public int Count => _projects.Count;

    /// <summary>Number of voters over all groups.</summary>
    public long Voters { get; private set; }

    /// <summary>The projects of group <paramref name="group"/>, in ascending order.</summary>
    public IReadOnlyList<int> Projects(int group) => _projects[group];

    /// <summary>The number of voters who cast group <paramref name="group"/>'s ballot.</summary>
    public long VotersOf(int group) => _voters[group];

    /// <summary>Adds <paramref name="voters"/> voters approving exactly <paramref name="projects"/> (any order, each once).</summary>
    public void Add(ReadOnlySpan<int> projects, long voters = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(voters);
        if (_buffer.Length < projects.Length)
        {
            _buffer = new int[Math.Max(projects.Length, _buffer.Length * 2)];
        }

        var sorted = _buffer.AsSpan(0, projects.Length);
        projects.CopyTo(sorted);
        sorted.Sort();
        for (var i = 0; i < sorted.Length; i++)
        {
            if ((uint)sorted[i] >= (uint)ProjectCount)
            {
                throw new ArgumentOutOfRangeException(nameof(projects), $"Project index {sorted[i]} is not one of the {ProjectCount} projects.");
            }

            if (i > 0 && sorted[i] == sorted[i - 1])
            {
                throw new ArgumentException($"A ballot names project {sorted[i]} twice.", nameof(projects));
            }
        }

        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_groupOf.GetAlternateLookup<ReadOnlySpan<int>>(), sorted, out var exists);
        if (!exists)
        {
            slot = _projects.Count;
            _projects.Add(sorted.ToArray());
            _voters.Add(0);
        }

        _voters[slot] = checked(_voters[slot] + voters);
        Voters = checked(Voters + voters);
    }

    /// <summary>Sets of project indexes compared by content; looked up by a span, so adding a known ballot allocates nothing.</summary>
    private sealed class ProjectSetComparer : IEqualityComparer<int[]>, IAlternateEqualityComparer<ReadOnlySpan<int>, int[]>
    {
        public static ProjectSetComparer Instance { get; } = new();

        public bool Equals(int[]? x, int[]? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

        public int GetHashCode(int[] obj) => GetHashCode((ReadOnlySpan<int>)obj);

        public bool Equals(ReadOnlySpan<int> alternate, int[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<int> alternate)
        {
            var hash = default(HashCode);
            hash.AddBytes(MemoryMarshal.AsBytes(alternate));
            return hash.ToHashCode();
        }

        public int[] Create(ReadOnlySpan<int> alternate) => alternate.ToArray();
    }
}
