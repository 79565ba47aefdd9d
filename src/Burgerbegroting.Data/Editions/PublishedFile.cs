namespace Burgerbegroting.Data.Editions;

/// <summary>
/// A public file computed from a published round (its ballot list, round 4's pabulib files and results), stored once so
/// that a download reads bytes instead of every ballot. Its ballots no longer change once the round is published; the
/// few things it shows that staff can still change (the edition's name, which ideas are on the ballot) are in
/// <see cref="Source"/>, so a change makes a new file rather than leaving an old one.
/// </summary>
public class PublishedFile
{
    public long Id { get; set; }
    public int RoundId { get; set; }

    /// <summary>Which file of the round: "stembiljetten.csv", "results.csv", "ballots.pb?thema=12".</summary>
    public string Name { get; set; } = "";

    /// <summary>A fingerprint of what the file was built from besides the ballots; a file is served only under the current one.</summary>
    public string Source { get; set; } = "";

    public string ContentType { get; set; } = "";

    /// <summary>The name a download is saved under (Content-Disposition).</summary>
    public string FileName { get; set; } = "";

    public byte[] Content { get; set; } = [];

    /// <summary>Hex SHA-256 of <see cref="Content"/>: the strong ETag.</summary>
    public string Hash { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
