namespace Burgerbegroting.Data.Editions;

/// <summary>A neighbourhood of an edition's area, with the postcodes that belong to it ("6211 DW, 6212, 6213-6219").</summary>
public class Buurt
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public string Name { get; set; } = "";

    /// <summary>As staff entered it; parsed by Burgerbegroting.Voting.Eligibility.PostcodeArea.</summary>
    public string Postcodes { get; set; } = "";
}
