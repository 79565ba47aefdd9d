using System.Text.RegularExpressions;

namespace Burgerbegroting.Web.Tests.Site;

/// <summary>
/// Pages load, ask the domain, save and render: page models stay small, handlers short, and no page compares round
/// numbers (the round table says what each round is).
/// </summary>
public sealed partial class CodeShapeTests
{
    private static readonly string Pages = Path.Combine(SiteTests.RepositoryRoot(), "src", "Burgerbegroting.Web", "Pages");

    [Fact]
    public void No_page_model_is_over_150_lines()
    {
        var big = PageModels().Select(f => (File: Path.GetFileName(f), Lines: File.ReadAllLines(f).Length)).Where(m => m.Lines > 150).ToList();
        Assert.True(big.Count == 0, string.Join(", ", big));
    }

    [Fact]
    public void No_handler_is_over_20_lines()
    {
        var found = PageModels().SelectMany(f => Handlers(File.ReadAllLines(f)).Select(h => (File: Path.GetFileName(f), h.Name, h.Lines))).ToList();
        Assert.True(found.Count > 50, $"found only {found.Count} handlers");
        var long_ = found.Where(h => h.Lines > 20).ToList();
        Assert.True(long_.Count == 0, string.Join(", ", long_));
    }

    [Fact]
    public void No_page_compares_round_numbers()
    {
        var literals = Directory.EnumerateFiles(Pages, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => RoundLiteral().IsMatch(l.Text))
            .ToList();
        Assert.True(literals.Count == 0, string.Join("\n", literals));
    }

    /// <summary>Every C# file under Pages but the route table, which grows by two lines with every page and holds no logic.</summary>
    private static IEnumerable<string> PageModels() =>
        Directory.EnumerateFiles(Pages, "*.cs", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "PageRoutes.cs");

    /// <summary>Each public On{Verb}... method and its length in lines, from its signature to its closing brace or semicolon.</summary>
    private static IEnumerable<(string Name, int Lines)> Handlers(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var match = Handler().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            var end = i;
            // Expression-bodied: the arrow is on the signature's line (block bodies have none there).
            if (lines[i].Contains("=>", StringComparison.Ordinal))
            {
                while (!lines[end].TrimEnd().EndsWith(';'))
                {
                    end++;
                }
            }
            else
            {
                for (var depth = 0; ; end++)
                {
                    depth += lines[end].Count(c => c == '{') - lines[end].Count(c => c == '}');
                    if (depth == 0 && lines[end].Contains('}', StringComparison.Ordinal))
                    {
                        break;
                    }
                }
            }

            yield return (match.Groups["name"].Value, end - i + 1);
            i = end;
        }
    }

    [GeneratedRegex(@"^\s*public\s.*\b(?<name>On(?:Get|Post)\w*)\s*\(")]
    private static partial Regex Handler();

    /// <summary>A round by its number: Number == 3, Round(1), CurrentRoundAsync(4), "Round.2.Name", round.Number != 3.</summary>
    [GeneratedRegex(@"Number\s*[=!<>]=?\s*\d|\bRound\(\d\)|RoundAsync\(\d\)|BallotPageModel\(\d|""Round\.\d")]
    private static partial Regex RoundLiteral();
}
