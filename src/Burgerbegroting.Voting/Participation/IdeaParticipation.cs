namespace Burgerbegroting.Voting.Participation;

/// <summary>Where an idea of round 3 stands after review.</summary>
public enum IdeaVerdict
{
    /// <summary>Submitted or in review.</summary>
    Pending = 0,
    Admitted = 1,
    NotAdmitted = 2,
}

/// <summary>One idea as the figures see it: its theme, buurt, submitter and verdict (hidden ideas are left out by the caller).</summary>
public sealed record IdeaFact(string Theme, string Buurt, string SubmitterId, bool ByNetwork, IdeaVerdict Verdict);

/// <summary>Ideas of one theme or buurt: by residents and by buurtnetwerken, and how review judged them.</summary>
public sealed record IdeaRow(string Group, int ByResidents, int ByNetworks, int Admitted, int NotAdmitted, int Pending)
{
    public int Total => ByResidents + ByNetworks;
}

/// <summary>
/// The ideas round in figures (docs/participation.md): ideas per theme and per buurt, and how many residents and
/// buurtnetwerken submitted them. Ideas are public one by one, so their counts are not suppressed; the number of
/// people who submitted is.
/// </summary>
public sealed record IdeaParticipation(IReadOnlyList<IdeaRow> Themes, IReadOnlyList<IdeaRow> Buurten, int Residents, int Networks)
{
    public IdeaRow Total => Sum("", Themes);

    public static IdeaRow Sum(string group, IEnumerable<IdeaRow> rows)
    {
        var list = rows.ToList();
        return new IdeaRow(group, list.Sum(r => r.ByResidents), list.Sum(r => r.ByNetworks), list.Sum(r => r.Admitted), list.Sum(r => r.NotAdmitted), list.Sum(r => r.Pending));
    }

    /// <param name="ideas">The ideas (hidden ones left out).</param>
    /// <param name="themes">The themes in the order to show them; every theme gets a row, with or without ideas.</param>
    /// <param name="buurten">The buurten in the order to show them.</param>
    public static IdeaParticipation Count(IReadOnlyList<IdeaFact> ideas, IReadOnlyList<string> themes, IReadOnlyList<string> buurten) =>
        new(
            [.. themes.Select(t => Row(t, ideas.Where(i => i.Theme == t)))],
            [.. buurten.Select(b => Row(b, ideas.Where(i => i.Buurt == b)))],
            ideas.Where(i => !i.ByNetwork).Select(i => i.SubmitterId).Distinct(StringComparer.Ordinal).Count(),
            ideas.Where(i => i.ByNetwork).Select(i => i.SubmitterId).Distinct(StringComparer.Ordinal).Count());

    private static IdeaRow Row(string group, IEnumerable<IdeaFact> ideas)
    {
        var list = ideas.ToList();
        return new IdeaRow(
            group,
            list.Count(i => !i.ByNetwork),
            list.Count(i => i.ByNetwork),
            list.Count(i => i.Verdict == IdeaVerdict.Admitted),
            list.Count(i => i.Verdict == IdeaVerdict.NotAdmitted),
            list.Count(i => i.Verdict == IdeaVerdict.Pending));
    }
}
