using System.Collections.Concurrent;
using System.Text.Json;
using Burgerbegroting.Voting;

namespace Burgerbegroting.Voting.Tests.Pabulib;

/// <summary>The real elections and pabutools outcomes in tests/pabulib, found by walking up to the solution file.</summary>
public static class ReferenceData
{
    private static readonly Lazy<string> Root = new(FindRoot);
    private static readonly Lazy<Dictionary<string, Dictionary<string, string[]>>> ExpectedOutcomes = new(LoadExpected);
    private static readonly ConcurrentDictionary<string, Lazy<Election>> Elections = new();

    public static string Directory => Path.Combine(Root.Value, "tests", "pabulib");

    public static string InstancePath(string file) => Path.Combine(Directory, "instances", file);

    public static IEnumerable<string> Files =>
        System.IO.Directory.GetFiles(Path.Combine(Directory, "instances"), "*.pb").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static IReadOnlyDictionary<string, Dictionary<string, string[]>> Expected => ExpectedOutcomes.Value;

    /// <summary>Each file is parsed once per test run; the big ones take a moment.</summary>
    public static Election Load(string file) =>
        Elections.GetOrAdd(file, f => new Lazy<Election>(() => PabulibReader.ReadFile(InstancePath(f)))).Value;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Burgerbegroting.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Burgerbegroting.sln not found above " + AppContext.BaseDirectory);
    }

    private static Dictionary<string, Dictionary<string, string[]>> LoadExpected() =>
        JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string[]>>>(File.ReadAllText(Path.Combine(Directory, "expected.json")))!;
}
