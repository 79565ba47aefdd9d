namespace Burgerbegroting.Voting;

/// <summary>How voters filled in their ballots, as the pabulib <c>vote_type</c> says.</summary>
public enum VoteType
{
    Approval,
    ChooseOne,
    Cumulative,
}

/// <summary>One project (idea) on the ballot.</summary>
public sealed class Project
{
    private static readonly IReadOnlyDictionary<string, string> NoExtras = new Dictionary<string, string>();

    public Project(string id, decimal cost, IReadOnlyDictionary<string, string>? extras = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentOutOfRangeException.ThrowIfNegative(cost);
        Id = id;
        Cost = cost;
        Extras = extras ?? NoExtras;
    }

    public string Id { get; }

    public decimal Cost { get; }

    /// <summary>Other columns of the project row (name, category, votes, selected, ...), kept so a file round-trips.</summary>
    public IReadOnlyDictionary<string, string> Extras { get; }

    public string? Name => Extras.GetValueOrDefault("name");

    public override string ToString() => Id;
}

/// <summary>One voter's ballot: the projects they support and, for cumulative ballots, the points per project.</summary>
public sealed class Ballot
{
    private static readonly string[] NoValues = [];

    public Ballot(string voterId, IReadOnlyList<string> projectIds, IReadOnlyList<long>? points = null, IReadOnlyList<string>? extraValues = null)
    {
        ArgumentNullException.ThrowIfNull(voterId);
        ArgumentNullException.ThrowIfNull(projectIds);
        if (points is not null && points.Count != projectIds.Count)
        {
            throw new ArgumentException($"Ballot of voter {voterId} has {projectIds.Count} projects but {points.Count} points.", nameof(points));
        }

        VoterId = voterId;
        ProjectIds = projectIds;
        Points = points;
        ExtraValues = extraValues ?? NoValues;
    }

    public string VoterId { get; }

    public IReadOnlyList<string> ProjectIds { get; }

    /// <summary>Points per project, parallel to <see cref="ProjectIds"/>; null unless the vote is cumulative.</summary>
    public IReadOnlyList<long>? Points { get; }

    /// <summary>Values of the other vote columns (age, sex, ...), parallel to <see cref="Election.BallotExtraColumns"/>.</summary>
    public IReadOnlyList<string> ExtraValues { get; }
}

/// <summary>A participatory-budgeting election: budget, projects and ballots, as in one pabulib file.</summary>
public sealed class Election
{
    private readonly Dictionary<string, int> _indexById;
    private readonly BallotGroups? _groups;
    private IReadOnlyList<Ballot>? _ballots;
    private CompiledElection? _compiled;

    public Election(
        decimal budget,
        IReadOnlyList<Project> projects,
        IReadOnlyList<Ballot> ballots,
        VoteType voteType = VoteType.Approval,
        IReadOnlyList<KeyValuePair<string, string>>? meta = null,
        IReadOnlyList<string>? ballotExtraColumns = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(budget);
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(ballots);
        _indexById = new Dictionary<string, int>(projects.Count, StringComparer.Ordinal);
        for (var i = 0; i < projects.Count; i++)
        {
            if (!_indexById.TryAdd(projects[i].Id, i))
            {
                throw new ArgumentException($"Project id '{projects[i].Id}' occurs twice.", nameof(projects));
            }
        }

        BallotExtraColumns = ballotExtraColumns ?? [];
        foreach (var ballot in ballots)
        {
            Validate(ballot, voteType);
        }

        Budget = budget;
        Projects = projects;
        _ballots = ballots;
        VoteType = voteType;
        Meta = meta ?? [];
    }

    /// <summary>
    /// An approval election from ballots already grouped (<see cref="BallotGroups"/>, indexes into
    /// <paramref name="projects"/>): what many ballots cost without a <see cref="Ballot"/> per voter. The rules see the
    /// same election as from the ballots one by one; <see cref="Ballots"/> writes them out (voters 1, 2, 3…) only if asked.
    /// </summary>
    public Election(decimal budget, IReadOnlyList<Project> projects, BallotGroups ballots, IReadOnlyList<KeyValuePair<string, string>>? meta = null)
        : this(budget, projects, [], VoteType.Approval, meta)
    {
        ArgumentNullException.ThrowIfNull(ballots);
        if (ballots.ProjectCount != projects.Count)
        {
            throw new ArgumentException($"The ballots refer to {ballots.ProjectCount} projects, the election has {projects.Count}.", nameof(ballots));
        }

        _groups = ballots;
        _ballots = null;
    }

    /// <summary>
    /// Only how many voters approve each project (<paramref name="approvals"/>, parallel to <paramref name="projects"/>),
    /// counted where the ballots are: enough for a rule with <see cref="IOutcomeRule.CountsSuffice"/> (greedy), which
    /// then decides as over the ballots themselves. Rules that need to know who approved what refuse it.
    /// </summary>
    public static Election FromApprovalCounts(decimal budget, IReadOnlyList<Project> projects, IReadOnlyList<long> approvals, IReadOnlyList<KeyValuePair<string, string>>? meta = null)
    {
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(approvals);
        if (approvals.Count != projects.Count)
        {
            throw new ArgumentException($"{approvals.Count} counts for {projects.Count} projects.", nameof(approvals));
        }

        // Each count stands as a group of voters approving that one project: the same number of supporters per project.
        var groups = new BallotGroups(projects.Count);
        for (var p = 0; p < projects.Count; p++)
        {
            if (approvals[p] > 0)
            {
                groups.Add([p], approvals[p]);
            }
        }

        return new Election(budget, projects, groups, meta) { CountsOnly = true };
    }

    /// <summary>Made by <see cref="FromApprovalCounts"/>: the counts are known, the ballots are not.</summary>
    public bool CountsOnly { get; private init; }

    public decimal Budget { get; }

    public IReadOnlyList<Project> Projects { get; }

    public IReadOnlyList<Ballot> Ballots => _ballots ??= CountsOnly
        ? throw new InvalidOperationException("An election made from approval counts has no ballots.")
        : Expand(_groups!);

    public VoteType VoteType { get; }

    /// <summary>The META section in file order (description, country, budget, vote_type, ...).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Meta { get; }

    /// <summary>Names of the vote columns besides voter_id, vote and points.</summary>
    public IReadOnlyList<string> BallotExtraColumns { get; }

    public string? MetaValue(string key) =>
        Meta.FirstOrDefault(kv => string.Equals(kv.Key, key, StringComparison.Ordinal)).Value;

    public Project? FindProject(string id) => _indexById.TryGetValue(id, out var i) ? Projects[i] : null;

    internal int IndexOf(string projectId) => _indexById[projectId];

    // Rules share one compiled form (integer costs, grouped ballots), built on first use.
    internal CompiledElection Compiled => _compiled ??= _groups is null ? CompiledElection.From(this) : CompiledElection.From(this, _groups);

    private List<Ballot> Expand(BallotGroups groups)
    {
        var ballots = new List<Ballot>(checked((int)groups.Voters));
        for (var g = 0; g < groups.Count; g++)
        {
            string[] ids = [.. groups.Projects(g).Select(p => Projects[p].Id)];
            for (var v = 0; v < groups.VotersOf(g); v++)
            {
                ballots.Add(new Ballot((ballots.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), ids));
            }
        }

        return ballots;
    }

    private void Validate(Ballot ballot, VoteType voteType)
    {
        if (voteType == VoteType.Cumulative && ballot.ProjectIds.Count > 0 && ballot.Points is null)
        {
            throw new ArgumentException($"Ballot of voter {ballot.VoterId} has no points, but the vote is cumulative.", nameof(ballot));
        }

        for (var i = 0; i < ballot.ProjectIds.Count; i++)
        {
            var id = ballot.ProjectIds[i];
            if (!_indexById.ContainsKey(id))
            {
                throw new ArgumentException($"Ballot of voter {ballot.VoterId} names unknown project '{id}'.", nameof(ballot));
            }

            for (var j = 0; j < i; j++)
            {
                if (string.Equals(ballot.ProjectIds[j], id, StringComparison.Ordinal))
                {
                    throw new ArgumentException($"Ballot of voter {ballot.VoterId} names project '{id}' twice.", nameof(ballot));
                }
            }

            if (ballot.Points is not null && ballot.Points[i] < 0)
            {
                throw new ArgumentException($"Ballot of voter {ballot.VoterId} gives negative points to project '{id}'.", nameof(ballot));
            }
        }
    }
}
