using Burgerbegroting.Voting;

namespace Burgerbegroting.Voting.Tests.Pabulib;

/// <summary>A malformed file is refused with the line number and what is wrong.</summary>
public sealed class MalformedFileTests
{
    private const string Meta = "META\nkey;value\nbudget;100\nvote_type;approval\n";
    private const string Projects = "PROJECTS\nproject_id;cost;name\n1;60;Park\n2;50;Bench\n";

    [Theory]
    [InlineData(Meta + Projects + "VOTES\nvoter_id;vote\n1;1,3\n", 11, "project '3', which is not in PROJECTS")]
    [InlineData(Meta + "PROJECTS\nproject_id;cost\n1;sixty\n", 7, "cost 'sixty' of project '1' is not a number")]
    [InlineData(Meta + "PROJECTS\nproject_id;cost\n1;60\n1;50\n", 8, "project '1' occurs twice (first on line 7)")]
    [InlineData("META\nkey;value\nbudget;lots\nPROJECTS\nproject_id;cost\n", 4, "budget 'lots' in META is not a number")]
    [InlineData(Meta + Projects + "VOTES\nvoter_id;vote\n1;\"1,2\n", 11, "quoted field is not closed")]
    [InlineData(Meta + Projects + "VOTES\nvoter_id;vote\n1;1;extra\n", 11, "3 fields but the VOTES header has 2")]
    [InlineData(Meta + Projects + "VOTES\nvoter_id;vote\n1;1,1\n", 11, "votes for project '1' twice")]
    [InlineData(Meta + "PROJECTS\nid;cost\n", 6, "no 'project_id' column")]
    [InlineData("hello\n", 1, "expected a section name")]
    [InlineData(Meta + Projects, 8, "without a VOTES section")]
    [InlineData("META\nkey;value\nbudget;100\nvote_type;ranked\nPROJECTS\n", 5, "vote_type 'ranked' is not supported")]
    [InlineData("META\nkey;value\nbudget;100\nvote_type;cumulative\n" + Projects + "VOTES\nvoter_id;vote;points\n1;1,2;3\n", 11, "votes for 2 projects but gives 1 points")]
    public void Error_names_the_line_and_the_problem(string content, int line, string problem)
    {
        var error = Assert.Throws<PabulibFormatException>(() => PabulibReader.Parse(content));

        Assert.Equal(line, error.LineNumber);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"line {line}: ", error.Message, StringComparison.Ordinal);
    }
}
