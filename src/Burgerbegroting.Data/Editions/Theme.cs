namespace Burgerbegroting.Data.Editions;

/// <summary>A candidate theme of round 1; the chosen ones get a budget in round 2.</summary>
public class Theme
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public string Name { get; set; } = "";
    public string ShortDescription { get; set; } = "";

    /// <summary>Markdown, rendered safely.</summary>
    public string Body { get; set; } = "";

    /// <summary>The texts in English; an empty one shows the Dutch text on the English site.</summary>
    public string NameEn { get; set; } = "";
    public string ShortDescriptionEn { get; set; } = "";
    public string BodyEn { get; set; } = "";

    /// <summary>The name in the reader's language (<see cref="Bilingual"/>).</summary>
    public string DisplayName => Bilingual.Pick(Name, NameEn);

    public string DisplayShortDescription => Bilingual.Pick(ShortDescription, ShortDescriptionEn);

    public string DisplayBody => Bilingual.Pick(Body, BodyEn);

    public int Position { get; set; }

    /// <summary>Set when round 1 is published: the theme went through.</summary>
    public bool Chosen { get; set; }

    /// <summary>Set when round 2 is published: the theme's budget in whole euros.</summary>
    public long? Budget { get; set; }
}
