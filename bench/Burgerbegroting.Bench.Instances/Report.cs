namespace Burgerbegroting.Bench.Instances;

/// <summary>The drill's figures and checks, printed as a table at the end (and each as it comes).</summary>
public sealed class Report
{
    private readonly List<(string Scenario, string What, string Figure, bool? Ok)> _rows = [];

    public bool Failed => _rows.Any(r => r.Ok == false);

    public void Add(string scenario, string what, string figure, bool? ok)
    {
        _rows.Add((scenario, what, figure, ok));
        Console.WriteLine($"[{scenario}] {what}: {figure}{(ok is null ? "" : ok.Value ? "  ok" : "  FAILED")}");
    }

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine("| scenario | what | measured | ok |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (scenario, what, figure, ok) in _rows)
        {
            Console.WriteLine($"| {scenario} | {what} | {figure} | {(ok is null ? "" : ok.Value ? "yes" : "**NO**")} |");
        }
    }
}
