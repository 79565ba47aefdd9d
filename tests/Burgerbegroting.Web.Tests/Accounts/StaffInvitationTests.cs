using System.Net;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Tests.Accounts;

public sealed class StaffInvitationTests : IAsyncLifetime
{
    private SmtpSink _smtp = null!;
    private AppFactory _app = null!;

    public async ValueTask InitializeAsync()
    {
        _smtp = await SmtpSink.StartNewAsync();
        _app = new AppFactory(smtpPort: _smtp.Port);
        await _app.CreateAsync("beheerder@example.nl", Roles.Admin);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task An_invited_member_of_staff_sets_a_password_and_can_be_revoked()
    {
        var admin = await _app.SignInAsync("beheerder@example.nl");
        var invite = await admin.SubmitAsync("/beheer/medewerkers", new Dictionary<string, string>
        {
            ["Input.Email"] = "nieuw@maastricht.example",
            ["Input.Name"] = "Nieuwe Medewerker",
            ["Input.Role"] = Roles.Staff,
        }, "form[action*='handler=Invite']");
        invite.AssertRedirect("/beheer/medewerkers");

        var mail = await _smtp.WaitForMailAsync("nieuw@maastricht.example");
        var link = new Uri(mail.Links().Single());
        var newcomer = _app.CreateBrowserlessClient();
        var set = await newcomer.SubmitAsync(link.PathAndQuery, new Dictionary<string, string>
        {
            ["Input.Password"] = "gemeentehuis-mosae-forum",
            ["Input.ConfirmPassword"] = "gemeentehuis-mosae-forum",
        });
        set.AssertRedirect("/account/inloggen");
        var staff = await _app.SignInAsync("nieuw@maastricht.example", "gemeentehuis-mosae-forum");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/beheer")).StatusCode);

        var user = await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "nieuw@maastricht.example"));
        var list = await admin.GetDocumentAsync("/beheer/medewerkers");
        var revoke = await admin.SubmitAsync(list, new Dictionary<string, string>(), $"form[action*='handler=Revoke'][action*='{user.Id}']", "/beheer/medewerkers");
        revoke.AssertRedirect("/beheer/medewerkers");
        // The session that was open loses access at its very next request, for reading and for changing alike.
        (await staff.GetAsync("/beheer")).AssertRedirect("/account/inloggen");
        (await staff.GetAsync("/beheer/edities")).AssertRedirect("/account/inloggen");

        var again = await _app.CreateBrowserlessClient().SubmitAsync("/account/inloggen", new Dictionary<string, string>
        {
            ["Input.Email"] = "nieuw@maastricht.example",
            ["Input.Password"] = "gemeentehuis-mosae-forum",
        });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("ingetrokken", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var actions = await _app.WithDbAsync(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["staff.invited", "staff.revoked"], actions);
    }

    [Fact]
    public async Task Inviting_a_resident_address_as_staff_is_refused()
    {
        await _app.CreateAsync("inwoner@example.nl", Roles.Resident);
        var admin = await _app.SignInAsync("beheerder@example.nl");
        var response = await admin.SubmitAsync("/beheer/medewerkers", new Dictionary<string, string>
        {
            ["Input.Email"] = "inwoner@example.nl",
            ["Input.Name"] = "Iemand",
            ["Input.Role"] = Roles.Admin,
        }, "form[action*='handler=Invite']");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("inwoner of buurtnetwerk", page.QuerySelector("#Input_Email-error")!.TextContent, StringComparison.Ordinal);
    }
}
