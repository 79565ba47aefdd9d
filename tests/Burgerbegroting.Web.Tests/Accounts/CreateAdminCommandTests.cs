using System.Net;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Tests.Accounts;

/// <summary>`dotnet run --project src/Burgerbegroting.Web -- create-admin EMAIL`, run as the real program.</summary>
public sealed class CreateAdminCommandTests
{
    [Fact]
    public async Task Create_admin_mails_a_set_password_link_that_makes_a_working_beheerder()
    {
        var folder = TestEnvironment.NewTempDirectory("create-admin");
        var (exit, output) = await AppProcess.RunAsync(folder, "create-admin", "eerste@maastricht.example");
        Assert.True(exit == 0, output);
        Assert.Contains("eerste@maastricht.example", output, StringComparison.Ordinal);

        var mail = ReceivedMail.Parse(await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(Path.Combine(folder, "mail"), "*.eml"))));
        var link = new Uri(Assert.Single(mail.Links()));
        Assert.Equal("burgerbegroting.example", link.Host);

        await using var app = new AppFactory(sqliteFile: Path.Combine(folder, "app.db"));
        var set = await app.CreateBrowserlessClient().SubmitAsync(link.PathAndQuery, new Dictionary<string, string>
        {
            ["Input.Password"] = "stadhuis-markt-maastricht",
            ["Input.ConfirmPassword"] = "stadhuis-markt-maastricht",
        });
        set.AssertRedirect("/account/inloggen");
        var admin = await app.SignInAsync("eerste@maastricht.example", "stadhuis-markt-maastricht");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/beheer/medewerkers")).StatusCode);
        Assert.Equal("admin.created", await app.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).SingleAsync()));
    }

    [Fact]
    public async Task Create_admin_without_an_address_explains_itself_and_exits_2()
    {
        var (exit, output) = await AppProcess.RunAsync(TestEnvironment.NewTempDirectory("create-admin"), "create-admin");
        Assert.Equal(2, exit);
        Assert.Contains("Usage: create-admin EMAIL", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_command_brings_an_empty_database_up_to_date()
    {
        var folder = TestEnvironment.NewTempDirectory("migrate");
        var (exit, output) = await AppProcess.RunAsync(folder, "migrate");
        Assert.True(exit == 0, output);
        Assert.True(File.Exists(Path.Combine(folder, "app.db")));
    }
}
