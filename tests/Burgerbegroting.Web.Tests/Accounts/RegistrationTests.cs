using System.Net;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
    public async Task Registering_outside_the_area_and_too_young_is_told_at_once_why_the_current_edition_will_not_take_the_vote()
    {
        await _app.CreateEditionAsync();
        var client = _app.CreateBrowserlessClient();
        var form = Resident("jong@example.nl");
        (form["Input.Postcode"], form["Input.BirthYear"]) = ("1011 AB", (DateTime.UtcNow.Year - 11).ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await client.SubmitAsync("/account/registreren", form)).AssertRedirect("/account/registreren/controleer-je-email");
        var page = await client.GetDocumentAsync("/account/registreren/controleer-je-email");
        var why = "U kunt in Burgerbegroting Maastricht 2027 niet stemmen en geen ideeën indienen: uw postcode 1011 AB ligt niet in het gebied van de burgerbegroting; u wordt dit jaar nog geen 16.";
        Assert.Equal(why, page.QuerySelector("#cannot-vote")!.TextContent);
        Assert.DoesNotContain("Daarna kunt u stemmen", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Uw account is wel aangemaakt", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // The account exists; once signed in, the profile says the same until the details are put right.
        await _app.WithDbAsync(async db => await db.Users.Where(u => u.Email == "jong@example.nl").ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailConfirmed, true)));
        var signedIn = await _app.SignInAsync("jong@example.nl", "zonnig-vrijthof-2027");
        Assert.Equal(why, (await signedIn.GetDocumentAsync("/account/profiel")).QuerySelector("#cannot-vote")!.TextContent);
        (await signedIn.SubmitAsync("/account/profiel", new Dictionary<string, string> { ["Input.Postcode"] = "6211 AB", ["Input.BirthYear"] = "1990", ["Input.DisplayName"] = "Anouk" }, "main form:not([action*='handler'])"))
            .AssertRedirect("/account/profiel");
        Assert.Null((await signedIn.GetDocumentAsync("/account/profiel")).QuerySelector("#cannot-vote"));

        // Someone who may vote keeps the promise and sees no warning.
        var other = _app.CreateBrowserlessClient();
        (await other.SubmitAsync("/account/registreren", Resident("mag@example.nl"))).AssertRedirect("/account/registreren/controleer-je-email");
        var promised = await other.GetDocumentAsync("/account/registreren/controleer-je-email");
        Assert.Null(promised.QuerySelector("#cannot-vote"));
        Assert.Contains("Daarna kunt u stemmen", promised.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
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
    public async Task Registering_a_taken_address_answers_as_for_a_new_one_and_mails_the_owner_instead()
    {
        await _app.CreateAsync("dubbel@example.nl", Roles.Resident);
        var client = _app.CreateBrowserlessClient();

        var taken = await client.SubmitAsync("/account/registreren", Resident("dubbel@example.nl"));
        var fresh = await client.SubmitAsync("/account/registreren", Resident("nieuw@example.nl"));

        Assert.Equal((taken.StatusCode, taken.Location()), (fresh.StatusCode, fresh.Location()));
        var mail = await _smtp.WaitForMailAsync("dubbel@example.nl");
        Assert.Contains("al een account", mail.Text, StringComparison.Ordinal);
        Assert.Equal(2, await _app.WithDbAsync(db => db.Users.CountAsync()));
        // The owner's password still works: nothing about the account changed.
        await _app.SignInAsync("dubbel@example.nl");
    }

    [Fact]
    public async Task Registering_a_taken_address_with_a_weak_password_hears_about_the_password_like_anyone()
    {
        await _app.CreateAsync("dubbel@example.nl", Roles.Resident);
        var form = Resident("dubbel@example.nl");
        form["Input.Password"] = form["Input.ConfirmPassword"] = "kort";

        var response = await _app.CreateBrowserlessClient().SubmitAsync("/account/registreren", form);

        var page = await Forms.ParseAsync(response);
        Assert.NotEmpty(page.QuerySelector("#Input_Password-error")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("#Input_Email-error"));
    }

    [Fact]
    public async Task A_wrong_password_an_unknown_address_and_a_locked_account_get_the_same_answer_and_a_reset_lifts_the_lock()
    {
        await _app.CreateAsync("slot@example.nl", Roles.Resident);
        var client = _app.CreateBrowserlessClient();
        async Task<string> SignInAsync(string email, string password)
        {
            var response = await client.SubmitAsync("/account/inloggen", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await Forms.ParseAsync(response)).QuerySelector(".bb-error-summary")!.TextContent.Trim();
        }

        var unknown = await SignInAsync("niemand@example.nl", "fout-wachtwoord");
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            Assert.Equal(unknown, await SignInAsync("slot@example.nl", $"fout-{attempt}"));
        }

        // Locked now: even the right password gets the very same answer.
        Assert.Equal(unknown, await SignInAsync("slot@example.nl", TestAccounts.Password));
        var user = await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "slot@example.nl"));
        Assert.InRange(user.LockoutEnd!.Value, DateTimeOffset.UtcNow.AddMinutes(4), DateTimeOffset.UtcNow.AddMinutes(6));

        await client.SubmitAsync("/account/wachtwoord-vergeten", new Dictionary<string, string> { ["Input.Email"] = "slot@example.nl" });
        var link = new Uri((await _smtp.WaitForMailAsync("slot@example.nl")).Links().Single());
        await client.SubmitAsync(link.PathAndQuery, new Dictionary<string, string> { ["Input.Password"] = "een-nieuw-lang-wachtwoord", ["Input.ConfirmPassword"] = "een-nieuw-lang-wachtwoord" });
        await _app.SignInAsync("slot@example.nl", "een-nieuw-lang-wachtwoord");
    }

    [Fact]
    public async Task Signing_in_checks_exactly_one_password_hash_whether_the_address_is_unknown_the_password_wrong_or_the_account_locked()
    {
        // The time of a sign-in is the time of its hash check (about 100 ms; the rest is a few ms): one check on every
        // path is what makes the answers take equally long. Counted, not timed, so a busy machine cannot fail it.
        var hasher = new CountingHasher();
        await using var app = new AppFactory().WithServices(s => s.AddSingleton<IPasswordHasher<AppUser>>(hasher));
        await app.CreateAsync("bestaat@example.nl", Roles.Resident);
        await app.CreateAsync("slot@example.nl", Roles.Resident);
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == "slot@example.nl").ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddMinutes(5))));
        var client = app.CreateBrowserlessClient();

        foreach (var (email, password) in new[] { ("niemand@example.nl", "fout-wachtwoord"), ("bestaat@example.nl", "fout-wachtwoord"), ("slot@example.nl", TestAccounts.Password) })
        {
            var page = await client.GetDocumentAsync("/account/inloggen");
            var before = hasher.Verifications;
            var response = await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password }, pageUrl: "/account/inloggen");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True(hasher.Verifications - before == 1, $"{email}: {hasher.Verifications - before} hash checks");
        }
    }

    /// <summary>The real hasher, counting its checks.</summary>
    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _real = new();
        private int _verifications;

        public int Verifications => _verifications;

        public string HashPassword(AppUser user, string password) => _real.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
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
