namespace Burgerbegroting.Web.Stemcodes;

/// <summary>Settings under "Stemcodes" (docs/stemcodes.md).</summary>
public sealed class StemcodeOptions
{
    /// <summary>A code session ends after this many minutes without a request (a shared library PC).</summary>
    public int IdleMinutes { get; set; } = 5;

    /// <summary>Wrong codes one address (an IPv4 address, an IPv6 /64) may type per 15 minutes.</summary>
    public int FailuresPerAddress { get; set; } = 20;

    /// <summary>Wrong codes the whole site accepts per hour; beyond it, typing codes waits for the next hour.</summary>
    public int FailuresPerHour { get; set; } = 5000;

    /// <summary>The sender named at the top of every letter.</summary>
    public string Municipality { get; set; } = "Gemeente Maastricht";
}
