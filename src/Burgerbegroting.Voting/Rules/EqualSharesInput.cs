namespace Burgerbegroting.Voting;

/// <summary>How much a supporter gains from a project, the measure the Method of Equal Shares equalises.</summary>
public enum Satisfaction
{
    /// <summary>Utility = the project's cost (pabutools Cost_Sat).</summary>
    Cost,

    /// <summary>Utility = 1 per approved project (pabutools Cardinality_Sat).</summary>
    Cardinality,

    /// <summary>Utility = the points given (cumulative ballots).</summary>
    Points,
}

/// <summary>
/// The projects and supporters one Method of Equal Shares run works on. All but the tie-breaking ranks is built once
/// per election and satisfaction (<see cref="CompiledElection.EqualSharesInput"/>) and shared by every rule call.
/// </summary>
internal sealed class EqualSharesInput
{
    public EqualSharesInput(CompiledElection election, Satisfaction satisfaction, int[] ranks)
    {
        var shared = election.EqualSharesInput(satisfaction);
        Election = election;
        Ranks = ranks;
        Supporters = shared.Supporters;
        Utilities = shared.Utilities;
        Weights = shared.Weights;
        Entries = shared.Entries;
        TotalUtility = shared.TotalUtility;
        SupporterWeight = shared.SupporterWeight;
        MostUtility = shared.MostUtility;
        Eligible = shared.Eligible;
        FreeProjects = shared.FreeProjects;
    }

    private EqualSharesInput(CompiledElection election, Satisfaction satisfaction)
    {
        Election = election;
        Ranks = [];
        var count = election.ProjectCount;
        Supporters = new int[count][];
        Utilities = new long[count][];
        Weights = new long[count][];
        Entries = new SupporterEntry[count][];
        TotalUtility = new long[count];
        SupporterWeight = new long[count];
        MostUtility = new long[count];
        var eligible = new List<int>();
        var free = new List<int>();
        for (var p = 0; p < count; p++)
        {
            var groups = election.Supporters[p];
            var points = election.SupporterPoints[p];
            var supporters = new List<int>(groups.Length);
            var utilities = new List<long>(groups.Length);
            for (var i = 0; i < groups.Length; i++)
            {
                if (satisfaction == Satisfaction.Points && points[i] == 0)
                {
                    continue; // no gain, so not a supporter in the points measure
                }

                supporters.Add(groups[i]);
                utilities.Add(satisfaction switch
                {
                    Satisfaction.Cost => election.Costs[p],
                    Satisfaction.Cardinality => 1L,
                    _ => points[i],
                });
            }

            Supporters[p] = [.. supporters];
            Utilities[p] = [.. utilities];
            Weights[p] = new long[supporters.Count];
            Entries[p] = new SupporterEntry[supporters.Count];
            for (var i = 0; i < supporters.Count; i++)
            {
                var weight = election.Weights[supporters[i]];
                Weights[p][i] = weight;
                Entries[p][i] = new SupporterEntry(supporters[i], weight, utilities[i]);
                TotalUtility[p] = checked(TotalUtility[p] + Entries[p][i].WeightedUtility);
                SupporterWeight[p] += weight;
                MostUtility[p] = Math.Max(MostUtility[p], utilities[i]);
            }

            if (Supporters[p].Length == 0 || (satisfaction == Satisfaction.Cost && election.Costs[p] == 0))
            {
                continue; // nobody gains from it: pabutools leaves it out of the run
            }

            (election.Costs[p] == 0 ? free : eligible).Add(p);
        }

        Eligible = [.. eligible];
        FreeProjects = [.. free];
    }

    public CompiledElection Election { get; }

    /// <summary>The input without tie-breaking ranks, as the election keeps it for every rule call.</summary>
    public static EqualSharesInput Shared(CompiledElection election, Satisfaction satisfaction) => new(election, satisfaction);

    public int[] Ranks { get; }

    public int[][] Supporters { get; }

    public long[][] Utilities { get; }

    /// <summary>Per project, parallel to <see cref="Supporters"/>: the number of voters in each group, read in order.</summary>
    public long[][] Weights { get; }

    /// <summary>Per project, its supporters with weight and utility side by side, as the fast engine reads them.</summary>
    public SupporterEntry[][] Entries { get; }

    /// <summary>Per project, the sum of weight times utility over its supporters.</summary>
    public long[] TotalUtility { get; }

    /// <summary>Per project, the number of voters supporting it.</summary>
    public long[] SupporterWeight { get; }

    /// <summary>Per project, the largest utility of one of its supporters.</summary>
    public long[] MostUtility { get; }

    /// <summary>Projects the run may buy: supported, with a cost above zero.</summary>
    public int[] Eligible { get; }

    /// <summary>Supported projects that cost nothing: pabutools selects them before the first round.</summary>
    public int[] FreeProjects { get; }
}

/// <summary>One supporting group of a project: the group, its number of voters and its utility (as numbers and as doubles).</summary>
internal readonly struct SupporterEntry(int group, long weight, long utility)
{
    public readonly int Group = group;
    public readonly double Weight = weight;
    public readonly double Utility = utility;

    /// <summary>Weight times utility, exact.</summary>
    public readonly long WeightedUtility = checked(weight * utility);
}

/// <summary>What one run of the Method of Equal Shares chose, and what it knows about the rest.</summary>
internal sealed class EqualSharesRun
{
    public List<int> Selected { get; } = [];

    /// <summary>Per selected project, the largest payment by one supporter.</summary>
    public Dictionary<int, decimal> MaxPayment { get; } = [];

    /// <summary>Per eligible project not selected, its supporters' money at the end.</summary>
    public Dictionary<int, decimal> MoneyLeft { get; } = [];

    public List<(int Step, int Chosen, int[] Tied)> Ties { get; } = [];

    /// <summary>
    /// The fast engine found some amount too close to a cent boundary to round it surely right; the amounts must be
    /// settled (<see cref="EqualSharesRule.Settled"/>) before they are published.
    /// </summary>
    public bool AmountsUncertain { get; set; }

    /// <summary>
    /// Whether the amounts (<see cref="MaxPayment"/>, <see cref="MoneyLeft"/>) were computed; the add1 rules try
    /// many runs for their winners alone and compute the amounts only for the one they publish.
    /// </summary>
    public bool HasAmounts { get; set; }

    /// <summary>Whether the amounts were recomputed in exact fractions after a fast run.</summary>
    public bool SettledExactly { get; set; }

    public long TotalCost(CompiledElection election) => Selected.Sum(p => election.Costs[p]);
}
