using Burgerbegroting.Voting.Tests.Pabulib;

namespace Burgerbegroting.Voting.Tests.Rules;

/// <summary>Every rule on every reference file gives exactly the winners pabutools 1.2.3 gives.</summary>
public sealed class ReferenceOutcomeTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, rules) in ReferenceData.Expected.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            foreach (var rule in rules.Keys.Where(r => r != "pabulib-selected").Order(StringComparer.Ordinal))
            {
                data.Add(file, rule);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_matches_pabutools(string file, string rule)
    {
        var election = ReferenceData.Load(file);

        var outcome = RuleCatalog.Get(rule).Run(election);

        var expected = ReferenceData.Expected[file][rule].Order(StringComparer.Ordinal);
        Assert.Equal(expected, outcome.Selected.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_reference_file_has_expectations()
    {
        Assert.Equal(ReferenceData.Files.Order(StringComparer.Ordinal), ReferenceData.Expected.Keys.Order(StringComparer.Ordinal));
    }
}
