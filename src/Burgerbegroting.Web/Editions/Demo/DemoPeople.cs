using System.Globalization;
using System.Text;
using Burgerbegroting.Data.Accounts;

namespace Burgerbegroting.Web.Editions.Demo;

/// <summary>A demo resident: invented, living in one of the demo's buurten.</summary>
public sealed record DemoResident(string Name, string Buurt, int BirthYear, string Culture = "nl-NL");

/// <summary>A demo buurtnetwerk: its organisation name, contact person, address and whether staff approved it.</summary>
public sealed record DemoNetwork(string Organisation, string Contact, string Email, string Postcode, bool Approved);

/// <summary>The people of the demo. Every account has the demo password and a confirmed address at demo.burgerbegroting.nl.</summary>
public static class DemoPeople
{
    public const string EmailDomain = "demo.burgerbegroting.nl";

    public static readonly DemoResident[] Residents =
    [
        new("Anouk Janssen", "Wyck", 1984),
        new("Bram Smeets", "Malberg", 1991),
        new("Chantal Houben", "Caberg", 1978),
        new("Dirk Vossen", "Mariaberg", 1962),
        new("Els Lemmens", "Heer", 1955),
        new("Frank Schreurs", "Nazareth", 1970),
        new("Germaine Ramakers", "Binnenstad", 1949),
        new("Hub Habets", "Wyckerpoort", 1958),
        new("Ilse Wouters", "Céramique", 1988),
        new("Jo Bemelmans", "Pottenberg", 1966),
        new("Karin Vaessen", "Wittevrouwenveld", 1975),
        new("Lei Dassen", "De Heeg", 1952),
        new("Marij Coenen", "Jekerkwartier", 1969),
        new("Noud Frissen", "Brusselsepoort", 1999),
        new("Pascale Lardinois", "Sint Pieter", 1981),
        new("Quinten Meijers", "Randwyck", 2001),
        new("Roger Kusters", "Caberg", 1960),
        new("Sjeng Ummels", "Malberg", 1947),
        new("Tiny Notermans", "Heer", 1951),
        new("Ine Crombach", "Mariaberg", 1973),
        new("Wiel Pluijmen", "Nazareth", 1964),
        new("Yvonne Debets", "Wyck", 1977),
        new("Maud Hermans", "Binnenstad", 1995),
        new("Lieke Souren", "Daalhof", 1990),
        new("Thijs Muijrers", "Wittevrouwenveld", 1986),
        new("Sem Nijsten", "Wyckerpoort", 2005),
        new("Femke Paulussen", "Pottenberg", 1983),
        new("Luuk Gielen", "De Heeg", 1979),
        new("Sanne van der Linden", "Céramique", 1992),
        new("Stijn Jongen", "Malberg", 1987),
        new("Lotte Stassen", "Jekerkwartier", 1998),
        new("Roel Bours", "Caberg", 1972),
        new("Nathalie Kerckhoffs", "Daalhof", 1968),
        new("Mieke Lenaerts", "Brusselsepoort", 1957),
        new("Jean Willems", "Sint Pieter", 1945),
        new("Marcel Peters", "Wyckerpoort", 1963),
        new("Petra Hendriks", "Heer", 1974),
        new("Youssef El Amrani", "Malberg", 1989),
        new("Elif Demir", "Nazareth", 1994),
        new("Laura Schmidt", "Randwyck", 2000, "en-GB"),
        new("Giulia Romano", "Binnenstad", 2002, "en-GB"),
        new("Mohamed Bakkali", "Mariaberg", 1985),
        new("Fenna de Groot", "Wyck", 1996),
        new("Jos Brouwers", "Wittevrouwenveld", 1954),
        new("Mia Ernes", "Caberg", 2004),
        new("Finn Jacobs", "Pottenberg", 2003),
        new("Marianne Wijnen", "De Heeg", 1961),
        new("Pierre Sneijers", "Jekerkwartier", 1950),
        new("Ruud Visser", "Céramique", 1976),
        new("Ellen Bakker", "Daalhof", 1980),
        new("Karel Snijders", "Heer", 1971),
        new("Hanneke Stevens", "Sint Pieter", 1959),
    ];

    /// <summary>Residents without an account who got a letter with a stemcode; the startup output prints their codes.</summary>
    public static readonly DemoResident[] WithoutAccount =
    [
        new("Mia Ramakers", "Binnenstad", 1948),
        new("Sjef Debije", "Wittevrouwenveld", 1962),
        new("Fatima El Amrani", "Malberg", 1995),
        new("Lars Vossen", "Heer", 2006),
        new("Ingrid Coenen", "Caberg", 1977),
    ];

    /// <summary>
    /// Two approved networks and one waiting for staff. The first is AccountSeeder's demo network, so signing in as it
    /// shows its own ideas.
    /// </summary>
    public static readonly DemoNetwork[] Networks =
    [
        new("Buurtnetwerk Malberg", "Noor Netwerk", $"buurtnetwerk@{EmailDomain}", "6214AA", Approved: true),
        new("Wyckerpoort Verbindt", "Wim Lardinois", $"wyckerpoort.verbindt@{EmailDomain}", "6224BK", Approved: true),
        new("Bewonersvereniging Jekerkwartier", "Henriëtte Mertens", $"bewoners.jekerkwartier@{EmailDomain}", "6211HE", Approved: false),
    ];

    /// <summary>For the console: AccountSeeder's accounts, then the demo's residents and networks, one role and address a line.</summary>
    public static IEnumerable<string> SignInLines(IEnumerable<(string Email, string Role)> seeded)
    {
        foreach (var (email, role) in seeded.Where(a => !Networks.Any(n => n.Email == a.Email)))
        {
            yield return $"  {role,-13} {email}";
        }

        yield return $"  {Roles.Resident,-13} {Email(Residents[0])} (and the other {Residents.Length - 1} demo residents, first.last@{EmailDomain})";
        foreach (var network in Networks)
        {
            yield return $"  {Roles.Network,-13} {network.Email} ({network.Organisation}{(network.Approved ? "" : ", waiting for staff's approval")})";
        }
    }

    /// <summary>"Sanne van der Linden" → sanne.vanderlinden@demo.burgerbegroting.nl (accents dropped).</summary>
    public static string Email(DemoResident resident)
    {
        var space = resident.Name.IndexOf(' ', StringComparison.Ordinal);
        var local = resident.Name[..space] + "." + resident.Name[(space + 1)..].Replace(" ", "", StringComparison.Ordinal);
        var plain = local.Normalize(NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            .ToArray();
        return new string(plain).ToLowerInvariant() + "@" + EmailDomain;
    }
}
