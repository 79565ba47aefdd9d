using System.Globalization;
using System.Text;

namespace Burgerbegroting.Voting;

/// <summary>
/// Reads the pabulib format (pabulib.org): sections META, PROJECTS and VOTES, each a header row and
/// <c>;</c>-separated rows, optionally quoted, with CRLF, LF or mixed line ends.
/// </summary>
public static class PabulibReader
{
    public static Election ReadFile(string path) => Parse(File.ReadAllText(path, Encoding.UTF8));

    public static Election Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Parse(reader.ReadToEnd());
    }

    public static Election Parse(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new Parser(content).Run();
    }

    internal static bool TryParseDecimal(string text, out decimal value)
    {
        var s = text.Trim();
        // pabutools accepts a decimal comma too ("222176,85").
        if (!s.Contains('.', StringComparison.Ordinal))
        {
            s = s.Replace(',', '.');
        }

        return decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private enum Section
    {
        None,
        Meta,
        Projects,
        Votes,
    }

    private sealed class Parser(string content)
    {
        private readonly List<string> _fields = [];
        private readonly List<KeyValuePair<string, string>> _meta = [];
        private readonly List<Project> _projects = [];
        private readonly Dictionary<string, int> _projectLine = new(StringComparer.Ordinal);
        private readonly List<Ballot> _ballots = [];
        private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _projectLookup;
        private Section _section;
        private int _pos;
        private int _lineNumber;
        private string[] _header = [];
        private int _idColumn = -1;
        private int _costColumn = -1;
        private int _voteColumn = -1;
        private int _pointsColumn = -1;
        private int _voterColumn = -1;
        private VoteType _voteType = VoteType.Approval;
        private decimal _budget;

        public Election Run()
        {
            if (content.Length > 0 && content[0] == '\uFEFF')
            {
                _pos = 1;
            }

            var seen = new HashSet<Section>();
            while (NextLine(out var line))
            {
                if (line.IsWhiteSpace())
                {
                    continue;
                }

                var section = SectionOf(line);
                if (section != Section.None)
                {
                    StartSection(section, seen);
                    continue;
                }

                switch (_section)
                {
                    case Section.None:
                        throw Error($"expected a section name (META, PROJECTS or VOTES), found '{Shorten(line)}'");
                    case Section.Meta:
                        ReadMetaRow(line);
                        break;
                    case Section.Projects:
                        ReadProjectRow(line);
                        break;
                    case Section.Votes:
                        ReadVoteRow(line);
                        break;
                }
            }

            foreach (var required in new[] { Section.Meta, Section.Projects, Section.Votes })
            {
                if (!seen.Contains(required))
                {
                    throw Error($"the file ends without a {required.ToString().ToUpperInvariant()} section");
                }
            }

            var extraColumns = _voteColumn < 0 ? [] : ExtraBallotColumns();
            return new Election(_budget, _projects, _ballots, _voteType, _meta, extraColumns);
        }

        private static Section SectionOf(ReadOnlySpan<char> line)
        {
            var first = line;
            var semicolon = line.IndexOf(';');
            if (semicolon >= 0)
            {
                first = line[..semicolon];
                if (!line[(semicolon + 1)..].Trim(';').IsWhiteSpace())
                {
                    return Section.None;
                }
            }

            first = first.Trim();
            return first.Equals("META", StringComparison.OrdinalIgnoreCase) ? Section.Meta
                : first.Equals("PROJECTS", StringComparison.OrdinalIgnoreCase) ? Section.Projects
                : first.Equals("VOTES", StringComparison.OrdinalIgnoreCase) ? Section.Votes
                : Section.None;
        }

        private static string Shorten(ReadOnlySpan<char> text) =>
            text.Length <= 40 ? text.ToString() : string.Concat(text[..40], "...");

        private void StartSection(Section section, HashSet<Section> seen)
        {
            var name = section.ToString().ToUpperInvariant();
            if (!seen.Add(section))
            {
                throw Error($"second {name} section");
            }

            if (section == Section.Projects && !seen.Contains(Section.Meta))
            {
                throw Error("PROJECTS section before the META section");
            }

            if (section == Section.Votes && !seen.Contains(Section.Projects))
            {
                throw Error("VOTES section before the PROJECTS section");
            }

            if (section == Section.Projects)
            {
                FinishMeta();
            }

            _section = section;
            if (!NextLine(out var headerLine) || headerLine.IsWhiteSpace())
            {
                throw Error($"the {name} section has no header row");
            }

            _header = [.. Split(headerLine).Select(h => h.Trim())];
            if (section == Section.Projects)
            {
                _idColumn = Column("project_id", name);
                _costColumn = Column("cost", name);
                _projectLookup = _projectLine.GetAlternateLookup<ReadOnlySpan<char>>();
            }
            else if (section == Section.Votes)
            {
                _voteColumn = Column("vote", name);
                _voterColumn = Array.IndexOf(_header, "voter_id");
                _pointsColumn = Array.IndexOf(_header, "points");
                if (_voteType == VoteType.Cumulative && _pointsColumn < 0)
                {
                    throw Error("the vote is cumulative but the VOTES header has no points column");
                }
            }
        }

        private int Column(string name, string section)
        {
            var index = Array.IndexOf(_header, name);
            return index >= 0 ? index : throw Error($"the {section} header has no '{name}' column");
        }

        private void ReadMetaRow(ReadOnlySpan<char> line)
        {
            var row = Split(line);
            if (row.Count != 2)
            {
                throw Error($"a META row needs exactly two fields, key;value, but has {row.Count}");
            }

            var key = row[0].Trim();
            if (key.Length == 0)
            {
                throw Error("a META row has an empty key");
            }

            if (_meta.Exists(kv => kv.Key == key))
            {
                throw Error($"META key '{key}' occurs twice");
            }

            _meta.Add(new(key, row[1].Trim()));
        }

        private void FinishMeta()
        {
            var budget = _meta.Find(kv => kv.Key == "budget").Value
                ?? throw Error("the META section has no budget");
            if (!TryParseDecimal(budget, out _budget))
            {
                throw Error($"the budget '{budget}' in META is not a number");
            }

            var voteType = _meta.Find(kv => kv.Key == "vote_type").Value ?? "approval";
            _voteType = voteType.ToLowerInvariant() switch
            {
                "approval" => VoteType.Approval,
                "choose-1" => VoteType.ChooseOne,
                "cumulative" => VoteType.Cumulative,
                _ => throw Error($"vote_type '{voteType}' is not supported (approval, choose-1 or cumulative)"),
            };
        }

        private void ReadProjectRow(ReadOnlySpan<char> line)
        {
            var row = Split(line);
            CheckWidth(row.Count, "PROJECTS");
            var id = row[_idColumn].Trim();
            if (id.Length == 0)
            {
                throw Error("a project has an empty project_id");
            }

            if (_projectLine.TryGetValue(id, out var firstLine))
            {
                throw Error($"project '{id}' occurs twice (first on line {firstLine})");
            }

            var costText = _costColumn < row.Count ? row[_costColumn] : "";
            if (!TryParseDecimal(costText, out var cost))
            {
                throw Error($"the cost '{costText}' of project '{id}' is not a number");
            }

            var extras = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < row.Count; i++)
            {
                if (i != _idColumn && i != _costColumn)
                {
                    extras[_header[i]] = row[i];
                }
            }

            _projectLine[id] = _lineNumber;
            _projects.Add(new Project(id, cost, extras));
        }

        private void ReadVoteRow(ReadOnlySpan<char> line)
        {
            var row = Split(line);
            CheckWidth(row.Count, "VOTES");
            var voterId = _voterColumn >= 0 && _voterColumn < row.Count ? row[_voterColumn].Trim() : (_ballots.Count + 1).ToString(CultureInfo.InvariantCulture);
            var vote = _voteColumn < row.Count ? row[_voteColumn].AsSpan().Trim() : [];
            var ids = new List<string>(4);
            foreach (var range in vote.Split(','))
            {
                var name = vote[range].Trim();
                if (name.IsEmpty)
                {
                    continue;
                }

                if (!_projectLookup.TryGetValue(name, out var actualKey, out _))
                {
                    throw Error($"voter {voterId} votes for project '{name}', which is not in PROJECTS");
                }

                if (ids.Contains(actualKey))
                {
                    throw Error($"voter {voterId} votes for project '{actualKey}' twice");
                }

                ids.Add(actualKey);
            }

            List<long>? points = null;
            if (_voteType == VoteType.Cumulative)
            {
                points = ReadPoints(row, voterId, ids.Count);
            }

            _ballots.Add(new Ballot(voterId, ids, points, ExtraValues(row)));
        }

        private List<long> ReadPoints(List<string> row, string voterId, int expected)
        {
            var text = _pointsColumn < row.Count ? row[_pointsColumn].AsSpan().Trim() : [];
            var points = new List<long>(expected);
            if (!text.IsEmpty)
            {
                foreach (var range in text.Split(','))
                {
                    var part = text[range].Trim();
                    if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                    {
                        throw Error($"voter {voterId} has points '{part}', which is not a whole number of at least 0");
                    }

                    points.Add(value);
                }
            }

            if (points.Count != expected)
            {
                throw Error($"voter {voterId} votes for {expected} projects but gives {points.Count} points");
            }

            return points;
        }

        private string[] ExtraBallotColumns() =>
            [.. _header.Where((_, i) => i != _voteColumn && i != _voterColumn && i != _pointsColumn)];

        private string[] ExtraValues(List<string> row)
        {
            var values = new string[_header.Length - 1 - (_voterColumn >= 0 ? 1 : 0) - (_pointsColumn >= 0 ? 1 : 0)];
            var next = 0;
            for (var i = 0; i < _header.Length; i++)
            {
                if (i != _voteColumn && i != _voterColumn && i != _pointsColumn)
                {
                    values[next++] = i < row.Count ? row[i] : "";
                }
            }

            return values;
        }

        private void CheckWidth(int count, string section)
        {
            if (count > _header.Length)
            {
                throw Error($"the row has {count} fields but the {section} header has {_header.Length}");
            }
        }

        private bool NextLine(out ReadOnlySpan<char> line)
        {
            if (_pos >= content.Length)
            {
                line = default;
                return false;
            }

            var rest = content.AsSpan(_pos);
            var end = rest.IndexOf('\n');
            var length = end < 0 ? rest.Length : end;
            line = rest[..length];
            if (line.EndsWith("\r"))
            {
                line = line[..^1];
            }

            _pos += end < 0 ? rest.Length : end + 1;
            _lineNumber++;
            return true;
        }

        // Splits one line on ';', honouring "quoted; fields" with "" as an escaped quote.
        private List<string> Split(ReadOnlySpan<char> line)
        {
            _fields.Clear();
            var i = 0;
            while (true)
            {
                if (i < line.Length && line[i] == '"')
                {
                    var value = new StringBuilder();
                    i++;
                    while (true)
                    {
                        if (i >= line.Length)
                        {
                            throw Error("a quoted field is not closed");
                        }

                        if (line[i] == '"')
                        {
                            if (i + 1 < line.Length && line[i + 1] == '"')
                            {
                                value.Append('"');
                                i += 2;
                                continue;
                            }

                            i++;
                            break;
                        }

                        value.Append(line[i++]);
                    }

                    _fields.Add(value.ToString());
                    if (i < line.Length && line[i] != ';')
                    {
                        throw Error($"unexpected '{line[i]}' after a closing quote");
                    }
                }
                else
                {
                    var end = line[i..].IndexOf(';');
                    var field = end < 0 ? line[i..] : line.Slice(i, end);
                    _fields.Add(field.ToString());
                    i += field.Length;
                }

                if (i >= line.Length)
                {
                    return _fields;
                }

                i++; // the ';'
            }
        }

        private PabulibFormatException Error(string problem) => new(_lineNumber, problem);
    }
}
