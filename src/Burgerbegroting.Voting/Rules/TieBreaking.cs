namespace Burgerbegroting.Voting;

/// <summary>Orderings that decide between projects a rule finds exactly equal; the first in the order wins.</summary>
public static class TieBreaking
{
    /// <summary>Project id compared as an ordinal string ("c10" before "c2"), as pabutools does for pabulib files.</summary>
    public static IComparer<Project> ByIdOrdinal { get; } =
        Comparer<Project>.Create((a, b) => string.CompareOrdinal(a.Id, b.Id));

    /// <summary>
    /// Lower cost first, then the order given (for the app: earlier submission first), as the spec's round 4 says.
    /// Projects missing from <paramref name="submissionOrder"/> come last, by id.
    /// </summary>
    public static IComparer<Project> LowerCostThenOrder(IReadOnlyList<string> submissionOrder)
    {
        ArgumentNullException.ThrowIfNull(submissionOrder);
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < submissionOrder.Count; i++)
        {
            position.TryAdd(submissionOrder[i], i);
        }

        return Comparer<Project>.Create((a, b) =>
        {
            var byCost = a.Cost.CompareTo(b.Cost);
            if (byCost != 0)
            {
                return byCost;
            }

            var byOrder = position.GetValueOrDefault(a.Id, int.MaxValue).CompareTo(position.GetValueOrDefault(b.Id, int.MaxValue));
            return byOrder != 0 ? byOrder : string.CompareOrdinal(a.Id, b.Id);
        });
    }

    // Rank 0 wins every tie; equal projects under the comparer fall back to file order so ranks are a total order.
    internal static int[] Ranks(IReadOnlyList<Project> projects, IComparer<Project> comparer)
    {
        var order = Enumerable.Range(0, projects.Count).ToArray();
        Array.Sort(order, (x, y) =>
        {
            var c = comparer.Compare(projects[x], projects[y]);
            return c != 0 ? c : x.CompareTo(y);
        });
        var ranks = new int[projects.Count];
        for (var r = 0; r < order.Length; r++)
        {
            ranks[order[r]] = r;
        }

        return ranks;
    }
}
