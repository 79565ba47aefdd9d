using CsvHelper;

namespace Burgerbegroting.Voting.Csv;

/// <summary>
/// Opens a CSV file that staff upload (an export from Excel or a municipal system) with a header row. The separator
/// is taken from the header line: <c>;</c> when it occurs there outside quotes (Dutch Excel), otherwise <c>,</c>.
/// Blank lines before the header are skipped; line numbers stay those of the file as a text editor shows them.
/// </summary>
internal sealed class UploadedCsv : IDisposable
{
    // A header line longer than this is not a header; the separator is taken from what was read.
    private const int MaxHeaderBytes = 1 << 20;

    private readonly int _skippedLines;

    private UploadedCsv(CsvReader reader, int headerLine, int skippedLines)
    {
        Reader = reader;
        HeaderLine = headerLine;
        _skippedLines = skippedLines;
    }

    public CsvReader Reader { get; }

    /// <summary>The 1-based line of the header in the file.</summary>
    public int HeaderLine { get; }

    /// <summary>The 1-based line in the file where the current record starts.</summary>
    public int Line => (int)Reader.LineNumber + _skippedLines;

    public static UploadedCsv Open(Stream stream, Action<CsvMalformedRecord>? onMalformed = null)
    {
        var (start, skippedLines, separator, buffered) = ReadHeaderLine(stream);
        var options = new CsvReaderOptions
        {
            Separator = separator,
            HasHeader = true,
            TrackLineNumbers = true,
            TrimWhitespace = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = onMalformed,
        };
        var input = new PrefixedStream(buffered.AsMemory(start), stream);
        return new UploadedCsv(CsvReader.Create(input, options, leaveOpen: true), skippedLines + 1, skippedLines);
    }

    public void Dispose() => Reader.Dispose();

    /// <summary>
    /// Reads up to the end of the first line that is not blank, counts the blank lines before it, and picks the
    /// separator from it. Returns the bytes read so far, to be read again from <c>start</c> on.
    /// </summary>
    private static (int Start, int SkippedLines, char Separator, byte[] Buffered) ReadHeaderLine(Stream stream)
    {
        var buffer = new byte[4096];
        var length = 0;
        var position = 0;
        var lineStart = 0;
        var skippedLines = 0;
        var content = false;
        var inQuotes = false;
        var semicolons = 0;
        var ended = false;
        while (true)
        {
            for (; position < length && !ended; position++)
            {
                var b = buffer[position];
                if (b == (byte)'"')
                {
                    inQuotes = !inQuotes;
                    content = true;
                }
                else if (inQuotes)
                {
                    continue;
                }
                else if (b == (byte)'\n' || (b == (byte)'\r' && content))
                {
                    if (content)
                    {
                        ended = true;
                    }
                    else
                    {
                        skippedLines++;
                        lineStart = position + 1;
                    }
                }
                else if (b == (byte)';')
                {
                    semicolons++;
                    content = true;
                }
                else if (!IsBlank(b, position))
                {
                    content = true;
                }
            }

            if (ended || length >= MaxHeaderBytes)
            {
                break;
            }

            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        // A UTF-16 file (its byte order mark first) is left whole for the reader to recognise and transcode.
        var utf16 = length >= 2 && ((buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF));
        if (utf16)
        {
            lineStart = 0;
            skippedLines = 0;
        }

        Array.Resize(ref buffer, length);
        return (lineStart, skippedLines, semicolons > 0 ? ';' : ',', buffer);

        // Spaces, tabs, carriage returns, NUL (UTF-16) and the UTF-8 byte order mark at the start of the file.
        static bool IsBlank(byte b, int position) =>
            b is (byte)' ' or (byte)'\t' or (byte)'\r' or 0 || (position < 3 && b is 0xEF or 0xBB or 0xBF);
    }

    /// <summary>The bytes already read, then the rest of the stream.</summary>
    private sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : Stream
    {
        private ReadOnlyMemory<byte> _prefix = prefix;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_prefix.IsEmpty)
            {
                return rest.Read(buffer);
            }

            var n = Math.Min(buffer.Length, _prefix.Length);
            _prefix.Span[..n].CopyTo(buffer);
            _prefix = _prefix[n..];
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
