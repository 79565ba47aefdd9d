using System.Net;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Tests.Storage;

/// <summary>The app itself on PostgreSQL: migrate at startup, accounts, outbox, audit log, health.</summary>
public sealed class PostgresAppTests : IAsyncLifetime
{
    private SmtpSink _smtp = null!;
    private AppFactory _app = null!;

    public async ValueTask InitializeAsync()
    {
        _smtp = await SmtpSink.StartNewAsync();
        _app = new AppFactory(TestDatabase.Postgres, smtpPort: _smtp.Port);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task Staff_invite_a_colleague_and_it_is_mailed_and_logged_on_postgres()
    {
        await _app.CreateAsync("beheerder@example.nl", Roles.Admin);
        var admin = await _app.SignInAsync("beheerder@example.nl");
        var invite = await admin.SubmitAsync("/beheer/medewerkers", new Dictionary<string, string>
        {
            ["Input.Email"] = "collega@maastricht.example",
            ["Input.Name"] = "Collega",
            ["Input.Role"] = Roles.Staff,
        }, "form[action*='handler=Invite']");
        invite.AssertRedirect("/beheer/medewerkers");
        await _smtp.WaitForMailAsync("collega@maastricht.example");

        Assert.Equal("staff.invited", await _app.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).SingleAsync()));
        var health = await admin.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("Npgsql", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
