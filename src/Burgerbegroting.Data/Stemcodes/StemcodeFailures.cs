namespace Burgerbegroting.Data.Stemcodes;

/// <summary>
/// Wrong codes typed in one hour, over all instances of the app: the total limit on guessing reads it, and staff see
/// it (docs/stemcodes.md, "Guessing").
/// </summary>
public class StemcodeFailures
{
    /// <summary>The start of the hour (UTC).</summary>
    public DateTime Hour { get; set; }

    public int Count { get; set; }
}
