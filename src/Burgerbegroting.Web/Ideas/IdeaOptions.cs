namespace Burgerbegroting.Web.Ideas;

/// <summary>Configuration section "Ideas": the reasons staff choose from when an idea is not admitted.</summary>
public sealed class IdeaOptions
{
    public const string Section = "Ideas";

    /// <summary>Reason codes; each has its text in the resource files as "ReviewReason.{code}" (Dutch and English).</summary>
    public List<string> ReviewReasons { get; set; } = [];

    public static readonly string[] DefaultReasons = ["not-municipal", "not-feasible", "too-expensive", "not-public", "already-planned", "outside-area", "other"];

    public IReadOnlyList<string> Reasons => ReviewReasons.Count > 0 ? ReviewReasons : DefaultReasons;
}
