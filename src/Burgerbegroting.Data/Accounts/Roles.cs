namespace Burgerbegroting.Data.Accounts;

/// <summary>The roles of docs/product.md. Role names are the Dutch words staff know them by.</summary>
public static class Roles
{
    public const string Resident = "inwoner";
    public const string Network = "buurtnetwerk";
    public const string Staff = "medewerker";
    public const string Admin = "beheerder";

    public static readonly IReadOnlyList<string> All = [Resident, Network, Staff, Admin];

    /// <summary>For [Authorize(Roles = ...)]: staff pages are open to staff and administrators.</summary>
    public const string StaffOrAdmin = Staff + "," + Admin;
}
