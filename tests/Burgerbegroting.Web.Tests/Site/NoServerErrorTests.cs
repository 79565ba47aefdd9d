using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Tests.Site;

/// <summary>Each kind of input that once reached a 500, answered as it should instead (the sweep covers every handler).</summary>
public sealed class NoServerErrorTests : IAsyncLifetime
{
    private const string Resident = "bewoner@example.nl";
    private const string Staff = "beheerder@example.nl";

    public static readonly TheoryData<string> NestedMarkdown = new([new string('>', 129) + "x", new string('[', 5000), string.Concat(Enumerable.Repeat("- ", 3000)) + "x"]);

    private readonly AppFactory _app = new();
    private int _edition;

    public async ValueTask InitializeAsync()
    {
        _edition = (await _app.CreateEditionAsync()).Id;
        await _app.CreateAsync(Resident, Roles.Resident);
        await _app.CreateAsync(Staff, Roles.Admin);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [MemberData(nameof(NestedMarkdown))]
    public async Task Deeply_nested_markdown_in_an_idea_description_is_refused_with_a_message_next_to_the_field(string markdown)
    {
        await _app.OpenRoundThreeAsync();
        var client = await _app.SignInAsync(Resident);
        var response = await client.SubmitAsync("/ideeen/nieuw", await IdeaFormAsync(markdown));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("te diep genest", page.QuerySelector("#Input_Description-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Ideas.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(NestedMarkdown))]
    public async Task Deeply_nested_markdown_in_an_edition_introduction_or_theme_body_is_refused_with_a_message_next_to_the_field(string markdown)
    {
        var staff = await _app.SignInAsync(Staff);
        var edition = await staff.SubmitAsync($"/beheer/edities/{_edition}", new Dictionary<string, string> { ["Input.Introduction"] = markdown }, "main form.bb-form");
        Assert.Equal(HttpStatusCode.BadRequest, edition.StatusCode);
        Assert.Contains("te diep genest", (await Forms.ParseAsync(edition)).QuerySelector("#Input_Introduction-error")!.TextContent, StringComparison.Ordinal);

        var theme = await staff.SubmitAsync($"/beheer/edities/{_edition}/themas",
            new Dictionary<string, string> { ["Input.Name"] = "Nieuw thema", ["Input.ShortDescription"] = "Kort", ["Input.Body"] = markdown }, "main form.bb-form");
        Assert.Equal(HttpStatusCode.BadRequest, theme.StatusCode);
        Assert.Contains("te diep genest", (await Forms.ParseAsync(theme)).QuerySelector("#Input_Body-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Themes.CountAsync(t => t.Name == "Nieuw thema")));
    }

    [Theory]
    [MemberData(nameof(NestedMarkdown))]
    public async Task Stored_deeply_nested_markdown_shows_as_plain_text_on_every_page_that_renders_it(string markdown)
    {
        await _app.OpenRoundThreeAsync();
        var id = await StoreAsync(markdown);
        var resident = await _app.SignInAsync(Resident);
        var staff = await _app.SignInAsync(Staff);
        var anonymous = _app.CreateBrowserlessClient();
        var theme = await _app.WithDbAsync(db => db.Themes.Select(t => t.Id).FirstAsync());
        var encoded = WebUtility.HtmlEncode(markdown[..20]);
        foreach (var (client, url) in new[] { (anonymous, "/"), (anonymous, $"/themas/{theme}"), (anonymous, $"/ideeen/{id}"), (resident, $"/ideeen/{id}/bewerken"), (staff, $"/beheer/ideeen/{id}") })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
            Assert.Contains(encoded, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The preview, htmx and without JavaScript, shows the text the same way.
        var edit = await resident.GetDocumentAsync($"/ideeen/{id}/bewerken");
        foreach (var htmx in new[] { true, false })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/ideeen/{id}/bewerken?handler=Preview") { Content = new FormUrlEncodedContent(await IdeaFormAsync(markdown, Token(edit))) };
            if (htmx)
            {
                request.Headers.Add("HX-Request", "true");
            }

            var preview = await resident.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
            Assert.Contains(encoded, await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Preview")]
    public async Task Budget_shares_whose_sum_overflows_get_a_400_with_a_message_next_to_the_field(string? handler)
    {
        await _app.OpenRoundTwoAsync();
        var themes = await _app.ThemeIdsAsync(chosenOnly: true);
        var client = await _app.SignInAsync(Resident);
        var page = await client.GetDocumentAsync("/stemmen/verdeling");
        var shares = new Dictionary<string, string> { [$"Shares[{themes[0]}]"] = "2147483647", [$"Shares[{themes[1]}]"] = "2147483647", [$"Shares[{themes[2]}]"] = "-1" };
        var response = await client.PostAsync("/stemmen/verdeling" + (handler is null ? "" : "?handler=" + handler), Form(shares, Token(page)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var result = await Forms.ParseAsync(response);
        Assert.Contains("tussen 0 en 100", result.QuerySelector($"#Shares_{themes[0]}-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("tussen 0 en 100", result.QuerySelector($"#Shares_{themes[1]}-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("heel getal", result.QuerySelector($"#Shares_{themes[2]}-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Ballots.CountAsync()));
    }

    [Fact]
    public async Task The_live_remaining_amount_counts_only_valid_percentages_when_shares_would_overflow()
    {
        await _app.OpenRoundTwoAsync();
        var themes = await _app.ThemeIdsAsync(chosenOnly: true);
        var client = await _app.SignInAsync(Resident);
        var page = await client.GetDocumentAsync("/stemmen/verdeling");
        var shares = new Dictionary<string, string> { [$"Shares[{themes[0]}]"] = "2147483647", [$"Shares[{themes[1]}]"] = "2147483647", [$"Shares[{themes[2]}]"] = "40" };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/stemmen/verdeling?handler=Remaining") { Content = Form(shares, Token(page)) };
        request.Headers.Add("HX-Request", "true");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Nog te verdelen: 60%", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"Shares_{themes[0]}-amount\" data-hx-swap-oob=\"true\">—", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("percent-encoded NUL")]
    [InlineData("1025 fields")]
    [InlineData("value over 4 MB")]
    [InlineData("malformed multipart")]
    [InlineData("multipart without boundary")]
    public async Task An_unreadable_form_body_gets_a_400_with_the_error_page(string kind)
    {
        var client = _app.CreateBrowserlessClient();
        var token = Token(await client.GetDocumentAsync("/account/inloggen"));
        var escaped = Uri.EscapeDataString(token);
        var (type, body) = kind switch
        {
            "percent-encoded NUL" => ("application/x-www-form-urlencoded", $"Input.Email=a%00b&__RequestVerificationToken={escaped}"),
            "1025 fields" => ("application/x-www-form-urlencoded", string.Join("&", Enumerable.Range(0, 1025).Select(i => $"f{i}=1")) + $"&__RequestVerificationToken={escaped}"),
            "value over 4 MB" => ("application/x-www-form-urlencoded", $"__RequestVerificationToken={escaped}&Input.Email={new string('a', (4 * 1024 * 1024) + 1)}"),
            "malformed multipart" => ("multipart/form-data; boundary=zzz", $"--zzz\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n--zzz\r\nContent-Disp"),
            _ => ("multipart/form-data", "--zzz\r\n\r\nx"),
        };
        var response = await client.PostAsync("/account/inloggen", Raw(type, body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("utrecht-heading-1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_error_page_answers_a_post_with_an_unreadable_body_itself_without_failing()
    {
        var response = await _app.CreateBrowserlessClient().PostAsync("/fout?code=400", Raw("application/x-www-form-urlencoded", string.Join("&", Enumerable.Range(0, 1100).Select(i => $"f{i}=%00"))));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_stale_antiforgery_token_on_the_reset_password_page_gets_a_400()
    {
        var first = _app.CreateBrowserlessClient();
        var token = Token(await first.GetDocumentAsync("/account/wachtwoord-vergeten"));
        var other = _app.CreateBrowserlessClient();
        await other.GetAsync("/account/inloggen");
        var response = await other.PostAsync("/account/wachtwoord-instellen?userId=x&code=y",
            Form(new Dictionary<string, string> { ["Input.Password"] = "een-nieuw-wachtwoord", ["Input.ConfirmPassword"] = "een-nieuw-wachtwoord" }, token));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("PUT", "/account/inloggen", HttpStatusCode.MethodNotAllowed)]
    [InlineData("PATCH", "/ideeen", HttpStatusCode.MethodNotAllowed)]
    [InlineData("DELETE", "/account/profiel", HttpStatusCode.MethodNotAllowed)]
    [InlineData("POST", "/ideeen?handler=bestaatniet", HttpStatusCode.MethodNotAllowed)]
    [InlineData("POST", "/beheer/edities/{0}/themas?handler=bestaatniet", HttpStatusCode.NotFound)]
    public async Task A_request_no_handler_answers_gets_405_or_404_not_an_unloaded_page(string method, string url, HttpStatusCode expected)
    {
        var client = await _app.SignInAsync(Staff);
        var token = Token(await client.GetDocumentAsync("/account/profiel"));
        using var request = new HttpRequestMessage(new HttpMethod(method), string.Format(CultureInfo.InvariantCulture, url, _edition));
        if (method != "GET")
        {
            request.Content = Form([], token);
        }

        var response = await client.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.MethodNotAllowed)
        {
            Assert.Contains("GET", response.Content.Headers.Allow);
        }
    }

    [Theory]
    [InlineData("/beheer/edities/{0}/themas", "main form.bb-form", "Input.Name", "Input_Name")]
    [InlineData("/beheer/edities/{0}/themas", "main form.bb-form", "Input.ShortDescription", "Input_ShortDescription")]
    [InlineData("/beheer/edities/{0}", "main form.bb-form", "Input.Name", "Input_Name")]
    [InlineData("/beheer/edities/{0}", "main form.bb-form", "Input.TotalBudget", "Input_TotalBudget")]
    [InlineData("/beheer/edities", "main form.bb-form", "Input.Name", "Input_Name")]
    public async Task A_staff_form_with_a_required_field_posted_empty_gets_a_400_with_a_message_next_to_the_field(string page, string form, string field, string id)
    {
        var staff = await _app.SignInAsync(Staff);
        var url = string.Format(CultureInfo.InvariantCulture, page, _edition);
        var response = await staff.SubmitAsync(url, new Dictionary<string, string> { ["Input.Name"] = "Iets", ["Input.ShortDescription"] = "Kort", [field] = "" }, form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((await Forms.ParseAsync(response)).QuerySelector($"#{id}-error")?.TextContent), $"no message next to {field}");
    }

    [Theory]
    [InlineData("/\\evil.example", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/ideeen\u0001x", "/")]
    [InlineData("/ideeen?thema=2", "/ideeen?thema=2")]
    public async Task The_language_switch_redirects_only_to_a_local_path_and_otherwise_home(string returnUrl, string expected)
    {
        var response = await _app.CreateBrowserlessClient().PostAsync("/taal",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = returnUrl }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Location());
    }

    private async Task<int> StoreAsync(string markdown)
    {
        var submitter = await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == Resident));
        return await _app.WithDbAsync(async db =>
        {
            var edition = await db.Editions.Include(e => e.Buurten).Include(e => e.Themes).SingleAsync();
            edition.Introduction = markdown;
            edition.Themes.ForEach(t => t.Body = markdown);
            var idea = new Idea
            {
                EditionId = edition.Id, ThemeId = edition.Themes.First(t => t.Chosen).Id, BuurtId = edition.Buurten[0].Id, Title = "Diep genest", Summary = "Diep genest",
                Description = markdown, EstimatedCost = 1000, SubmitterId = submitter.Id, Status = IdeaStatus.Submitted, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            db.Ideas.Add(idea);
            await db.SaveChangesAsync();
            return idea.Id;
        });
    }

    private async Task<Dictionary<string, string>> IdeaFormAsync(string description, string? token = null)
    {
        var themes = await _app.ThemeIdsAsync(chosenOnly: true);
        var buurt = await _app.WithDbAsync(db => db.Buurten.Select(b => b.Id).FirstAsync());
        var form = new Dictionary<string, string>
        {
            ["Input.Title"] = "Diep genest",
            ["Input.Summary"] = "Een idee met veel opmaak.",
            ["Input.Description"] = description,
            ["Input.ThemeId"] = themes[0].ToString(CultureInfo.InvariantCulture),
            ["Input.BuurtId"] = buurt.ToString(CultureInfo.InvariantCulture),
            ["Input.Cost"] = "1500",
        };
        if (token is not null)
        {
            form["__RequestVerificationToken"] = token;
        }

        return form;
    }

    internal static string Token(IHtmlDocument page) => page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    internal static FormUrlEncodedContent Form(Dictionary<string, string> fields, string token) =>
        new(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token });

    private static ByteArrayContent Raw(string contentType, string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }
}

/// <summary>A NUL character in any text input never reaches the database, where PostgreSQL would refuse it (22021).</summary>
public sealed class NulCharacterTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task A_nul_character_in_a_query_or_form_value_is_dropped_before_the_database(TestDatabase database)
    {
        await using var app = new AppFactory(database);
        await app.CreateEditionAsync();
        await app.CreateAsync("bewoner@example.nl", Roles.Resident);
        var client = app.CreateBrowserlessClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ideeen?q=a%00b")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/account/bevestigen?userId=a%00b&code=a%00b")).StatusCode);

        // A raw NUL byte in a form body is read as a character (only "%00" makes the form unreadable).
        var token = NoServerErrorTests.Token(await client.GetDocumentAsync("/account/inloggen"));
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes($"Input.Email=bewoner\0@example.nl&Input.Password={TestAccounts.Password}&__RequestVerificationToken={Uri.EscapeDataString(token)}"));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        (await client.PostAsync("/account/inloggen", content)).AssertRedirect("/");
    }
}

/// <summary>Text longer than its column is refused next to the field, not left to the database (PostgreSQL refuses it, SQLite would store it).</summary>
public sealed class TextLengthTests
{
    [Fact]
    public async Task A_hide_reason_longer_than_its_column_gets_a_400_with_a_message_next_to_the_field_on_postgres()
    {
        await using var app = new AppFactory(TestDatabase.Postgres);
        await app.CreateEditionAsync();
        await app.OpenRoundThreeAsync();
        var resident = await app.CreateAsync("bewoner@example.nl", Roles.Resident);
        await app.CreateAsync("beheerder@example.nl", Roles.Admin);
        var id = await app.WithDbAsync(async db =>
        {
            var edition = await db.Editions.Include(e => e.Buurten).Include(e => e.Themes).SingleAsync();
            var idea = new Idea
            {
                EditionId = edition.Id, ThemeId = edition.Themes.First(t => t.Chosen).Id, BuurtId = edition.Buurten[0].Id, Title = "Bankjes", Summary = "Bankjes",
                Description = "Bankjes", EstimatedCost = 1000, SubmitterId = resident.Id, Status = IdeaStatus.Submitted, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            db.Ideas.Add(idea);
            await db.SaveChangesAsync();
            return idea.Id;
        });
        var staff = await app.SignInAsync("beheerder@example.nl");
        var page = await staff.GetDocumentAsync($"/beheer/ideeen/{id}");
        var response = await staff.PostAsync($"/beheer/ideeen/{id}?handler=Hide",
            NoServerErrorTests.Form(new Dictionary<string, string> { ["HideReason"] = new string('x', 1001) }, NoServerErrorTests.Token(page)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("1000", (await Forms.ParseAsync(response)).QuerySelector("#HideReason-error")!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Ideas.Select(i => i.Hidden).SingleAsync()));
    }
}
