using System.Net;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Infrastructure.Startup;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Burgerbegroting.Web.Tests.Accounts;

public sealed class NetworkApprovalTests : IAsyncLifetime
{
    private SmtpSink _smtp = null!;
    private AppFactory _app = null!;

    public async ValueTask InitializeAsync()
    {
        _smtp = await SmtpSink.StartNewAsync();
        _app = new AppFactory(smtpPort: _smtp.Port);
        await _app.CreateAsync("medewerker@example.nl", Roles.Staff);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private async Task<AppUser> RegisterNetworkAsync(string email, string name)
    {
        var response = await _app.CreateBrowserlessClient().SubmitAsync("/account/registreren", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Network",
            ["Input.OrganisationName"] = name,
            ["Input.DisplayName"] = "Contactpersoon",
            ["Input.Email"] = email,
            ["Input.Postcode"] = "6215 AB",
            ["Input.Password"] = "samen-sterk-in-de-buurt",
            ["Input.ConfirmPassword"] = "samen-sterk-in-de-buurt",
        });
        response.AssertRedirect("/account/registreren/controleer-je-email?kind=network");
        var mail = await _smtp.WaitForMailAsync(email);
        await _app.CreateBrowserlessClient().GetAsync(new Uri(mail.Links().Single()).PathAndQuery);
        return await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email));
    }

    private async Task<bool> MaySubmitIdeasAsync(string email)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync((await users.FindByEmailAsync(email))!);
        var result = await scope.ServiceProvider.GetRequiredService<IAuthorizationService>().AuthorizeAsync(principal, Policies.SubmitIdeas);
        return result.Succeeded;
    }

    [Fact]
    public async Task A_network_cannot_act_until_staff_approve_it()
    {
        var network = await RegisterNetworkAsync("wyck@example.nl", "Buurtnetwerk Wyckerpoort");
        Assert.Null(network.ApprovedAt);
        Assert.False(await MaySubmitIdeasAsync("wyck@example.nl"));

        var networkClient = await _app.SignInAsync("wyck@example.nl", "samen-sterk-in-de-buurt");
        (await networkClient.GetAsync("/ideeen/nieuw")).AssertRedirect("/account/geen-toegang");
        var profile = await networkClient.GetDocumentAsync("/account/profiel");
        Assert.Contains("wacht op goedkeuring", profile.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var staff = await _app.SignInAsync("medewerker@example.nl");
        var list = await staff.GetDocumentAsync("/beheer/buurtnetwerken");
        Assert.Contains("Buurtnetwerk Wyckerpoort", list.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var approve = await staff.SubmitAsync(list, new Dictionary<string, string>(), $"form[action*='handler=Approve'][action*='{network.Id}']", "/beheer/buurtnetwerken");
        approve.AssertRedirect("/beheer/buurtnetwerken");

        Assert.True(await MaySubmitIdeasAsync("wyck@example.nl"));
        // Signed in all along, the network passes the submit policy at its very next request, without signing out and
        // in: the page answers for itself (404, as no edition has an ideas round here) instead of "geen toegang".
        Assert.Equal(HttpStatusCode.NotFound, (await networkClient.GetAsync("/ideeen/nieuw")).StatusCode);
        var mail = await _smtp.WaitForMailAsync("wyck@example.nl", m => m.Subject.Contains("goedgekeurd", StringComparison.Ordinal));
        Assert.Contains("Buurtnetwerk Wyckerpoort", mail.Text, StringComparison.Ordinal);
        var audit = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "network.approved"));
        Assert.Equal(network.Id, audit.SubjectId);
        Assert.Equal("medewerker@example.nl", audit.ActorName);
    }

    [Fact]
    public async Task Turning_a_network_down_needs_a_reason_which_is_mailed()
    {
        var network = await RegisterNetworkAsync("nep@example.nl", "Nep Netwerk");
        var staff = await _app.SignInAsync("medewerker@example.nl");
        var list = await staff.GetDocumentAsync("/beheer/buurtnetwerken");
        var selector = $"form[action*='handler=Reject'][action*='{network.Id}']";

        var empty = await staff.SubmitAsync(list, new Dictionary<string, string> { ["reason"] = "  " }, selector, "/beheer/buurtnetwerken");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Vul een reden in", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var rejected = await staff.SubmitAsync(list, new Dictionary<string, string> { ["reason"] = "Geen buurtnetwerk in Maastricht." }, selector, "/beheer/buurtnetwerken");
        rejected.AssertRedirect("/beheer/buurtnetwerken");
        var mail = await _smtp.WaitForMailAsync("nep@example.nl", m => m.Text.Contains("Geen buurtnetwerk in Maastricht.", StringComparison.Ordinal));
        Assert.Contains("niet goedgekeurd", mail.Text, StringComparison.Ordinal);
        Assert.False(await MaySubmitIdeasAsync("nep@example.nl"));
    }

    [Fact]
    public async Task A_resident_may_submit_ideas_only_with_a_confirmed_address()
    {
        await _app.CreateAsync("bevestigd@example.nl", Roles.Resident);
        await _app.CreateAsync("onbevestigd@example.nl", Roles.Resident, confirmed: false);
        Assert.True(await MaySubmitIdeasAsync("bevestigd@example.nl"));
        Assert.False(await MaySubmitIdeasAsync("onbevestigd@example.nl"));
    }
}
