using System.Security.Claims;
using Burgerbegroting.Data.Accounts;

namespace Burgerbegroting.Web.Accounts;

public static class StaffPrincipal
{
    /// <summary>Gemeente staff: medewerkers and beheerders.</summary>
    public static bool IsStaff(this ClaimsPrincipal user) => user.IsInRole(Roles.Staff) || user.IsInRole(Roles.Admin);
}
