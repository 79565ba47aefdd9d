using Burgerbegroting.Data.Editions;

namespace Burgerbegroting.Web.Pages.Results;

/// <summary>What the partials under a round's results need: the round, and its edition for the addresses.</summary>
public sealed record ResultsPart(Edition Edition, Round Round);
