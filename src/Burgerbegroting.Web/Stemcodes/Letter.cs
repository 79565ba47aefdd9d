using Burgerbegroting.Voting;

namespace Burgerbegroting.Web.Stemcodes;

/// <summary>
/// One printed stemcode. A letter to a resident has an addressee (<paramref name="Name"/>, <paramref name="Postcode"/>,
/// <paramref name="HouseNumber"/>); an anonymous code for a library desk or an event has none.
/// </summary>
/// <param name="Code">The canonical twelve characters (see <see cref="Voting.Stemcodes.Stemcode.Normalize"/>).</param>
/// <param name="Buurt">The buurt the code votes for.</param>
/// <param name="Name">The addressee, or null.</param>
/// <param name="Postcode">"6211AB" (normalised, see <see cref="Voting.Eligibility.DutchPostcode"/>), or null.</param>
/// <param name="HouseNumber">"12 A", or null.</param>
public sealed record Letter(string Code, string Buurt, string? Name, string? Postcode, string? HouseNumber)
{
    public bool IsAddressed => Name is not null || Postcode is not null || HouseNumber is not null;
}

/// <summary>A voting round the code works in, with its planned dates when they are known.</summary>
public sealed record LetterRound(RoundKind Kind, DateOnly? Opens, DateOnly? Closes);

/// <summary>What every letter of one print run shares.</summary>
/// <param name="Municipality">"Gemeente Maastricht", the sender.</param>
/// <param name="EditionName">"Burgerbegroting Maastricht 2027".</param>
/// <param name="Rounds">The voting rounds the code works in (1, 2 and 4), in order.</param>
/// <param name="CodePage">The absolute address of the page where a code is typed (/stemmen/code).</param>
public sealed record LetterSet(string Municipality, string EditionName, IReadOnlyList<LetterRound> Rounds, Uri CodePage);
