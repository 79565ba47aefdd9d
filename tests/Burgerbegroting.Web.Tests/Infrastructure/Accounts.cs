using Burgerbegroting.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Burgerbegroting.Web.Tests.Infrastructure;

/// <summary>Ready-made accounts for tests that are not about registering.</summary>
public static class TestAccounts
{
    public const string Password = "een-lang-wachtwoord";

    public static async Task<AppUser> CreateAsync(this AppFactory app, string email, string role, bool confirmed = true, Action<AppUser>? configure = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = confirmed,
            DisplayName = email.Split('@')[0],
            Kind = role switch { Roles.Staff or Roles.Admin => AccountKind.Staff, Roles.Network => AccountKind.Network, _ => AccountKind.Resident },
            Postcode = "6211AB",
            BirthYear = 1980,
            CreatedAt = DateTime.UtcNow,
        };
        configure?.Invoke(user);
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        if (role != Roles.Network || user.ApprovedAt is not null)
        {
            await users.AddToRoleAsync(user, role);
        }

        return user;
    }

    /// <summary>Signs in through the real sign-in form; returns the client holding the cookie.</summary>
    public static async Task<HttpClient> SignInAsync(this AppFactory app, string email, string password = Password)
    {
        var client = app.CreateBrowserlessClient();
        var response = await client.SubmitAsync("/account/inloggen", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        response.AssertRedirect("/");
        return client;
    }
}
