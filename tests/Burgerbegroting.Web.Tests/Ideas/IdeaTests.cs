using System.Globalization;
using System.Net;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Tests.Ideas;

/// <summary>Round 3: residents and buurtnetwerken submit ideas, staff review them with public reasons.</summary>
public sealed class IdeaTests : IAsyncLifetime
{
    private SmtpSink _smtp = null!;
    private AppFactory _app = null!;
    private List<int> _themes = [];
    private int _buurt;

    public async ValueTask InitializeAsync()
    {
        _smtp = await SmtpSink.StartNewAsync();
        _app = new AppFactory(smtpPort: _smtp.Port);
        await _app.CreateEditionAsync();
        await _app.OpenRoundThreeAsync();
        _themes = await _app.ThemeIdsAsync(chosenOnly: true);
        _buurt = await _app.WithDbAsync(db => db.Buurten.Where(b => b.Name == "Malberg").Select(b => b.Id).SingleAsync());
        await _app.CreateAsync("medewerker@example.nl", Roles.Staff);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private Dictionary<string, string> Form(string cost = "€ 1.500,-", string title = "Bankjes in het Malbergpark", string? description = null, int theme = 0) => new()
    {
        ["Input.Title"] = title,
        ["Input.Summary"] = "Drie bankjes bij de speeltuin, zodat ouders kunnen zitten.",
        ["Input.Description"] = description ?? "Bij de speeltuin staan **geen** bankjes.",
        ["Input.ThemeId"] = _themes[theme].ToString(CultureInfo.InvariantCulture),
        ["Input.BuurtId"] = _buurt.ToString(CultureInfo.InvariantCulture),
        ["Input.Cost"] = cost,
    };

    private async Task<(HttpClient Client, int IdeaId)> SubmitAsync(string email, Dictionary<string, string>? form = null, string role = Roles.Resident, Action<AppUser>? configure = null)
    {
        if (await _app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)) is false)
        {
            await _app.CreateAsync(email, role, configure: configure);
        }

        var client = await _app.SignInAsync(email);
        var response = await client.SubmitAsync("/ideeen/nieuw", form ?? Form());
        response.AssertRedirect("/ideeen/");
        return (client, int.Parse(response.Location().Split('/')[^1], CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1500", 1500)]
    [InlineData("1.500", 1500)]
    [InlineData("€ 1.500,-", 1500)]
    [InlineData("1500,00", 1500)]
    public async Task Costs_as_Dutch_people_type_them_are_understood(string cost, long euros)
    {
        var (_, id) = await SubmitAsync("anna@example.nl", Form(cost));
        Assert.Equal(euros, await _app.WithDbAsync(db => db.Ideas.Where(i => i.Id == id).Select(i => i.EstimatedCost).SingleAsync()));
    }

    [Theory]
    [InlineData("anderhalve ton", "geen bedrag")]
    [InlineData("1500,50", "hele euro's")]
    [InlineData("0", "groter zijn dan nul")]
    [InlineData("-20", "groter zijn dan nul")]
    [InlineData("", "Vul een bedrag")]
    [InlineData("600.000", "meer dan het budget van Groen en spelen")]
    public async Task A_bad_cost_gets_a_clear_message_and_nothing_typed_is_lost(string cost, string message)
    {
        await _app.CreateAsync("bram@example.nl", Roles.Resident);
        var client = await _app.SignInAsync("bram@example.nl");
        var response = await client.SubmitAsync("/ideeen/nieuw", Form(cost));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector("#Input_Cost-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(cost, page.QuerySelector("#Input_Cost")!.GetAttribute("value"));
        Assert.Equal("Bankjes in het Malbergpark", page.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Contains("**geen**", page.QuerySelector("#Input_Description")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Ideas.CountAsync()));
    }

    [Fact]
    public async Task A_network_submits_on_behalf_of_the_network_and_a_receipt_arrives()
    {
        var (_, id) = await SubmitAsync("netwerk@example.nl", role: Roles.Network, configure: u => { u.OrganisationName = "Buurtnetwerk Malberg"; u.ApprovedAt = DateTime.UtcNow; });
        var page = await _app.CreateBrowserlessClient().GetDocumentAsync($"/ideeen/{id}");
        // Once, after its label: not "Ingediend door: ingediend door ...".
        Assert.Equal("Buurtnetwerk Malberg (buurtnetwerk)", page.QuerySelectorAll(".bb-facts dt").Single(dt => dt.TextContent == "Ingediend door").NextElementSibling!.TextContent);
        var list = await _app.CreateBrowserlessClient().GetDocumentAsync("/ideeen");
        Assert.Contains("Bankjes in het Malbergpark", list.QuerySelector("#idee-lijst")!.TextContent, StringComparison.Ordinal);
        var mail = await _smtp.WaitForMailAsync("netwerk@example.nl");
        Assert.Contains("Bankjes in het Malbergpark", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_network_that_is_not_approved_cannot_submit()
    {
        await _app.CreateAsync("wacht@example.nl", Roles.Network, configure: u => u.OrganisationName = "Nog niet goedgekeurd");
        var client = await _app.SignInAsync("wacht@example.nl");
        (await client.GetAsync("/ideeen/nieuw")).AssertRedirect("/account/geen-toegang");
    }

    [Fact]
    public async Task Markdown_in_an_idea_renders_harmless()
    {
        var (_, id) = await SubmitAsync("hacker@example.nl", Form(description: "Hoi <script>alert('x')</script> [klik](javascript:alert(1)) <iframe src=//evil></iframe> [site](https://example.org)"));
        var html = await (await _app.CreateBrowserlessClient().GetAsync($"/ideeen/{id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<iframe", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<a href=\"https://example.org\" rel=\"nofollow ugc\">site</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_live_preview_is_an_htmx_fragment_and_works_without_javascript_too()
    {
        await _app.CreateAsync("preview@example.nl", Roles.Resident);
        var client = await _app.SignInAsync("preview@example.nl");
        var page = await client.GetDocumentAsync("/ideeen/nieuw");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var live = page.QuerySelector("#Input_Description")!.GetAttribute("data-hx-post");
        Assert.Equal("/ideeen/nieuw?handler=Preview", live);
        Assert.Equal(live, page.QuerySelector("main form button[formaction]")!.GetAttribute("formaction"));
        using var request = new HttpRequestMessage(HttpMethod.Post, live)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(Form(description: "# Kop\n\n*schuin*")) { ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("HX-Request", "true");
        var fragment = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("<h1>Kop</h1>", fragment, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", fragment, StringComparison.Ordinal);

        var plain = await client.SubmitToAsync(page, Form(description: "# Kop"), "main form", "/ideeen/nieuw?handler=Preview");
        var full = await Forms.ParseAsync(plain);
        Assert.Equal("Kop", full.QuerySelector("#preview h1")!.TextContent);
        Assert.Equal("Bankjes in het Malbergpark", full.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal(0, await _app.WithDbAsync(db => db.Ideas.CountAsync()));

        // The browser is now at ?handler=Preview; the form must still save, not preview again.
        (await client.SubmitAsync(full, Form(description: "# Kop"), "main form", "/ideeen/nieuw?handler=Preview")).AssertRedirect("/ideeen/");
        Assert.Equal(1, await _app.WithDbAsync(db => db.Ideas.CountAsync()));
    }

    [Fact]
    public async Task The_submitter_edits_until_review_starts_and_nobody_else_can()
    {
        var (owner, id) = await SubmitAsync("eigenaar@example.nl");
        var editing = await owner.GetDocumentAsync($"/ideeen/{id}/bewerken");
        Assert.Equal($"/ideeen/{id}/bewerken?handler=Preview", editing.QuerySelector("#Input_Description")!.GetAttribute("data-hx-post"));
        (await owner.SubmitAsync($"/ideeen/{id}/bewerken", Form("2.000", "Vier bankjes in het Malbergpark"))).AssertRedirect($"/ideeen/{id}");
        var idea = await _app.WithDbAsync(db => db.Ideas.SingleAsync(i => i.Id == id));
        Assert.Equal(("Vier bankjes in het Malbergpark", 2000L), (idea.Title, idea.EstimatedCost));

        await _app.CreateAsync("ander@example.nl", Roles.Resident);
        var other = await _app.SignInAsync("ander@example.nl");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/ideeen/{id}/bewerken")).StatusCode);
        var token = (await other.GetDocumentAsync("/account/profiel")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await other.PostAsync($"/ideeen/{id}/bewerken", new FormUrlEncodedContent(new Dictionary<string, string>(Form()) { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);

        var staff = await _app.SignInAsync("medewerker@example.nl");
        (await staff.SubmitAsync($"/beheer/ideeen/{id}", new Dictionary<string, string>(), "form[action*='handler=Start']")).AssertRedirect($"/beheer/ideeen/{id}");
        var edit = await owner.GetDocumentAsync($"/ideeen/{id}/bewerken");
        Assert.Contains("beoordeelt dit idee al", edit.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(edit.QuerySelector("#Input_Title"));
    }

    [Fact]
    public async Task Editing_after_the_round_closed_is_refused()
    {
        var (owner, id) = await SubmitAsync("laat@example.nl");
        var form = await owner.GetDocumentAsync($"/ideeen/{id}/bewerken");
        Assert.Equal(TransitionError.None, await _app.StepAsync(3, (l, rid) => l.CloseAsync(rid)));
        var response = await owner.SubmitAsync(form, Form("9.999"), "main form", $"/ideeen/{id}/bewerken");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Ronde 3 is gesloten", (await Forms.ParseAsync(response)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1500, await _app.WithDbAsync(db => db.Ideas.Where(i => i.Id == id).Select(i => i.EstimatedCost).SingleAsync()));
    }

    [Fact]
    public async Task Staff_admit_or_refuse_with_a_public_reason_that_is_mailed_and_unreviewed_ideas_block_publishing()
    {
        var (_, admitted) = await SubmitAsync("anna@example.nl");
        var (_, refused) = await SubmitAsync("bram@example.nl", Form(title: "Een zwembad"));
        var (_, waiting) = await SubmitAsync("cleo@example.nl", Form(title: "Een hondenveld"));
        var staff = await _app.SignInAsync("medewerker@example.nl");

        (await staff.SubmitAsync($"/beheer/ideeen/{admitted}", new Dictionary<string, string> { ["Admit.FinalCost"] = "€ 2.400", ["Admit.Note"] = "Inclusief plaatsing." }, "form[action*='handler=Admit']"))
            .AssertRedirect($"/beheer/ideeen/{admitted}");
        var noReason = await staff.SubmitAsync($"/beheer/ideeen/{refused}", new Dictionary<string, string> { ["Refuse.Reason"] = "", ["Refuse.Note"] = "" }, "form[action*='handler=Refuse']");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var errors = await Forms.ParseAsync(noReason);
        Assert.NotNull(errors.QuerySelector("#Refuse_Reason-error"));
        Assert.NotNull(errors.QuerySelector("#Refuse_Note-error"));
        // Refusing first shows what will be published and mailed; nothing happens until that is confirmed.
        var confirm = await staff.SubmitAsync($"/beheer/ideeen/{refused}", new Dictionary<string, string> { ["Refuse.Reason"] = "too-expensive", ["Refuse.Note"] = "Een zwembad kost miljoenen." }, "form[action*='handler=Refuse']");
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var confirmPage = await Forms.ParseAsync(confirm);
        Assert.StartsWith("Niet toelaten bevestigen: Een zwembad · ", confirmPage.Title, StringComparison.Ordinal);
        var shown = confirmPage.QuerySelector("main")!.TextContent;
        Assert.True(shown.Contains("Dit kost meer dan het budget van het thema", StringComparison.Ordinal) && shown.Contains("Een zwembad kost miljoenen.", StringComparison.Ordinal), shown);
        Assert.Null(confirmPage.QuerySelector("form[action*='handler=Admit']"));
        Assert.Equal(IdeaStatus.Submitted, await _app.WithDbAsync(db => db.Ideas.Where(i => i.Id == refused).Select(i => i.Status).SingleAsync()));
        Assert.Equal(0, await _app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == "bram@example.nl" && m.Kind == "idea-reviewed")));
        (await staff.SubmitAsync(confirmPage, new Dictionary<string, string>(), "main form[action*='handler=Refuse']", $"/beheer/ideeen/{refused}"))
            .AssertRedirect($"/beheer/ideeen/{refused}");

        var admittedMail = await _smtp.WaitForMailAsync("anna@example.nl", m => m.Subject.Contains("toegelaten", StringComparison.Ordinal));
        Assert.Contains("€ 2.400", admittedMail.Text, StringComparison.Ordinal);
        var refusedMail = await _smtp.WaitForMailAsync("bram@example.nl", m => m.Subject.Contains("niet toegelaten", StringComparison.Ordinal));
        Assert.Contains("Dit kost meer dan het budget van het thema", refusedMail.Text, StringComparison.Ordinal);
        Assert.Contains("Een zwembad kost miljoenen.", refusedMail.Text, StringComparison.Ordinal);
        var publicPage = await _app.CreateBrowserlessClient().GetDocumentAsync($"/ideeen/{refused}");
        Assert.Contains("Een zwembad kost miljoenen.", publicPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(TransitionError.None, await _app.StepAsync(3, (l, id) => l.CloseAsync(id)));
        var editionId = await _app.WithDbAsync(db => db.Editions.Select(e => e.Id).SingleAsync());
        var rounds = $"/beheer/edities/{editionId}/rondes";
        var (blocked, _) = await staff.RoundStepPageAsync(rounds, "publiceren");
        Assert.Null(blocked.QuerySelector("main form"));
        Assert.Contains("Nog 1 idee is niet beoordeeld", blocked.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        (await staff.SubmitAsync($"/beheer/ideeen/{waiting}", new Dictionary<string, string> { ["Admit.FinalCost"] = "1500" }, "form[action*='handler=Admit']")).AssertRedirect($"/beheer/ideeen/{waiting}");
        (await staff.RoundStepAsync(rounds, "publiceren")).AssertRedirect(rounds);
        var forRoundFour = await _app.WithDbAsync(db => db.Ideas.Where(i => i.Status == IdeaStatus.Admitted).OrderBy(i => i.Id).Select(i => i.FinalCost).ToListAsync());
        Assert.Equal([2400L, 1500L], forRoundFour);
        var actions = await _app.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync());
        Assert.Equal(2, actions.Count(a => a == "idea.admitted"));
        Assert.Contains("idea.not-admitted", actions);
    }

    [Fact]
    public async Task Staff_move_an_idea_to_the_right_theme_and_the_submitter_is_told()
    {
        var (_, id) = await SubmitAsync("verkeerd@example.nl", Form(title: "Drempel in de Akersteenweg", theme: 0));
        var staff = await _app.SignInAsync("medewerker@example.nl");
        var noNote = await staff.SubmitAsync($"/beheer/ideeen/{id}", new Dictionary<string, string> { ["Move.ThemeId"] = _themes[1].ToString(CultureInfo.InvariantCulture), ["Move.Note"] = "" }, "form[action*='handler=Move']");
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        (await staff.SubmitAsync($"/beheer/ideeen/{id}", new Dictionary<string, string> { ["Move.ThemeId"] = _themes[1].ToString(CultureInfo.InvariantCulture), ["Move.Note"] = "Dit gaat over verkeer." }, "form[action*='handler=Move']"))
            .AssertRedirect($"/beheer/ideeen/{id}");
        Assert.Equal(_themes[1], await _app.WithDbAsync(db => db.Ideas.Where(i => i.Id == id).Select(i => i.ThemeId).SingleAsync()));
        var mail = await _smtp.WaitForMailAsync("verkeerd@example.nl", m => m.Subject.Contains("ander thema", StringComparison.Ordinal));
        Assert.Contains("van het thema Groen en spelen naar Verkeersveiligheid", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reported_idea_is_hidden_with_a_reason_and_the_submitter_is_told()
    {
        var (_, id) = await SubmitAsync("grof@example.nl", Form(title: "Iets ongepasts"));
        await _app.CreateAsync("melder@example.nl", Roles.Resident);
        var reporter = await _app.SignInAsync("melder@example.nl");
        (await reporter.SubmitAsync($"/ideeen/{id}", new Dictionary<string, string> { ["ReportReason"] = "Beledigend." }, "form[action*='handler=Report']")).AssertRedirect($"/ideeen/{id}");

        var staff = await _app.SignInAsync("medewerker@example.nl");
        var reports = await staff.GetDocumentAsync("/beheer/meldingen");
        Assert.Contains("Beledigend.", reports.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        (await staff.SubmitAsync($"/beheer/ideeen/{id}", new Dictionary<string, string> { ["HideReason"] = "Beledigende inhoud." }, "form[action*='handler=Hide']")).AssertRedirect($"/beheer/ideeen/{id}");

        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateBrowserlessClient().GetAsync($"/ideeen/{id}")).StatusCode);
        Assert.DoesNotContain("Iets ongepasts", (await _app.CreateBrowserlessClient().GetDocumentAsync("/ideeen")).Body!.TextContent, StringComparison.Ordinal);
        var mail = await _smtp.WaitForMailAsync("grof@example.nl", m => m.Subject.Contains("verborgen", StringComparison.Ordinal));
        Assert.Contains("Beledigende inhoud.", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Beledigend.", (await staff.GetDocumentAsync("/beheer/meldingen")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_filters_by_theme_and_buurt_and_text_and_answers_htmx_with_the_list_only()
    {
        await SubmitAsync("a@example.nl", Form(title: "Bloemen in de Brusselsestraat", theme: 0));
        await SubmitAsync("b@example.nl", Form(title: "Zebrapad bij de school", theme: 1));
        var visitor = _app.CreateBrowserlessClient();
        var byTheme = await visitor.GetDocumentAsync($"/ideeen?thema={_themes[1]}");
        Assert.Contains("Zebrapad", byTheme.QuerySelector("#idee-lijst")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Bloemen", byTheme.QuerySelector("#idee-lijst")!.TextContent, StringComparison.Ordinal);

        Assert.Equal("/ideeen", byTheme.QuerySelector("form.bb-filters")!.GetAttribute("data-hx-get"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ideeen?q=bloemen");
        request.Headers.Add("HX-Request", "true");
        var response = await visitor.SendAsync(request);
        var fragment = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"idee-lijst\"", fragment.Trim(), StringComparison.Ordinal);
        Assert.Contains("Bloemen", fragment, StringComparison.Ordinal);
        Assert.DoesNotContain("Zebrapad", fragment, StringComparison.Ordinal);
        Assert.Contains("HX-Request", response.Headers.Vary);
    }
}
