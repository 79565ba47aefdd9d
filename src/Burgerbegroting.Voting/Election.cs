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
        Ballots = ballots;
        VoteType = voteType;
        Meta = meta ?? [];
    }

    public decimal Budget { get; }

    public IReadOnlyList<Project> Projects { get; }

    public IReadOnlyList<Ballot> Ballots { get; }

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
    internal CompiledElection Compiled => _compiled ??= CompiledElection.From(this);

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
