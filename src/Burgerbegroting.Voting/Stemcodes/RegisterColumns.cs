namespace Burgerbegroting.Voting.Stemcodes;

/// <summary>
/// Where the fields of an addressee are in a register extract, found by the header's names in Dutch or English.
/// Names match without case, spaces, underscores and dashes ("Huisnummer toevoeging", "house_number").
/// </summary>
internal sealed record RegisterColumns(int Postcode, int HouseNumber, IReadOnlyList<int> Additions, int Name, int BirthYear)
{
    private static readonly string[] PostcodeNames = ["postcode", "pc", "zip", "postalcode"];
    private static readonly string[] HouseNumberNames = ["huisnummer", "nummer", "housenumber", "number"];
    private static readonly string[] AdditionNames = ["toevoeging", "huisnummertoevoeging", "huisletter", "addition", "suffix"];
    private static readonly string[] NameNames = ["naam", "name", "tenaamstelling", "aanhef"];
    private static readonly string[] BirthYearNames = ["geboortejaar", "birthyear", "jaar"];

    /// <summary>The columns, or null when the postcode or the house number column is missing.</summary>
    public static RegisterColumns? Find(IReadOnlyList<string> header)
    {
        var keys = header.Select(Key).ToList();
        var postcode = First(keys, PostcodeNames);
        var houseNumber = First(keys, HouseNumberNames);
        if (postcode < 0 || houseNumber < 0)
        {
            return null;
        }

        // A municipal extract may have both a huisletter and a huisnummertoevoeging column; both belong to the address.
        var additions = keys.Select((k, i) => (k, i)).Where(x => AdditionNames.Contains(x.k)).Select(x => x.i).ToList();
        return new RegisterColumns(postcode, houseNumber, additions, First(keys, NameNames), First(keys, BirthYearNames));
    }

    /// <summary>The highest column a row needs to reach to have an address.</summary>
    public int AddressFields => Math.Max(Postcode, HouseNumber) + 1;

    private static string Key(string name) =>
        string.Concat(name.Where(c => !char.IsWhiteSpace(c) && c is not ('_' or '-') && c != '\uFEFF')).ToLowerInvariant();

    /// <summary>The column of the first name in <paramref name="names"/> that the header has (earlier names are preferred).</summary>
    private static int First(List<string> keys, string[] names)
    {
        foreach (var name in names)
        {
            var index = keys.IndexOf(name);
            if (index >= 0)
            {
                return index;
            }
        }

        return -1;
    }
}
