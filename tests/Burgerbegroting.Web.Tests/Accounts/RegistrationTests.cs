using System.Net;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Tests.Accounts;

public sealed class RegistrationTests : IAsyncLifetime
{
    private SmtpSink _smtp = null!;
    private AppFactory _app = null!;

    public async ValueTask InitializeAsync()
    {
        _smtp = await SmtpSink.StartNewAsync();
        _app = new AppFactory(smtpPort: _smtp.Port);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private static Dictionary<string, string> Resident(string email) => new()
    {
        ["Input.Kind"] = "Resident",
        ["Input.DisplayName"] = "Anouk Janssen",
        ["Input.Email"] = email,
        ["Input.Postcode"] = "6211 ab",
        ["Input.BirthYear"] = "1990",
        ["Input.Password"] = "zonnig-vrijthof-2027",
        ["Input.ConfirmPassword"] = "zonnig-vrijthof-2027",
    };

    [Fact]
    public async Task Register_confirm_by_mail_over_smtp_then_sign_in()
    {
        var client = _app.CreateBrowserlessClient();
        var response = await client.SubmitAsync("/account/registreren", Resident("anouk@example.nl"));
        response.AssertRedirect("/account/registreren/controleer-je-email");

        var mail = await _smtp.WaitForMailAsync("anouk@example.nl");
        Assert.Contains("Bevestig uw e-mailadres", mail.Subject, StringComparison.Ordinal);
        var link = Assert.Single(mail.Links(), l => l.Contains("/account/bevestigen", StringComparison.Ordinal));

        var confirm = await client.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("Uw e-mailadres is bevestigd", await confirm.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var signedIn = await _app.SignInAsync("anouk@example.nl", "zonnig-vrijthof-2027");
        var profile = await signedIn.GetDocumentAsync("/account/profiel");
        Assert.Contains("anouk@example.nl", profile.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(profile.QuerySelector(".utrecht-alert--warning"));

        var user = await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "anouk@example.nl"));
        Assert.True(user.EmailConfirmed);
        Assert.Equal("6211AB", user.Postcode);
        Assert.Equal(1990, user.BirthYear);
    }

    [Fact]
    public async Task Bad_input_is_shown_next_to_each_field_and_kept()
    {
        var client = _app.CreateBrowserlessClient();
        var fields = Resident("not-an-email");
        fields["Input.Postcode"] = "62 11";
        fields["Input.BirthYear"] = "negentig";
        fields["Input.ConfirmPassword"] = "iets-anders-dan-dat";
        var response = await client.SubmitAsync("/account/registreren", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("geldig e-mailadres", page.QuerySelector("#Input_Email-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nederlandse postcode", page.QuerySelector("#Input_Postcode-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("geboortejaar", page.QuerySelector("#Input_BirthYear-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("niet gelijk", page.QuerySelector("#Input_ConfirmPassword-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#Input_Postcode")!.GetAttribute("aria-invalid"));
        Assert.Equal("Anouk Janssen", page.QuerySelector("#Input_DisplayName")!.GetAttribute("value"));
        Assert.Equal("62 11", page.QuerySelector("#Input_Postcode")!.GetAttribute("value"));
        Assert.Equal(0, await _app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task An_address_can_register_only_once()
    {
        await _app.CreateAsync("dubbel@example.nl", Roles.Resident);
        var response = await _app.CreateBrowserlessClient().SubmitAsync("/account/registreren", Resident("dubbel@example.nl"));
        var page = await Forms.ParseAsync(response);
        Assert.Contains("Er is al een account", page.QuerySelector("#Input_Email-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        await _app.CreateAsync("slot@example.nl", Roles.Resident);
        var client = _app.CreateBrowserlessClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await client.SubmitAsync("/account/inloggen", new Dictionary<string, string> { ["Input.Email"] = "slot@example.nl", ["Input.Password"] = $"fout-{attempt}" });
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        var right = await client.SubmitAsync("/account/inloggen", new Dictionary<string, string> { ["Input.Email"] = "slot@example.nl", ["Input.Password"] = TestAccounts.Password });
        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains("tijdelijk geblokkeerd", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var user = await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "slot@example.nl"));
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10));
    }

    [Fact]
    public async Task Forgot_password_mails_a_link_that_sets_a_new_one()
    {
        await _app.CreateAsync("vergeten@example.nl", Roles.Resident);
        var client = _app.CreateBrowserlessClient();
        var response = await client.SubmitAsync("/account/wachtwoord-vergeten", new Dictionary<string, string> { ["Input.Email"] = "vergeten@example.nl" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var mail = await _smtp.WaitForMailAsync("vergeten@example.nl");
        var link = new Uri(Assert.Single(mail.Links(), l => l.Contains("/account/wachtwoord-instellen", StringComparison.Ordinal)));
        var reset = await client.SubmitAsync(link.PathAndQuery, new Dictionary<string, string>
        {
            ["Input.Password"] = "nieuw-wachtwoord-123",
            ["Input.ConfirmPassword"] = "nieuw-wachtwoord-123",
        });
        reset.AssertRedirect("/account/inloggen");
        await _app.SignInAsync("vergeten@example.nl", "nieuw-wachtwoord-123");
    }

    [Fact]
    public async Task Forgot_password_for_an_unknown_address_says_the_same_and_sends_nothing()
    {
        var response = await _app.CreateBrowserlessClient().SubmitAsync("/account/wachtwoord-vergeten", new Dictionary<string, string> { ["Input.Email"] = "niemand@example.nl" });
        Assert.Contains("Als er een account bestaat", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await _app.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }
}
