namespace Burgerbegroting.Voting;

/// <summary>A pabulib file that cannot be read; the message names the line and what is wrong with it.</summary>
public sealed class PabulibFormatException : FormatException
{
    public PabulibFormatException()
    {
    }

    public PabulibFormatException(string message)
        : base(message)
    {
    }

    public PabulibFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PabulibFormatException(int lineNumber, string problem)
        : base($"line {lineNumber}: {problem}")
    {
        LineNumber = lineNumber;
        Problem = problem;
    }

    public int LineNumber { get; }

    public string Problem { get; } = "";
}
