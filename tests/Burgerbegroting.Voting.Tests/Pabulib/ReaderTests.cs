using Burgerbegroting.Voting;

namespace Burgerbegroting.Voting.Tests.Pabulib;

/// <summary>The reader accepts what real pabulib files contain.</summary>
public sealed class ReaderTests
{
    [Fact]
    public void Quoted_fields_decimal_costs_mixed_line_ends_and_extra_columns_are_read()
    {
        var content = "META\r\nkey;value\r\nbudget;222176.85\nvote_type;approval\r\nPROJECTS\nproject_id;cost;name;votes\r\n"
            + "a;1000.50;\"Park; with \"\"quotes\"\"\";3\n"
            + "b;200;Bench;1\r\n"
            + "VOTES\r\nvoter_id;vote;age;sex\nv1;a,b;33;F\r\n\r\nv2;a;;M\n";

        var election = PabulibReader.Parse(content);

        Assert.Equal(222176.85m, election.Budget);
        Assert.Equal(1000.50m, election.Projects[0].Cost);
        Assert.Equal("Park; with \"quotes\"", election.Projects[0].Name);
        Assert.Equal("3", election.Projects[0].Extras["votes"]);
        Assert.Equal(["age", "sex"], election.BallotExtraColumns);
        Assert.Equal(["a", "b"], election.Ballots[0].ProjectIds);
        Assert.Equal(["", "M"], election.Ballots[1].ExtraValues);
    }

    [Fact]
    public void Cumulative_ballots_keep_their_points()
    {
        var content = "META\nkey;value\nbudget;10\nvote_type;cumulative\nPROJECTS\nproject_id;cost\n1;5\n2;5\nVOTES\nvoter_id;vote;points\n7;2,1;6,4\n";

        var election = PabulibReader.Parse(content);

        Assert.Equal(VoteType.Cumulative, election.VoteType);
        Assert.Equal([6L, 4L], election.Ballots[0].Points!);
    }

    [Fact]
    public void Choose_one_files_are_approval_ballots_of_one()
    {
        var election = ReferenceData.Load("Netherlands_Amsterdam_643.pb");

        Assert.Equal(VoteType.ChooseOne, election.VoteType);
        Assert.All(election.Ballots, b => Assert.Single(b.ProjectIds));
    }

    [Fact]
    public void Every_reference_file_parses_with_its_stated_counts()
    {
        foreach (var file in ReferenceData.Files)
        {
            var election = ReferenceData.Load(file);
            Assert.Equal(election.MetaValue("num_votes"), election.Ballots.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(election.MetaValue("num_projects"), election.Projects.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
