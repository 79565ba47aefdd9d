using Burgerbegroting.Voting;

namespace Burgerbegroting.Web.Editions.Demo;

/// <summary>
/// What a demo voter puts on a ballot, drawn from a seeded Random so the demo is the same every time. Each ballot
/// is valid as the ballot pages would accept it: 1..K themes, percentages summing to 100, ideas within the budget.
/// </summary>
public static class DemoBallots
{
    /// <summary>Round 1: one to K distinct themes; the popular ones more often.</summary>
    public static List<int> ChooseThemes(Random random, IReadOnlyList<(int Id, double Weight)> themes, int max)
    {
        var count = Math.Min(max, random.NextDouble() switch { < 0.15 => 1, < 0.4 => 2, _ => 3 });
        return [.. WeightedOrder(random, themes, t => t.Weight).Take(count).Select(t => t.Id)];
    }

    /// <summary>
    /// Round 2: whole percentages that add up to 100, in steps of five as people tend to divide; now and then a
    /// theme gets nothing.
    /// </summary>
    public static Dictionary<int, int> SplitBudget(Random random, IReadOnlyList<(int Id, double Weight)> themes)
    {
        var personal = themes.Select(t => random.NextDouble() < 0.15 ? 0 : (long)(1000 * t.Weight * (0.3 + (1.4 * random.NextDouble())))).ToList();
        if (personal.All(w => w == 0))
        {
            personal[0] = 1;
        }

        var fives = LargestRemainder.Apportion(20, personal);
        return themes.Select((t, i) => (t.Id, Percentage: (int)fives[i] * 5)).ToDictionary(t => t.Id, t => t.Percentage);
    }

    /// <summary>Round 4, one theme: liked ideas first, each ticked if the voter wants it and it still fits the budget.</summary>
    public static List<int> SelectIdeas(Random random, IReadOnlyList<(int Id, long Cost, double Weight)> ideas, long budget)
    {
        var chosen = new List<int>();
        long used = 0;
        foreach (var idea in WeightedOrder(random, ideas, i => i.Weight))
        {
            if (random.NextDouble() < 0.25 + (idea.Weight / 15) && used + idea.Cost <= budget)
            {
                chosen.Add(idea.Id);
                used += idea.Cost;
            }
        }

        return chosen;
    }

    /// <summary>A random order in which heavier items tend to come first (Efraimidis-Spirakis); weight 0 never comes.</summary>
    private static IEnumerable<T> WeightedOrder<T>(Random random, IEnumerable<T> items, Func<T, double> weight) =>
        items.Select(item => (Item: item, Key: weight(item) <= 0 ? -1 : Math.Pow(random.NextDouble(), 1 / weight(item))))
            .ToList()
            .Where(x => x.Key >= 0)
            .OrderByDescending(x => x.Key)
            .Select(x => x.Item);
}
