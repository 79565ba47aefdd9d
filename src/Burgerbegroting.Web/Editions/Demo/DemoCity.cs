namespace Burgerbegroting.Web.Editions.Demo;

/// <summary>A candidate theme of the demo; <paramref name="Popularity"/> weighs how often demo residents choose it.</summary>
public sealed record DemoTheme(string Name, string ShortDescription, string Body, double Popularity);

/// <summary>The demo edition's setting: Maastricht's buurten, the introduction and the candidate themes.</summary>
public static class DemoCity
{
    public const long TotalBudget = 1_500_000;

    public const string Introduction = """
        Met de **Burgerbegroting Maastricht** beslissen inwoners zelf hoe **€ 1.500.000** wordt besteed aan de
        leefomgeving in hun buurt. Dat gaat in vier rondes:

        1. **Thema's kiezen**: welke onderwerpen vinden inwoners het belangrijkst?
        2. **Geld verdelen**: hoeveel van het budget gaat naar elk gekozen thema?
        3. **Ideeën indienen**: inwoners en buurtnetwerken dienen ideeën in; de gemeente toetst of ze haalbaar zijn.
        4. **Selectie**: inwoners kiezen per thema de ideeën die worden uitgevoerd.

        Iedereen van 16 jaar of ouder die in Maastricht woont, kan meedoen.

        *Dit is een demonstratie: de inwoners, stemmen en ideeën zijn verzonnen.*
        """;

    // Four-digit postcode areas as they roughly lie in Maastricht (6211-6229). Approximate: real buurt borders do not
    // follow postcode areas, so some buurten share an area (Binnenstad and Jekerkwartier, Wyck and Céramique).
    public static readonly (string Name, string Postcodes)[] Buurten =
    [
        ("Binnenstad", "6211"),
        ("Jekerkwartier", "6211"),
        ("Sint Pieter", "6212"),
        ("Daalhof", "6213"),
        ("Brusselsepoort", "6214"),
        ("Pottenberg", "6215"),
        ("Malberg", "6216"),
        ("Mariaberg", "6217"),
        ("Caberg", "6218-6219"),
        ("Wyck", "6221"),
        ("Céramique", "6221"),
        ("Wittevrouwenveld", "6222"),
        ("Nazareth", "6223"),
        ("Wyckerpoort", "6224-6225"),
        ("Heer", "6226-6227"),
        ("De Heeg", "6228"),
        ("Randwyck", "6229"),
    ];

    /// <summary>The first five are the likely winners of round 1: the demo's ideas are filed under them.</summary>
    public static readonly DemoTheme[] Themes =
    [
        new("Groen in de wijk", "Meer bomen, geveltuinen en groene pleinen, minder steen: koeler in de zomer en fijner om te wonen.", """
            Maastricht is een stenige stad: op warme dagen wordt het in veel straten en op pleinen heet. Onder dit thema
            vallen ideeën die de buurt **groener** maken, zoals:

            - bomen planten of een plein vergroenen;
            - geveltuinen en boomspiegels die buren zelf onderhouden;
            - een pocketpark of een buurtboomgaard.

            De gemeente onderhoudt wat in de openbare ruimte wordt geplant; reken die kosten mee in je idee.
            """, 10),
        new("Veilig op straat", "Veilige oversteekplaatsen en schoolroutes, goede verlichting en rustiger verkeer in de straat.", """
            Niet iedereen voelt zich veilig op straat, zeker 's avonds of met kinderen op de fiets. Denk bij dit thema aan:

            - een veilige oversteek bij een school of speelplek;
            - betere verlichting van een pad, park of tunnel;
            - maatregelen tegen te hard rijden, zoals drempels of een snelheidsdisplay.

            Politie en handhaving vallen er niet onder: daarover gaat de burgerbegroting niet.
            """, 9),
        new("Spelen en bewegen", "Speelplekken, sportveldjes en beweegtoestellen voor kinderen, jongeren en ouderen.", """
            Buiten spelen en bewegen houdt een buurt gezond en levendig. Voorbeelden:

            - een speeltuin opknappen of uitbreiden, ook voor kinderen met een beperking;
            - een pannakooi, basketbalveld of calisthenics-toestellen;
            - een jeu-de-boulesbaan of een beweegroute voor ouderen.
            """, 7.5),
        new("Ontmoeten in de buurt", "Plekken en activiteiten waar buren elkaar tegenkomen: bankjes, een buurtkamer, een buurtfeest.", """
            Wie zijn buren kent, voelt zich thuis en helpt elkaar eerder. Onder dit thema passen:

            - bankjes en picknicktafels op plekken waar mensen graag zitten;
            - een buurtkamer of huiskamer voor de wijk;
            - activiteiten die buren samenbrengen, van een burenmarkt tot een repair café.
            """, 7),
        new("Schoon en heel", "Minder zwerfafval en hondenpoep, geen graffiti en kapotte bankjes: een buurt die er verzorgd uitziet.", """
            Een schone en verzorgde straat nodigt uit om er zuinig op te zijn. Denk aan:

            - extra afvalbakken en hondenpoepbakken op drukke plekken;
            - opruimacties met materiaal van de gemeente;
            - graffiti verwijderen en kapot straatmeubilair vervangen.
            """, 6),
        new("Jongeren", "Een eigen plek en iets te doen voor jongeren van 12 tot 23 jaar in hun eigen wijk.", """
            Jongeren missen in veel wijken een plek die van hen is. Ideeën kunnen gaan over:

            - een overdekte ontmoetingsplek of jongerenruimte;
            - muziek, dans of sport in de buurt;
            - activiteiten die jongeren zelf organiseren.
            """, 3),
        new("Kunst, cultuur en erfgoed", "Kunst in de openbare ruimte en aandacht voor de geschiedenis van de buurt.", """
            Elke Maastrichtse buurt heeft zijn eigen verhaal. Onder dit thema vallen bijvoorbeeld:

            - een muurschildering of kunstwerk in de straat;
            - een wandelroute langs het erfgoed van de wijk;
            - optredens en kleine festivals in de buurt.
            """, 2.5),
        new("Klimaatbestendige buurt", "Minder hitte en wateroverlast: regenwater opvangen, tegels eruit, schaduw erbij.", """
            Hevige buien en hete zomers komen vaker voor. Ideeën onder dit thema helpen de buurt zich aan te passen:

            - regentonnen, wadi's en groene daken;
            - tegels eruit en planten erin, samen met bewoners;
            - schaduw op speelplekken en pleinen.
            """, 2.5),
    ];
}
