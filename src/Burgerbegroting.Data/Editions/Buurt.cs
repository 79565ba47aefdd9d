namespace Burgerbegroting.Data.Editions;

/// <summary>A neighbourhood of an edition's area, with the postcodes that belong to it ("6211 DW, 6212, 6213-6219").</summary>
public class Buurt
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public string Name { get; set; } = "";

    /// <summary>As staff entered it; parsed by Burgerbegroting.Voting.Eligibility.PostcodeArea.</summary>
    public string Postcodes { get; set; } = "";

    /// <summary>
    /// Residents of the buurt who may vote, as staff took it from the register; for the turnout figures only (in a
    /// stemcodes edition the codes issued count when this is empty).
    /// </summary>
    public int? EligibleResidents { get; set; }
}
