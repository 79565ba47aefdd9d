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

    public int Position { get; set; }

    /// <summary>Set when round 1 is published: the theme went through.</summary>
    public bool Chosen { get; set; }

    /// <summary>Set when round 2 is published: the theme's budget in whole euros.</summary>
    public long? Budget { get; set; }
}
