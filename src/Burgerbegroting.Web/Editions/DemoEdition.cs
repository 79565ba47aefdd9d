using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Editions;

/// <summary>
/// In Development, an edition to look at: real Maastricht buurten and postcodes, candidate themes, round 1 open.
/// (A fuller demo with residents, ballots and ideas is issue 6.)
/// </summary>
public sealed class DemoEdition(AppDbContext db, TimeProvider clock)
{
    private static readonly (string Name, string Postcodes)[] Buurten =
    [
        ("Binnenstad", "6211"),
        ("Wyck", "6221"),
        ("Wyckerpoort", "6222"),
        ("Nazareth", "6223"),
        ("Mariaberg", "6217"),
        ("Malberg", "6216"),
        ("Caberg", "6215"),
        ("Pottenberg", "6217-6218"),
        ("Heer", "6228-6229"),
    ];

    private static readonly (string Name, string Summary, string Body)[] Themes =
    [
        ("Groen en spelen", "Meer groen, speelplekken en schaduw in de buurt.", "Denk aan **geveltuinen**, bomen, speeltoestellen en plekken om in de schaduw te zitten."),
        ("Verkeersveiligheid", "Veilig lopen en fietsen, vooral voor kinderen.", "Oversteekplaatsen, verlichting, drempels en veilige routes naar school."),
        ("Ontmoeten", "Plekken en activiteiten waar buren elkaar treffen.", "Een buurtkamer, bankjes, een buurtfeest of een moestuin."),
        ("Jongeren", "Iets te doen voor jongeren in de eigen wijk.", "Sport, muziek, een hangplek die wél welkom is."),
        ("Schoon en heel", "Een schone, veilige en goed onderhouden buurt.", "Afvalbakken, opruimacties, verlichting en onderhoud."),
        ("Cultuur", "Kunst, muziek en erfgoed dicht bij huis.", "Muurschilderingen, een straatconcert of een wandelroute langs erfgoed."),
        ("Gezondheid en sport", "Bewegen en gezond leven voor alle leeftijden.", "Beweegtoestellen, een wandelclub of sportlessen in het park."),
    ];

    public async Task EnsureAsync()
    {
        if (await db.Editions.AnyAsync())
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var edition = Edition.CreateNew($"Burgerbegroting Maastricht {now.Year + 1}", 1_500_000, now);
        edition.Introduction = "Met de burgerbegroting beslissen inwoners zelf over **€ 1,5 miljoen** voor hun buurt. Doe mee in vier rondes.";
        edition.Buurten.AddRange(Buurten.Select(b => new Buurt { Name = b.Name, Postcodes = b.Postcodes }));
        edition.Themes.AddRange(Themes.Select((t, i) => new Theme { Name = t.Name, ShortDescription = t.Summary, Body = t.Body, Position = i + 1 }));
        var today = DateOnly.FromDateTime(now);
        foreach (var round in edition.Rounds)
        {
            round.PlannedOpen = today.AddDays((round.Number - 1) * 28);
            round.PlannedClose = today.AddDays((round.Number - 1) * 28 + 21);
        }

        var first = edition.Round(1);
        first.Status = RoundStatus.Open;
        first.OpenedAt = now;
        db.Editions.Add(edition);
        await db.SaveChangesAsync();
    }
}
