using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Tests.Pabulib;

namespace Burgerbegroting.Voting.Tests.Rules;

/// <summary>The floating-point engine either agrees with exact arithmetic or declines to decide.</summary>
public sealed class FastEngineTests
{
    [Fact]
    public void Fast_engine_agrees_with_exact_fractions_or_gives_up() =>
        Properties.Check(RandomElections.Generator, election =>
            Enum.GetValues<Satisfaction>().All(sat =>
            {
                var input = EqualSharesRule.Input(election, sat, null);
                foreach (var extra in new long[] { 0, 1, 3 })
                {
                    var numerator = input.Election.Budget + (extra * input.Election.VoterCount * input.Election.Scale);
                    var exact = ExactEqualShares.Run(input, numerator);
                    var fast = FastEqualShares.TryRun(input, numerator);
                    if (fast is not null && !fast.Selected.SequenceEqual(exact.Selected))
                    {
                        return false;
                    }
                }

                return true;
            }),
            runs: 500);

    [Fact]
    public void Exact_engine_gives_the_reference_outcome()
    {
        var election = ReferenceData.Load("Poland_Warszawa_2019_Grochow_Kinowa.pb");
        var input = EqualSharesRule.Input(election, Satisfaction.Cost, null);

        var run = ExactEqualShares.Run(input, input.Election.Budget);

        var ids = run.Selected.Select(p => election.Projects[p].Id).Order(StringComparer.Ordinal);
        Assert.Equal(ReferenceData.Expected["Poland_Warszawa_2019_Grochow_Kinowa.pb"]["mes-cost"].Order(StringComparer.Ordinal), ids);
    }

    [Theory]
    [InlineData("Poland_Warszawa_2026.pb")]
    [InlineData("Poland_Wroclaw_2015_150_-_500.pb")]
    public void Big_files_need_no_exact_fallback(string file)
    {
        var input = EqualSharesRule.Input(ReferenceData.Load(file), Satisfaction.Cost, null);

        Assert.NotNull(FastEqualShares.TryRun(input, input.Election.Budget));
    }
}
