using Burgerbegroting.Voting;

namespace Burgerbegroting.Voting.Tests.Pabulib;

/// <summary>Writing an election and reading it back gives the same election, for every reference file.</summary>
public sealed class RoundTripTests
{
    public static TheoryData<string> Files => [.. ReferenceData.Files];

    [Theory]
    [MemberData(nameof(Files))]
    public void Written_file_reads_back_as_the_same_election(string file)
    {
        var original = ReferenceData.Load(file);

        var copy = PabulibReader.Parse(PabulibWriter.WriteToString(original));

        Assert.Equal(Canonical(original), Canonical(copy));
    }

    [Fact]
    public void Written_file_gives_the_same_outcome()
    {
        var original = ReferenceData.Load("Poland_Warszawa_2019_Grochow_Kinowa.pb");

        var copy = PabulibReader.Parse(PabulibWriter.WriteToString(original));

        Assert.Equal(RuleCatalog.Get("mes-cost").Run(original).Selected, RuleCatalog.Get("mes-cost").Run(copy).Selected);
    }

    // A comparable picture of everything an election holds.
    private static List<string> Canonical(Election e)
    {
        var lines = new List<string> { $"budget {e.Budget}", $"type {e.VoteType}", "ballot columns " + string.Join("|", e.BallotExtraColumns) };
        lines.AddRange(e.Meta.Select(kv => $"meta {kv.Key}={kv.Value}"));
        lines.AddRange(e.Projects.Select(p => $"project {p.Id} {p.Cost} " + string.Join("|", p.Extras.Select(kv => $"{kv.Key}={kv.Value}"))));
        lines.AddRange(e.Ballots.Select(b => $"ballot {b.VoterId} {string.Join(",", b.ProjectIds)} {string.Join(",", b.Points ?? [])} {string.Join("|", b.ExtraValues)}"));
        return lines;
    }
}
