using System.Text.Json;
using Burgerbegroting.Tally;
using Burgerbegroting.Voting.Tests.Pabulib;

namespace Burgerbegroting.Voting.Tests.Tally;

/// <summary>The tally tool, called in-process the way Program.cs calls it.</summary>
public sealed class TallyCommandTests
{
    private static readonly string Assen = ReferenceData.InstancePath("Netherlands_Assen_2024.pb");

    [Fact]
    public void Prints_selected_ids_one_per_line_in_the_order_chosen()
    {
        var (code, output, _) = Tally(Assen, "--rule", "greedy-cost");

        Assert.Equal(0, code);
        Assert.Equal(["3", "9", "8", "11", "2", "13", "14"], output.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Json_has_rule_selected_and_total_cost()
    {
        var (code, output, _) = Tally(Assen, "--rule", "mes-cost", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("mes-cost", json.RootElement.GetProperty("rule").GetString());
        var selected = json.RootElement.GetProperty("selected").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(ReferenceData.Expected["Netherlands_Assen_2024.pb"]["mes-cost"].Order(StringComparer.Ordinal), selected.Order(StringComparer.Ordinal));
        Assert.True(json.RootElement.GetProperty("totalCost").GetDecimal() <= 100_000m);
    }

    [Fact]
    public void Json_explain_gives_a_reason_for_every_project()
    {
        var (_, output, _) = Tally(Assen, "--rule", "greedy-cost", "--json", "--explain");

        using var json = JsonDocument.Parse(output);
        var projects = json.RootElement.GetProperty("projects").EnumerateArray().ToList();
        Assert.Equal(14, projects.Count);
        var loser = projects.Single(p => p.GetProperty("id").GetString() == "1");
        Assert.Equal("did-not-fit", loser.GetProperty("reason").GetString());
        Assert.Equal(6800m, loser.GetProperty("remainingBudgetAtTurn").GetDecimal());
    }

    [Fact]
    public void Explain_adds_a_plain_reason_per_project()
    {
        var (_, output, _) = Tally(Assen, "--rule", "greedy-cost", "--explain");

        Assert.Contains("# 1: 23 votes, cost 40000: did not fit: 6800 left when its turn came", output, StringComparison.Ordinal);
        Assert.Contains("# 3: 43 votes, cost 7200: won at step 1", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_rule_exits_with_2_and_lists_the_rules()
    {
        var (code, output, error) = Tally(Assen, "--rule", "borda");

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("unknown rule 'borda'", error, StringComparison.Ordinal);
        Assert.Contains("mes-cost-add1-greedy", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData()]
    [InlineData("--rule", "greedy-cost")]
    [InlineData("file.pb")]
    [InlineData("file.pb", "--rule")]
    [InlineData("file.pb", "--rule", "greedy-cost", "--fast")]
    public void Bad_arguments_exit_with_2(params string[] args)
    {
        var (code, _, error) = Tally(args);

        Assert.Equal(2, code);
        Assert.StartsWith("tally: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_file_exits_with_2_naming_the_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.pb");
        File.WriteAllText(path, "META\nkey;value\nbudget;100\nPROJECTS\nproject_id;cost\n1;100\nVOTES\nvoter_id;vote\n1;2\n");
        try
        {
            var (code, _, error) = Tally(path, "--rule", "greedy-cost");

            Assert.Equal(2, code);
            Assert.Contains("line 9: voter 1 votes for project '2', which is not in PROJECTS", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Missing_file_exits_with_2()
    {
        var (code, _, error) = Tally("/nonexistent/file.pb", "--rule", "greedy-cost");

        Assert.Equal(2, code);
        Assert.Contains("cannot read", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_the_rules_and_exits_with_0()
    {
        var (code, output, _) = Tally("--help");

        Assert.Equal(0, code);
        Assert.Contains("Usage: tally FILE.pb --rule RULE", output, StringComparison.Ordinal);
        Assert.All(RuleCatalog.Names, name => Assert.Contains(name, output, StringComparison.Ordinal));
    }

    private static (int Code, string Output, string Error) Tally(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = TallyCommand.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
