using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Accounts;
using Burgerbegroting.Web.Editions.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Editions;

/// <summary>The demo's residents and buurtnetwerken.</summary>
public sealed partial class DemoEdition
{
    private List<AppUser> _residents = [];

    /// <summary>Submitters of the demo's ideas by the name they are shown with.</summary>
    private Dictionary<string, AppUser> _submitters = [];

    /// <summary>
    /// Accounts inserted directly with one shared hash of the demo password (hashing fifty times would take seconds).
    /// Accounts that exist already, such as AccountSeeder's demo network, are reused.
    /// </summary>
    private async Task CreatePeopleAsync()
    {
        var hash = users.PasswordHasher.HashPassword(new AppUser(), AccountSeeder.DemoPassword);
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);
        var emails = DemoPeople.Residents.Select(DemoPeople.Email).Concat(DemoPeople.Networks.Select(n => n.Email)).Select(users.NormalizeEmail).ToList();
        var existing = await db.Users.Where(u => emails.Contains(u.NormalizedEmail!)).ToDictionaryAsync(u => u.NormalizedEmail!);

        AppUser Account(string email, string? role, Action<AppUser> describe)
        {
            if (existing.TryGetValue(users.NormalizeEmail(email), out var found))
            {
                return found;
            }

            var user = new AppUser
            {
                UserName = email,
                NormalizedUserName = users.NormalizeName(email),
                Email = email,
                NormalizedEmail = users.NormalizeEmail(email),
                EmailConfirmed = true,
                PasswordHash = hash,
                LockoutEnabled = true,
                CreatedAt = _now,
            };
            describe(user);
            db.Users.Add(user);
            if (role is not null)
            {
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[role] });
            }

            return user;
        }

        _residents = [.. DemoPeople.Residents.Select((r, i) =>
        {
            var postcode = PostcodeIn(DemoCity.Buurten.Single(b => b.Name == r.Buurt).Postcodes);
            return Account(DemoPeople.Email(r), Roles.Resident, u =>
            {
                (u.Kind, u.DisplayName, u.Postcode, u.BirthYear, u.PreferredCulture) = (AccountKind.Resident, r.Name, postcode, r.BirthYear, r.Culture);
                // A few opted in to round mails: publishing shows them without filling the mail folder.
                u.WantsUpdates = i % 10 == 3;
            });
        })];
        // A network gets its role when staff approve it (NetworkAccounts); the pending one waits at /beheer/buurtnetwerken.
        var networks = DemoPeople.Networks.Select(n => Account(n.Email, n.Approved ? Roles.Network : null, u =>
        {
            (u.Kind, u.DisplayName, u.OrganisationName, u.Postcode) = (AccountKind.Network, n.Contact, n.Organisation, n.Postcode);
            u.ApprovedAt = n.Approved ? _now : null;
        })).ToList();
        await db.SaveChangesAsync();
        _submitters = _residents.Concat(networks).ToDictionary(u => u.PublicName, StringComparer.Ordinal);
        db.ChangeTracker.Clear();
    }

    /// <summary>A postcode in the buurt's first four-digit area, with letters PostNL could have issued.</summary>
    private string PostcodeIn(string area)
    {
        // PostNL leaves out F, I, O, Q, U and Y, and never issues SA, SD or SS.
        const string letters = "ABCDEGHJKLMNPRSTVWXZ";
        string pair;
        do
        {
            pair = $"{letters[_random.Next(letters.Length)]}{letters[_random.Next(letters.Length)]}";
        }
        while (pair is "SA" or "SD" or "SS");
        return area[..4] + pair;
    }
}
