using System.Net;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Accounts;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Burgerbegroting.Web.Tests.Privacy;

/// <summary>
/// A staff member deletes their own account (docs/privacy.md): it is revoked, not removed, and the audit log keeps every
/// entry with a pseudonym in place of their name and address.
/// </summary>
public sealed class StaffErasureTests : IAsyncLifetime
{
    private const string StaffEmail = "medewerker@example.nl";
    private readonly AppFactory _app = new AppFactory().With("Email:RunSender", "false");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_deleted_staff_account_is_revoked_and_its_audit_entries_stay_under_a_pseudonym()
    {
        await _app.CreateAsync("beheerder@example.nl", Roles.Admin);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            Assert.Equal(InviteResult.Invited, await scope.ServiceProvider.GetRequiredService<StaffAccounts>().InviteAsync(StaffEmail, "Mieke Medewerker", Roles.Staff, "nl-NL"));
        }

        var staffId = await _app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == StaffEmail);
            user.PasswordHash = new Microsoft.AspNetCore.Identity.PasswordHasher<AppUser>().HashPassword(user, TestAccounts.Password);
            user.EmailConfirmed = true;
            await db.SaveChangesAsync();
            return user.Id;
        });
        var staff = await _app.SignInAsync(StaffEmail);
        (await staff.SubmitAsync("/beheer/edities", new Dictionary<string, string>
        {
            ["Input.Name"] = "Burgerbegroting Maastricht 2027", ["Input.TotalBudget"] = "1000000", ["Input.MinimumAge"] = "16",
            ["Input.MaxThemesPerBallot"] = "2", ["Input.ThemesToSelect"] = "2", ["Input.OutcomeRule"] = "Greedy",
        })).AssertRedirect("/beheer/edities/");
        var before = await _app.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync());
        Assert.Contains(before, a => a.ActorId == staffId && a.ActorName == StaffEmail);
        Assert.Contains(before, a => a.Details.Contains(StaffEmail, StringComparison.Ordinal));

        var page = await staff.GetDocumentAsync("/account/verwijderen");
        Assert.Contains("schuilnaam", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        (await staff.SubmitAsync(page, new Dictionary<string, string> { ["Input.Password"] = TestAccounts.Password, ["Input.Understood"] = "true" }, "main form", "/account/verwijderen"))
            .AssertRedirect("/");

        var account = await _app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == staffId));
        Assert.NotNull(account.RevokedAt);
        Assert.True(account.Erased);
        Assert.StartsWith("medewerker-", account.DisplayName, StringComparison.Ordinal);
        Assert.Empty(await _app.WithDbAsync(db => db.UserRoles.Where(r => r.UserId == staffId).ToListAsync()));
        (await staff.GetAsync("/beheer")).AssertRedirect("/account/inloggen");

        // Every entry is still there, in order; none names the person any more; their actions share one pseudonym.
        var after = await _app.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(before.Select(a => (a.Id, a.Action, a.At)), after.Take(before.Count).Select(a => (a.Id, a.Action, a.At)));
        Assert.DoesNotContain(after, a => a.ActorName.Contains(StaffEmail, StringComparison.Ordinal) || a.Details.Contains(StaffEmail, StringComparison.Ordinal)
            || a.Details.Contains("Mieke", StringComparison.Ordinal));
        Assert.All(after.Where(a => a.ActorId == staffId), a => Assert.Equal(account.DisplayName, a.ActorName));
        Assert.Contains(after, a => a.Action == "staff.erased" && a.SubjectId == staffId);

        // The beheerder's staff list shows the revoked account under its pseudonym.
        var admin = await _app.SignInAsync("beheerder@example.nl");
        var list = await admin.GetStringAsync("/beheer/medewerkers");
        Assert.Contains(account.DisplayName, list, StringComparison.Ordinal);
        Assert.DoesNotContain(StaffEmail, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_beheerder_cannot_delete_their_account()
    {
        await _app.CreateAsync("beheerder@example.nl", Roles.Admin);
        var admin = await _app.SignInAsync("beheerder@example.nl");
        var refused = await admin.SubmitAsync("/account/verwijderen", new Dictionary<string, string> { ["Input.Password"] = TestAccounts.Password, ["Input.Understood"] = "true" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("enige beheerder", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        (await admin.GetAsync("/beheer/medewerkers")).EnsureSuccessStatusCode();
    }
}
