namespace Burgerbegroting.Web.Editions.Demo;

/// <summary>Where an idea's feasibility review stands at stage 3; from stage 4 on every idea not refused is admitted.</summary>
public enum DemoReview
{
    /// <summary>Submitted, the review has not started.</summary>
    Waiting,

    /// <summary>Staff started the review.</summary>
    InReview,

    /// <summary>Admitted early in round 3.</summary>
    Admitted,

    /// <summary>Not admitted, with a reason code of IdeaOptions.DefaultReasons and an explanation.</summary>
    Refused,
}

/// <summary>
/// A demo idea of round 3. <paramref name="By"/> is a resident's name or a network's organisation name;
/// <paramref name="Appeal"/> weighs how often round-4 voters tick it; <paramref name="FinalCost"/> is staff's cost
/// when it differs from the estimate.
/// </summary>
public sealed record DemoIdea(
    string Title, string Theme, string Buurt, string By, long Cost, DemoReview Review, int Appeal,
    string Summary, string Description, long? FinalCost = null, string? Reason = null, string? Note = null);

/// <summary>The ideas of the demo, in the order they were submitted.</summary>
public static class DemoIdeas
{
    public static readonly DemoIdea[] All =
    [
        new("Pocketpark op het Mgr. Nolensplein", "Groen in de wijk", "Malberg", "Buurtnetwerk Malberg", 185_000, DemoReview.Admitted, 9,
            "Van een kaal, stenig plein een klein park maken, met bomen, bloemen, bankjes en een wadi voor regenwater.", """
            Het Mgr. Nolensplein is nu vooral steen en geparkeerde auto's. In drie buurtavonden hebben bewoners van
            Malberg een plan gemaakt om er een **pocketpark** van te maken:

            - zes nieuwe bomen en een bloemenweide;
            - bankjes in de schaduw, ook geschikt voor mensen met een rollator;
            - een wadi die het regenwater van het plein opvangt.

            Het buurtnetwerk organiseert twee keer per jaar een onderhoudsdag met de bewoners.
            """, FinalCost: 192_000, Note: "Inclusief de aanleg van de wadi en vijf jaar onderhoud van het groen."),
        new("Veilige oversteek bij de basisschool in Nazareth", "Veilig op straat", "Nazareth", "Frank Schreurs", 85_000, DemoReview.Admitted, 8,
            "Een verhoogd zebrapad met goede verlichting, zodat kinderen veilig naar school kunnen lopen en fietsen.", """
            Elke ochtend steken tientallen kinderen de drukke straat voor de school over, tussen de auto's van ouders
            die hen brengen. Ik stel voor:

            1. een **verhoogd zebrapad** dat automobilisten dwingt af te remmen;
            2. extra verlichting boven de oversteek;
            3. een *kiss & ride*-strook een stukje verderop.
            """, FinalCost: 92_000, Note: "Inclusief de verlichting boven de oversteek; de kiss & ride-strook past binnen het budget."),
        new("Buurtboomgaard in het park van Caberg", "Groen in de wijk", "Caberg", "Chantal Houben", 62_000, DemoReview.Admitted, 6,
            "Een kleine boomgaard met oude Limburgse fruitrassen, waar buren samen snoeien en oogsten.", """
            Op het grasveld aan de rand van het park is plek voor zo'n **twintig hoogstamfruitbomen**: appel, peer en
            kers van oude Limburgse rassen. Een ervaren snoeier uit de buurt geeft een cursus, en in het najaar
            houden we een oogstfeest voor de hele buurt.
            """, FinalCost: 58_500, Note: "De bomen worden in het plantseizoen (november-maart) geplant."),
        new("Calisthenics-park bij de Geusseltvijver", "Spelen en bewegen", "Wyckerpoort", "Sem Nijsten", 75_000, DemoReview.Admitted, 7,
            "Stevige toestellen om buiten met je eigen lichaamsgewicht te trainen, gratis voor iedereen.", """
            Rond de Geusseltvijver wordt veel gelopen en gesport, maar er is niets om op te trainen. Een
            **calisthenics-park** met rekstokken, brug en klimrek is voor jongeren én ouderen geschikt. Met
            vrienden uit de Wyckerpoort wil ik gratis lessen geven op zaterdagochtend.
            """, FinalCost: 78_000),
        new("Jeu-de-boulesbaan in De Heeg", "Spelen en bewegen", "De Heeg", "Lei Dassen", 16_000, DemoReview.Admitted, 4,
            "Een jeu-de-boulesbaan met twee bankjes bij het winkelcentrum, om samen buiten te zijn.", """
            Veel ouderen in De Heeg komen weinig buiten. Een **jeu-de-boulesbaan** bij het winkelcentrum is een
            laagdrempelige manier om elkaar te ontmoeten. De seniorenvereniging zorgt voor ballen en een vaste
            speelmiddag.
            """),
        new("Picknicktafels en een watertappunt in het Stadspark", "Ontmoeten in de buurt", "Binnenstad", "Maud Hermans", 22_000, DemoReview.Admitted, 6,
            "Vier picknicktafels onder de bomen en een watertappunt, zodat het park een plek wordt om samen te eten.", """
            In de zomer zitten overal mensen op het gras in het Stadspark. Met **vier picknicktafels** (één
            rolstoeltoegankelijk) en een **watertappunt** wordt het park een plek waar buren, studenten en gezinnen
            samen lunchen.
            """),
        new("Extra afvalbakken en hondenpoepbakken langs de Maas", "Schoon en heel", "Céramique", "Ilse Wouters", 14_500, DemoReview.Admitted, 5,
            "Meer afvalbakken, ook voor hondenpoep, op de drukke wandelroute langs de Maas bij Céramique.", """
            Op mooie dagen puilen de afvalbakken langs de Maas uit en ligt er veel hondenpoep op het gras. Ik stel
            **acht extra afvalbakken** voor, waarvan vier met zakjesautomaat voor hondenpoep.
            """),
        new("Drempels en 30 km-borden in de Wyckerpoort", "Veilig op straat", "Wyckerpoort", "Wyckerpoort Verbindt", 110_000, DemoReview.InReview, 6,
            "Drempels, versmallingen en duidelijke borden, zodat er in de woonstraten niet meer hard wordt gereden.", """
            Bewoners klagen al jaren over sluipverkeer dat met hoge snelheid door de woonstraten rijdt. Op onze
            bewonersavond kwamen drie straten naar voren. Wij stellen voor:

            - **drempels** op zes plekken;
            - twee **versmallingen** met plantenbakken;
            - duidelijke 30 km-borden bij de ingangen van de wijk.
            """),
        new("Geveltuintjes in de Hoogbrugstraat", "Groen in de wijk", "Wyck", "Anouk Janssen", 18_500, DemoReview.InReview, 5,
            "Tegels eruit en geveltuintjes erin langs de hele straat; de bewoners zorgen zelf voor de planten.", """
            Vijfentwintig huishoudens in de Hoogbrugstraat willen een **geveltuin**. De gemeente haalt de tegels weg
            en levert aarde en planten; wij zorgen voor het onderhoud. Zo wordt de straat groener en koeler.
            """),
        new("Buurtkamer in Wittevrouwenveld", "Ontmoeten in de buurt", "Wittevrouwenveld", "Wyckerpoort Verbindt", 160_000, DemoReview.InReview, 7,
            "Een leegstaande winkelruimte inrichten als buurtkamer, met koffie, een taalcafé en een repair café.", """
            Wittevrouwenveld heeft geen plek waar buren zomaar binnen kunnen lopen. In een leegstaande winkel aan
            het plein willen wij een **buurtkamer** inrichten:

            - elke ochtend koffie en de krant;
            - een taalcafé voor nieuwe Maastrichtenaren;
            - één keer per maand een repair café.

            Het bedrag is voor de verbouwing, de inrichting en de huur van de eerste twee jaar; vrijwilligers van
            het netwerk houden de buurtkamer open.
            """),
        new("Hek om de binnentuin van onze flat", "Veilig op straat", "Mariaberg", "Dirk Vossen", 35_000, DemoReview.Refused, 0,
            "Een hek met slot om de binnentuin van onze flat, zodat er 's avonds geen onbekenden meer komen.", """
            In de binnentuin achter onze flat komen 's avonds vaak mensen die er niet wonen. Met een **hek met slot**
            voelen de bewoners zich veiliger.
            """, Reason: "not-public",
            Note: "De binnentuin is van de woningcorporatie en niet openbaar; de burgerbegroting is voor de openbare ruimte. "
                + "We hebben uw idee doorgestuurd naar de corporatie."),
        new("Overkapping voor de Markt", "Ontmoeten in de buurt", "Binnenstad", "Germaine Ramakers", 95_000, DemoReview.Refused, 0,
            "Een overkapping over een deel van de Markt, zodat markten en feesten ook bij regen kunnen doorgaan.", """
            Bij regen is de Markt leeg. Een **overkapping** over een deel van het plein maakt de weekmarkt en
            buurtfeesten het hele jaar mogelijk.
            """, Reason: "too-expensive",
            Note: "Een vaste overkapping van de Markt kost volgens onze raming ruim € 900.000, veel meer dan het budget van het thema. "
                + "Voor buurtactiviteiten kunt u bij de gemeente tenten lenen."),
        new("Groen schoolplein voor de basisschool in Wittevrouwenveld", "Groen in de wijk", "Wittevrouwenveld", "Karin Vaessen", 150_000, DemoReview.Waiting, 8,
            "Het schoolplein vergroenen met bomen, een moestuin en een waterspeelplek; na schooltijd open voor de buurt.", """
            Het schoolplein is nu één grote vlakte tegels. Samen met de ouderraad stellen we voor:

            - **bomen** voor schaduw op warme dagen;
            - een **moestuin** waar de klassen groenten kweken;
            - een **waterspeelplek** die regenwater gebruikt.

            Na schooltijd en in de weekenden blijft het plein open als speelplek voor de hele buurt.
            """),
        new("Betere verlichting in het Frontenpark", "Veilig op straat", "Sint Pieter", "Pascale Lardinois", 140_000, DemoReview.Waiting, 7,
            "Zuinige ledverlichting langs de paden van het Frontenpark, die vleermuizen niet stoort.", """
            Wie 's avonds door het Frontenpark fietst of loopt, ziet bijna niets. Ledverlichting met
            **bewegingssensoren** langs de hoofdpaden maakt het park veiliger, en met amberkleurig licht blijven de
            vleermuizen in de vestingwerken ongestoord.
            """),
        new("Speeltuin op de Mariaberg opknappen", "Spelen en bewegen", "Mariaberg", "Ine Crombach", 95_000, DemoReview.Waiting, 8,
            "De verouderde speeltuin vernieuwen, met toestellen waar ook kinderen in een rolstoel op kunnen spelen.", """
            De speeltuin op de Mariaberg is meer dan twintig jaar oud; twee toestellen zijn al weggehaald. Wij willen
            een **nieuwe, inclusieve speeltuin**: een rolstoelschommel, een draaimolen op grondniveau en een
            zandtafel op hoogte.
            """),
        new("Pannakooi in Malberg", "Spelen en bewegen", "Malberg", "Buurtnetwerk Malberg", 48_000, DemoReview.Waiting, 6,
            "Een pannakooi bij het jongerencentrum, waar kinderen en jongeren veilig kunnen voetballen.", """
            De jongeren van Malberg voetballen nu op de parkeerplaats. Een **pannakooi** naast het jongerencentrum
            geeft ze een eigen plek; het jongerenwerk organiseert er een wekelijks toernooi.
            """),
        new("Spoortunnel Wittevrouwenveld schoon en licht", "Schoon en heel", "Wittevrouwenveld", "Thijs Muijrers", 45_000, DemoReview.Waiting, 6,
            "Graffiti weg, een anti-graffitilaag, betere verlichting en een muurschildering van kinderen uit de buurt.", """
            De tunnel onder het spoor is voor veel bewoners de kortste weg naar het station, maar hij is donker en
            zit vol graffiti. Ik stel voor:

            - de graffiti verwijderen en een **anti-graffitilaag** aanbrengen;
            - heldere ledverlichting over de hele lengte;
            - een **muurschildering** die kinderen van de basisschool samen met een kunstenaar ontwerpen.
            """),
        new("Buurtschoonmaakdag met grijpers en afvalzakken", "Schoon en heel", "Wyckerpoort", "Wyckerpoort Verbindt", 6_000, DemoReview.Waiting, 4,
            "Vier keer per jaar een opruimdag met materiaal, koffie en soep voor iedereen die meehelpt.", """
            Samen opruimen werkt: je leert je buren kennen en de straat blijft langer schoon. Wij organiseren **vier
            opruimdagen per jaar**; het budget is voor grijpers, handschoenen, afvalzakken, hesjes en soep.
            """),
    ];
}
