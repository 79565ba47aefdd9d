using System.Globalization;
using System.Net;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Stemcodes;
using Burgerbegroting.Web.Stemcodes;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Burgerbegroting.Web.Tests.Stemcodes;

/// <summary>Guessing codes is limited per address and in total, counted for staff, and codes stay out of logs and URLs.</summary>
public sealed class StemcodeAbuseTests : IAsyncLifetime
{
    private readonly LogCapture _logs = new();
    private readonly AppFactory _app;

    public StemcodeAbuseTests()
    {
        _app = new AppFactory().With("Stemcodes:FailuresPerAddress", "3").With("Stemcodes:FailuresPerHour", "1000")
            .With("Logging:LogLevel:Default", "Trace").With("Logging:LogLevel:Microsoft", "Trace").With("Logging:LogLevel:Microsoft.AspNetCore", "Trace")
            .WithServices(s => s.AddSingleton<ILoggerProvider>(_logs));
    }

    public async ValueTask InitializeAsync()
    {
        await _app.CreateStemcodeEditionAsync();
        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.OpenAsync(id)));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>A well-formed code that was not issued (another seed).</summary>
    private static string Wrong(int i) => Stemcode.Format(StemcodeGenerator.Code(new byte[32], i));

    [Fact]
    public async Task After_too_many_wrong_codes_from_one_address_even_the_right_code_waits_and_staff_see_the_count()
    {
        var code = (await _app.IssueCodesAsync())[0];
        var client = _app.CreateBrowserlessClient();
        for (var i = 0; i < 3; i++)
        {
            var wrong = await client.EnterCodeAsync(Wrong(i));
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Contains("kennen we niet", (await Forms.ParseAsync(wrong)).QuerySelector("#Code-error")!.TextContent, StringComparison.Ordinal);
        }

        var limited = await client.EnterCodeAsync(code);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("te veel verkeerde codes", (await Forms.ParseAsync(limited)).QuerySelector("#Code-error")!.TextContent, StringComparison.Ordinal);

        // Typing errors that cannot be a code are not guesses: they get their own message and do not count.
        var malformed = await _app.CreateBrowserlessClient().EnterCodeAsync("ABCD-EFGH-IJK0");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("12 tekens", (await Forms.ParseAsync(malformed)).QuerySelector("#Code-error")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(3, await _app.WithDbAsync(db => db.StemcodeFailures.SumAsync(f => f.Count)));
        await _app.CreateAsync("medewerker@example.nl", Burgerbegroting.Data.Accounts.Roles.Staff);
        var staff = await _app.SignInAsync("medewerker@example.nl");
        var editionId = await _app.WithDbAsync(db => db.Editions.Select(e => e.Id).SingleAsync());
        var overview = await staff.GetDocumentAsync($"/beheer/edities/{editionId}/stemcodes");
        Assert.Contains("Verkeerde codes getypt: 3 dit uur, 3 in de laatste 24 uur, 3 in totaal.", overview.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_the_site_wide_hourly_limit_is_reached_no_address_can_try_a_code()
    {
        var code = (await _app.IssueCodesAsync())[0];
        await _app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            db.StemcodeFailures.Add(new Burgerbegroting.Data.Stemcodes.StemcodeFailures { Hour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc), Count = 1000 });
            return await db.SaveChangesAsync();
        });

        var response = await _app.CreateBrowserlessClient().EnterCodeAsync(code);
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("op deze website", (await Forms.ParseAsync(response)).QuerySelector("#Code-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_appears_in_no_log_line_and_no_url_of_a_whole_vote()
    {
        var code = (await _app.IssueCodesAsync())[0];
        var themes = await _app.ThemeIdsAsync();
        var client = _app.CreateBrowserlessClient();
        var entered = await client.EnterCodeAsync(code);
        entered.AssertRedirect("/stemmen/themas");
        var page = await client.GetDocumentAsync("/stemmen/themas");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var saved = await client.PostAsync("/stemmen/themas", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Chosen", themes[0].ToString(CultureInfo.InvariantCulture))]));
        saved.AssertRedirect("/stemmen/code");
        await client.EnterCodeAsync(Wrong(7));

        var canonical = Stemcode.Normalize(code)!;
        Assert.NotEmpty(_logs.Lines);
        Assert.Contains(_logs.Lines, l => l.Contains("/stemmen/code", StringComparison.Ordinal));
        foreach (var secret in new[] { code, canonical, canonical.ToLowerInvariant(), Stemcode.Normalize(Wrong(7))!, Wrong(7) })
        {
            Assert.DoesNotContain(_logs.Lines, l => l.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(secret, entered.Location(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, saved.Location(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("192.0.2.7", "192.0.2.7")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void An_ipv6_household_counts_as_one_address_by_its_64_bit_prefix(string address, string key) =>
        Assert.Equal(key, StemcodeGuard.Key(IPAddress.Parse(address)));
}
