using System.Text;
using System.Text.RegularExpressions;

namespace Burgerbegroting.Web.Tests.Infrastructure;

/// <summary>
/// Just enough MIME to read what the app sends: headers (RFC 2047 words), text/plain, base64 or quoted-printable.
/// Our own reader rather than MimeKit's, so the tests do not read mail with the library that wrote it.
/// </summary>
internal sealed partial class MimeText
{
    private readonly Dictionary<string, string> _headers;

    private MimeText(Dictionary<string, string> headers, string text)
    {
        _headers = headers;
        Text = text;
    }

    public string Text { get; }

    public string Header(string name) => _headers.TryGetValue(name, out var v) ? v : "";

    public static MimeText Parse(string raw)
    {
        raw = raw.Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = raw.IndexOf("\n\n", StringComparison.Ordinal);
        var headers = ParseHeaders(split < 0 ? raw : raw[..split]);
        var body = split < 0 ? "" : raw[(split + 2)..];
        return new MimeText(headers, ExtractText(headers, body));
    }

    private static Dictionary<string, string> ParseHeaders(string block)
    {
        var unfolded = Regex.Replace(block, @"\n[ \t]+", " ");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in unfolded.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.TryAdd(line[..colon].Trim(), DecodeWords(line[(colon + 1)..].Trim()));
            }
        }

        return headers;
    }

    private static string ExtractText(Dictionary<string, string> headers, string body)
    {
        var type = headers.GetValueOrDefault("Content-Type", "text/plain");
        var boundary = BoundaryPattern().Match(type);
        if (boundary.Success)
        {
            foreach (var part in body.Split("--" + boundary.Groups[1].Value))
            {
                var parsed = Parse(part.TrimStart('\n'));
                if (parsed.Header("Content-Type").StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) || parsed.Header("Content-Type").StartsWith("multipart", StringComparison.OrdinalIgnoreCase))
                {
                    if (parsed.Text.Length > 0)
                    {
                        return parsed.Text;
                    }
                }
            }

            return "";
        }

        return headers.GetValueOrDefault("Content-Transfer-Encoding", "").ToLowerInvariant() switch
        {
            "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(Regex.Replace(body, @"\s", ""))),
            "quoted-printable" => QuotedPrintable(body),
            _ => body,
        };
    }

    private static string QuotedPrintable(string body)
    {
        var joined = body.Replace("=\n", "", StringComparison.Ordinal);
        var bytes = new List<byte>();
        for (var i = 0; i < joined.Length; i++)
        {
            if (joined[i] == '=' && i + 2 < joined.Length && Uri.IsHexDigit(joined[i + 1]) && Uri.IsHexDigit(joined[i + 2]))
            {
                bytes.Add(Convert.ToByte(joined.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(joined[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static string DecodeWords(string value) =>
        EncodedWord().Replace(Regex.Replace(value, @"\?=\s+=\?", "?==?"), m =>
        {
            var charset = Encoding.GetEncoding(m.Groups[1].Value);
            var text = m.Groups[3].Value;
            return m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                ? charset.GetString(Convert.FromBase64String(text))
                : QuotedPrintable(text.Replace('_', ' '));
        });

    [GeneratedRegex(@"boundary=""?([^"";]+)""?", RegexOptions.IgnoreCase)]
    private static partial Regex BoundaryPattern();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();
}
