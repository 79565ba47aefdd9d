using System.Globalization;
using Burgerbegroting.Web.Editions;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Stemcodes;

/// <summary>The texts of a letter in one language, resolved once per print run (keys "Letter.*").</summary>
internal sealed record LetterText(
    string Title,
    string Intro,
    string HowTo,
    IReadOnlyList<string> Steps,
    IReadOnlyList<string> Notes,
    string RoundsHeading,
    IReadOnlyList<(string Name, string Dates)> Rounds,
    string CodeLabel,
    string GoTo,
    string OrScan,
    string BuurtFormat,
    string Resident,
    string AddressFormat)
{
    public static LetterText Resolve(IStringLocalizer l, LetterSet set, string culture)
    {
        var previousUi = CultureInfo.CurrentUICulture;
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
            var notes = new List<string> { l["Letter.Change"] };
            if (set.Rounds.Count > 0)
            {
                notes.Add(l["Letter.SameCode", List(set.Rounds.Select(r => ((int)r.Kind).ToString(CultureInfo.CurrentCulture)).ToList(), l["Letter.And"])]);
            }

            notes.Add(l["Letter.Keep"]);
            notes.Add(l["Letter.Lost", set.Municipality]);
            return new LetterText(
                Title: l["Letter.Title"],
                Intro: l["Letter.Intro", set.EditionName],
                HowTo: l["Letter.HowTo"],
                Steps: [l["Letter.Step1", LetterLinks.Printed(set.CodePage)], l["Letter.Step2"], l["Letter.Step3"]],
                Notes: notes,
                RoundsHeading: l["Letter.Rounds"],
                Rounds: [.. set.Rounds.Select(r => ((string)l["Letter.Round", (int)r.Kind, l[RoundPages.Of(r.Kind).NameKey]], Dates(l, r)))],
                CodeLabel: l["Letter.CodeLabel"],
                GoTo: l["Letter.GoTo"],
                OrScan: l["Letter.OrScan"],
                BuurtFormat: l["Letter.Buurt"],
                Resident: l["Letter.Resident"],
                AddressFormat: l["Letter.Address"]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previousUi;
            CultureInfo.CurrentCulture = previous;
        }
    }

    /// <summary>"2 maart 2027 tot en met 16 maart 2027"; a date not planned yet says so.</summary>
    private static string Dates(IStringLocalizer l, LetterRound round) => (round.Opens, round.Closes) switch
    {
        ({ } opens, { } closes) => l["Letter.Dates", Day(opens), Day(closes)],
        ({ } opens, null) => l["Letter.From", Day(opens)],
        (null, { } closes) => l["Letter.Until", Day(closes)],
        _ => l["Letter.DateToFollow"],
    };

    private static string Day(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>"1, 2 en 4".</summary>
    private static string List(List<string> items, string and) =>
        items.Count == 1 ? items[0] : $"{string.Join(", ", items[..^1])} {and} {items[^1]}";
}
