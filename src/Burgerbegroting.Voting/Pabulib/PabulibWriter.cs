using System.Globalization;
using System.Text;

namespace Burgerbegroting.Voting;

/// <summary>Writes an election in the pabulib format, so that <see cref="PabulibReader"/> reads back the same election.</summary>
public static class PabulibWriter
{
    public static void WriteFile(Election election, string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Write(election, writer);
    }

    public static string WriteToString(Election election)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(election, writer);
        return writer.ToString();
    }

    public static void Write(Election election, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(election);
        ArgumentNullException.ThrowIfNull(writer);
        writer.NewLine = "\n";

        writer.WriteLine("META");
        writer.WriteLine("key;value");
        foreach (var (key, value) in MetaRows(election))
        {
            WriteRow(writer, [key, value]);
        }

        writer.WriteLine("PROJECTS");
        var projectColumns = election.Projects.SelectMany(p => p.Extras.Keys).Distinct(StringComparer.Ordinal).ToList();
        WriteRow(writer, ["project_id", "cost", .. projectColumns]);
        foreach (var project in election.Projects)
        {
            WriteRow(writer, [project.Id, Format(project.Cost), .. projectColumns.Select(c => project.Extras.GetValueOrDefault(c, ""))]);
        }

        writer.WriteLine("VOTES");
        var cumulative = election.VoteType == VoteType.Cumulative;
        WriteRow(writer, ["voter_id", "vote", .. cumulative ? ["points"] : Array.Empty<string>(), .. election.BallotExtraColumns]);
        foreach (var ballot in election.Ballots)
        {
            var points = cumulative ? [string.Join(',', ballot.Points ?? [])] : Array.Empty<string>();
            WriteRow(writer, [ballot.VoterId, string.Join(',', ballot.ProjectIds), .. points, .. ballot.ExtraValues]);
        }
    }

    // The counts, budget and vote type always describe the election itself; other META rows are kept as they are.
    private static List<KeyValuePair<string, string>> MetaRows(Election election)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["num_projects"] = election.Projects.Count.ToString(CultureInfo.InvariantCulture),
            ["num_votes"] = election.Ballots.Count.ToString(CultureInfo.InvariantCulture),
            ["budget"] = Format(election.Budget),
            ["vote_type"] = election.VoteType switch
            {
                VoteType.ChooseOne => "choose-1",
                VoteType.Cumulative => "cumulative",
                _ => "approval",
            },
        };
        var rows = election.Meta.Select(kv => facts.Remove(kv.Key, out var fact) ? new(kv.Key, fact) : kv).ToList();
        rows.AddRange(facts);
        return rows;
    }

    private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static void WriteRow(TextWriter writer, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                writer.Write(';');
            }

            first = false;
            writer.Write(NeedsQuotes(field) ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field);
        }

        writer.WriteLine();
    }

    private static bool NeedsQuotes(string field) =>
        field.AsSpan().IndexOfAny(";\"\r\n") >= 0 || (field.Length > 0 && (char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1])));
}
