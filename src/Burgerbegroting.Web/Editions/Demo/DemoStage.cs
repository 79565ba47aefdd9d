using System.Globalization;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Money;

namespace Burgerbegroting.Web.Editions.Demo;

/// <summary>Where the demo edition stands: the round that is open, or all four published.</summary>
public enum DemoStage
{
    /// <summary>"1": round 1 open, with ballots.</summary>
    RoundOneOpen = 1,

    /// <summary>"2": round 1 published, round 2 open, with ballots.</summary>
    RoundTwoOpen = 2,

    /// <summary>"3": rounds 1-2 published, round 3 open, with ideas of which some are reviewed.</summary>
    RoundThreeOpen = 3,

    /// <summary>"4": round 3 published, round 4 open, with ballots.</summary>
    RoundFourOpen = 4,

    /// <summary>"done": round 4 published, winners known.</summary>
    Done = 5,
}

public static class DemoStages
{
    public const string Usage = "1, 2, 3, 4 or done";

    public static DemoStage Default => DemoStage.RoundFourOpen;

    /// <summary>"1".."4" or "done", as in configuration (Demo:Stage) and on the command line (--stage).</summary>
    public static bool TryParse(string? text, out DemoStage stage)
    {
        stage = Default;
        var value = text?.Trim();
        if (string.Equals(value, "done", StringComparison.OrdinalIgnoreCase))
        {
            stage = DemoStage.Done;
            return true;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && RoundTable.Find(number) is not null)
        {
            stage = (DemoStage)number;
            return true;
        }

        return false;
    }

    public static string Name(this DemoStage stage) =>
        stage == DemoStage.Done ? "done" : ((int)stage).ToString(CultureInfo.InvariantCulture);

    public static string Describe(this DemoStage stage) => stage switch
    {
        DemoStage.Done => "all four rounds published",
        _ => $"round {(int)stage} open",
    };

    /// <summary>The number of the round that is open at this stage, or one past the last when all are published.</summary>
    public static int OpenRound(this DemoStage stage) => (int)stage;
}

/// <summary>What seeding did: nothing (an edition existed already) or an edition at a stage, with its counts.</summary>
public sealed record DemoSeedResult(
    bool Seeded,
    string EditionName,
    DemoStage Stage,
    int Residents,
    int ApprovedNetworks,
    int PendingNetworks,
    IReadOnlyList<int> BallotsPerRound,
    int Ideas,
    int Admitted,
    int NotAdmitted,
    int Winners,
    TimeSpan Elapsed)
{
    /// <summary>Printed stemcodes of demo letters to residents without an account, to try voting with.</summary>
    public IReadOnlyList<string> TryCodes { get; init; } = [];

    public static DemoSeedResult NothingDone(string existingEdition) =>
        new(false, existingEdition, DemoStages.Default, 0, 0, 0, [.. RoundTable.All.Select(_ => 0)], 0, 0, 0, 0, TimeSpan.Zero);

    /// <summary>For the console: what was made, one fact per line.</summary>
    public IEnumerable<string> Describe()
    {
        if (!Seeded)
        {
            yield return $"An edition exists already (\"{EditionName}\"): the demo was not seeded, nothing was changed.";
            yield break;
        }

        var seconds = Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        var budget = EuroAmount.Format(DemoCity.TotalBudget, CultureInfo.GetCultureInfo("nl-NL"));
        yield return $"Demo edition \"{EditionName}\" seeded at stage {Stage.Name()} ({Stage.Describe()}) in {seconds} s:";
        yield return $"  {DemoCity.Buurten.Length} buurten, {DemoCity.Themes.Length} candidate themes, budget {budget}";
        yield return $"  {Residents} residents, {ApprovedNetworks} approved buurtnetwerken, {PendingNetworks} waiting for approval";
        yield return "  ballots: " + string.Join(", ", RoundTable.All.Where(r => r.HasBallot).Select(r => $"round {r.Number}: {BallotsPerRound[r.Number - 1]}"));
        yield return $"  ideas: {Ideas} ({Admitted} admitted, {NotAdmitted} not admitted, {Ideas - Admitted - NotAdmitted} waiting for review)";
        if (Stage == DemoStage.Done)
        {
            yield return $"  winners: {Winners} ideas";
        }

        if (TryCodes.Count > 0)
        {
            yield return $"  stemcodes from demo letters, to vote without an account at /stemmen/code: {string.Join(", ", TryCodes)}";
        }
    }
}
