using Burgerbegroting.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Burgerbegroting.Web.Accounts;

/// <summary>The four roles always; in Development also demo accounts of every role, with a known password.</summary>
public sealed class AccountSeeder(UserManager<AppUser> users, RoleManager<IdentityRole> roles, TimeProvider clock, ILogger<AccountSeeder> logger)
{
    public const string DemoPassword = "demo-burgerbegroting";

    /// <summary>The demo resident account that has not voted yet, to try the ballots with.</summary>
    public const string DemoResident = "inwoner@demo.burgerbegroting.nl";

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    public async Task<IReadOnlyList<(string Email, string Role)>> EnsureDemoAccountsAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var demo = new (string Email, string Role, AppUser User)[]
        {
            ("beheerder@demo.burgerbegroting.nl", Roles.Admin, new AppUser { Kind = AccountKind.Staff, DisplayName = "Bea Beheerder" }),
            ("medewerker@demo.burgerbegroting.nl", Roles.Staff, new AppUser { Kind = AccountKind.Staff, DisplayName = "Mark Medewerker" }),
            (DemoResident, Roles.Resident, new AppUser { Kind = AccountKind.Resident, DisplayName = "Ingrid Inwoner", Postcode = "6216AB", BirthYear = 1985 }),
            ("buurtnetwerk@demo.burgerbegroting.nl", Roles.Network, new AppUser { Kind = AccountKind.Network, DisplayName = "Noor Netwerk", OrganisationName = "Buurtnetwerk Malberg", Postcode = "6214AA", ApprovedAt = now }),
        };
        foreach (var (email, role, user) in demo)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            user.UserName = user.Email = email;
            user.EmailConfirmed = true;
            user.CreatedAt = now;
            var result = await users.CreateAsync(user, DemoPassword);
            if (result.Succeeded)
            {
                await users.AddToRoleAsync(user, role);
            }
            else
            {
                logger.LogWarning("Demo account {Email} not created: {Errors}", email, string.Join("; ", result.Errors.Select(e => e.Description)));
            }
        }

        return demo.Select(d => (d.Email, d.Role)).ToList();
    }
}
