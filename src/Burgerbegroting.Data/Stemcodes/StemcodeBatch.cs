namespace Burgerbegroting.Data.Stemcodes;

public enum StemcodeBatchKind
{
    /// <summary>One code per addressee of an imported register extract.</summary>
    Register = 0,

    /// <summary>A number of codes per buurt without an addressee (a library desk, an event).</summary>
    Anonymous = 1,

    /// <summary>A new code for the addressee of a revoked one (a lost letter).</summary>
    Replacement = 2,
}

/// <summary>
/// The codes made in one go, and the only way to print them: the letters are made from <see cref="ProtectedSeed"/>
/// until staff close the export, which destroys the seed. After that the codes exist only on paper.
/// </summary>
public class StemcodeBatch
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public StemcodeBatchKind Kind { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The staff member who made the batch (an e-mail address, as in the audit log).</summary>
    public string CreatedBy { get; set; } = "";

    public int Count { get; set; }

    /// <summary>The seed, encrypted with the app's data-protection keys; null once the export is closed.</summary>
    public byte[]? ProtectedSeed { get; set; }

    public DateTime? ExportClosedAt { get; set; }

    /// <summary>How often the letters or the print file were downloaded (each download is in the audit log too).</summary>
    public int Downloads { get; set; }

    public bool CanExport => ProtectedSeed is not null;
}
