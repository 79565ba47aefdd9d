using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Stemcodes;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Stemcodes;
using Burgerbegroting.Web.Stemcodes;
using Burgerbegroting.Web.Tests.Editions;
using Burgerbegroting.Web.Tests.Infrastructure;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace Burgerbegroting.Web.Tests.Stemcodes;

/// <summary>
/// Staff issue stemcodes through their pages (docs/stemcodes.md, "Issuing"): the edition setting, the register
/// import, anonymous codes, the batch's downloads and erasure, finding, revoking and replacing a code, the overview.
/// </summary>
public sealed class StemcodeIssuingTests : IAsyncLifetime
{
    private const string Header = "naam;postcode;huisnummer;toevoeging;geboortejaar";

    /// <summary>Five addressees: three in Centrum (6211-6212), two in Malberg (6214, 6215 AA).</summary>
    private static readonly string[] FiveAddressees =
    [
        "\"Jansen; J.\";6211 AB;1;;1970",
        "P. de Vries;6211AB;3;A;1985",
        "Céline Smeets;6212 cd;12;;",
        "M. Bakker;6214 XY;5;-2;1990",
        "Fatima El Amrani;6215AA;7;;2001",
    ];

    private readonly AppFactory _app = new();
    private Edition _edition = null!;
    private HttpClient _staff = null!;

    public async ValueTask InitializeAsync()
    {
        _edition = await _app.CreateStemcodeEditionAsync();
        await _app.CreateAsync("medewerker@example.nl", Roles.Staff);
        _staff = await _app.SignInAsync("medewerker@example.nl");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private string Overview => $"/beheer/edities/{_edition.Id}/stemcodes";

    private string SearchPage => $"/beheer/edities/{_edition.Id}/stemcodes/zoeken";

    [Fact]
    public async Task Staff_choose_stemcodes_in_the_settings_and_once_round_one_opens_a_post_cannot_change_it()
    {
        // As a new edition starts: voting with accounts.
        await _app.WithDbAsync(db => db.Editions.ExecuteUpdateAsync(s => s.SetProperty(e => e.VoterRoll, VoterRoll.Accounts)));
        var settings = $"/beheer/edities/{_edition.Id}";
        var page = await _staff.GetDocumentAsync(settings);
        Assert.Equal(nameof(VoterRoll.Accounts), Selected(page, "Input.VoterRoll"));
        Assert.False(page.QuerySelector("select[name='Input.VoterRoll']")!.HasAttribute("disabled"));

        (await _staff.SubmitAsync(page, SettingsFields(page, VoterRoll.Stemcodes), pageUrl: settings)).AssertRedirect(settings);
        Assert.Equal(VoterRoll.Stemcodes, await VoterRollAsync());
        page = await _staff.GetDocumentAsync(settings);
        Assert.Equal(nameof(VoterRoll.Stemcodes), Selected(page, "Input.VoterRoll"));
        Assert.NotNull((await _staff.GetDocumentAsync(Overview)).QuerySelector("form[action*='handler=Import']"));

        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.OpenAsync(id)));
        page = await _staff.GetDocumentAsync(settings);
        var select = page.QuerySelector("select[name='Input.VoterRoll']")!;
        Assert.True(select.HasAttribute("disabled"));
        Assert.Equal(nameof(VoterRoll.Stemcodes), Selected(page, "Input.VoterRoll"));

        // A hand-made POST with the disabled field filled in saves the name, not the voter roll.
        var fields = SettingsFields(page, VoterRoll.Accounts);
        fields["Input.Name"] = "Burgerbegroting Maastricht 2027 (hernoemd)";
        (await _staff.SubmitAsync(page, fields, pageUrl: settings)).AssertRedirect(settings);
        var saved = await _app.WithDbAsync(db => db.Editions.AsNoTracking().SingleAsync());
        Assert.Equal("Burgerbegroting Maastricht 2027 (hernoemd)", saved.Name);
        Assert.Equal(VoterRoll.Stemcodes, saved.VoterRoll);
    }

    [Fact]
    public async Task A_register_upload_makes_a_batch_with_the_buurt_from_the_postcode_and_stores_no_code_only_its_hash()
    {
        var response = await UploadAsync(Csv(FiveAddressees));

        var batch = await SingleBatchAsync();
        response.AssertRedirect($"{Overview}/reeks/{batch.Id}");
        Assert.Equal((StemcodeBatchKind.Register, 5), (batch.Kind, batch.Count));
        var rows = await PrintFileRowsAsync(batch.Id);
        Assert.Equal(5, rows.Count);
        Assert.Equal(
            [
                ("Centrum", "Jansen; J.", "6211 AB", "1"), ("Centrum", "P. de Vries", "6211 AB", "3 A"), ("Centrum", "Céline Smeets", "6212 CD", "12"),
                ("Malberg", "M. Bakker", "6214 XY", "5-2"), ("Malberg", "Fatima El Amrani", "6215 AA", "7"),
            ],
            rows.Select(r => (r[1], r[2], r[3], r[4])));

        var stored = await _app.WithDbAsync(db => db.VotingCodes.AsNoTracking().OrderBy(c => c.Index).ToListAsync());
        foreach (var (row, i) in rows.Select((r, i) => (r, i)))
        {
            var code = await _app.CodeRowAsync(row[0]);
            Assert.Equal(stored[i].Id, code.Id);
            Assert.Equal((row[1], Postcode(row[3]), row[4]), (code.Buurt, code.Postcode, code.HouseNumber));
        }

        Assert.Equal(["Jansen; J.", "P. de Vries", "Céline Smeets", "M. Bakker", "Fatima El Amrani"], stored.Select(c => c.Name));
        Assert.Equal(new int?[] { 1970, 1985, null, 1990, 2001 }, stored.Select(c => c.BirthYear));
        await AssertNoValueHoldsAsync([.. rows.Select(r => r[0])]);
    }

    [Fact]
    public async Task A_register_with_errors_answers_400_with_each_problem_and_its_line_next_to_the_upload_and_imports_nothing()
    {
        // Line 4 as Excel's plain "CSV" writes it on Windows: "è" is the single byte E8 of Windows-1252.
        var csv = Concat(
            Csv("A. Janssen;6211AB;1;;", "B. Peters;62X1 AB;2;;"),
            Encoding.Latin1.GetBytes("Genevi\u00e8ve Claes;6211AB;4;;\r\n"),
            Encoding.UTF8.GetBytes("D. Wijnen;6212CD;;;\r\nE. Hoen;6214XY;6;;\r\n"));
        Assert.Contains((byte)0xE8, csv);

        var response = await UploadAsync(csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        var form = page.QuerySelector("form[action*='handler=Import']")!;
        Assert.Contains("niet ingelezen", form.QuerySelector("#Register-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", form.QuerySelector("#Register")!.GetAttribute("aria-invalid"));
        var problems = form.QuerySelectorAll(".bb-import-problems li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(3, problems.Count);
        Assert.Equal("Regel 3: geen Nederlandse postcode: \"62X1 AB\"", problems[0]);
        Assert.StartsWith("Regel 4: het bestand is geen UTF-8", problems[1], StringComparison.Ordinal);
        Assert.Equal("Regel 5: het huisnummer ontbreekt", problems[2]);
        Assert.Equal(0, await _app.WithDbAsync(db => db.VotingCodes.CountAsync()));
        Assert.Equal(0, await _app.WithDbAsync(db => db.StemcodeBatches.CountAsync()));
    }

    [Fact]
    public async Task An_address_outside_the_area_is_listed_with_400_and_ticking_skip_imports_the_rest()
    {
        var csv = Csv([.. FiveAddressees[..2], "K. Amsterdam;1011 AB;1;;", FiveAddressees[3]]);

        var refused = await UploadAsync(csv);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var form = (await Forms.ParseAsync(refused)).QuerySelector("form[action*='handler=Import']")!;
        Assert.Equal(["Regel 4: 1011 AB"], form.QuerySelectorAll(".bb-import-problems li").Select(li => li.TextContent.Trim()));
        Assert.Contains("3 adressen zijn in orde", form.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await _app.WithDbAsync(db => db.VotingCodes.CountAsync()));

        var imported = await UploadAsync(csv, skipOutsideArea: true);

        var batch = await SingleBatchAsync();
        imported.AssertRedirect($"{Overview}/reeks/{batch.Id}");
        Assert.Equal(3, batch.Count);
        Assert.Equal(["6211AB", "6211AB", "6214XY"], await _app.WithDbAsync(db => db.VotingCodes.OrderBy(c => c.Index).Select(c => c.Postcode!).ToListAsync()));
    }

    [Fact]
    public async Task Anonymous_codes_make_a_batch_for_one_buurt_and_a_bad_count_or_buurt_answers_400_next_to_the_field()
    {
        var made = await AnonymousAsync("Malberg", "3");

        var batch = await SingleBatchAsync();
        made.AssertRedirect($"{Overview}/reeks/{batch.Id}");
        Assert.Equal((StemcodeBatchKind.Anonymous, 3), (batch.Kind, batch.Count));
        var codes = await _app.WithDbAsync(db => db.VotingCodes.AsNoTracking().ToListAsync());
        Assert.Equal(3, codes.Count);
        Assert.All(codes, c => Assert.Equal(("Malberg", null, null, null), (c.Buurt, c.Postcode, c.HouseNumber, c.Name)));

        foreach (var (buurt, count, field, message) in new[]
        {
            ("Centrum", "0", "AnonymousCount", "Aantal codes moet tussen 1 en 10000 liggen."),
            ("Centrum", "", "AnonymousCount", "Aantal codes moet tussen 1 en 10000 liggen."),
            ("Centrum", "abc", "AnonymousCount", "De waarde 'abc' is niet geldig."),
            ("Centrum", "10001", "AnonymousCount", "Aantal codes moet tussen 1 en 10000 liggen."),
            ("Nergens", "3", "AnonymousBuurt", "Kies een buurt van deze editie."),
        })
        {
            var refused = await AnonymousAsync(buurt, count);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var page = await Forms.ParseAsync(refused);
            Assert.Equal(message, page.QuerySelector($"form[action*='handler=Anonymous'] #{field}-error")!.TextContent.Trim());
            Assert.Equal("true", page.QuerySelector($"#{field}")!.GetAttribute("aria-invalid"));
        }

        Assert.Equal(1, await _app.WithDbAsync(db => db.StemcodeBatches.CountAsync()));
        Assert.Equal(3, await _app.WithDbAsync(db => db.VotingCodes.CountAsync()));
    }

    [Fact]
    public async Task In_an_edition_that_votes_with_accounts_the_issuing_forms_answer_409_and_make_nothing()
    {
        // The page was opened while the edition still used stemcodes; the setting changed before the forms were sent.
        var page = await _staff.GetDocumentAsync(Overview);
        await _app.WithDbAsync(db => db.Editions.ExecuteUpdateAsync(s => s.SetProperty(e => e.VoterRoll, VoterRoll.Accounts)));

        var anonymous = await _staff.SubmitAsync(page, new Dictionary<string, string> { ["AnonymousBuurt"] = "Centrum", ["AnonymousCount"] = "3" }, "form[action*='handler=Anonymous']");
        var upload = await UploadAsync(Csv(FiveAddressees), page: page);

        Assert.Equal(HttpStatusCode.Conflict, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, upload.StatusCode);
        var answer = await Forms.ParseAsync(upload);
        Assert.Contains("werkt met accounts", answer.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(answer.QuerySelector("form[action*='handler=Import']"));
        Assert.Equal(0, await _app.WithDbAsync(db => db.StemcodeBatches.CountAsync()));
        Assert.Equal(0, await _app.WithDbAsync(db => db.VotingCodes.CountAsync()));
    }

    [Fact]
    public async Task A_batch_downloads_its_print_file_and_letters_per_buurt_counted_and_audited_until_erased_and_its_codes_still_vote()
    {
        await UploadAsync(Csv(FiveAddressees));
        var batch = await SingleBatchAsync();
        var batchPage = $"{Overview}/reeks/{batch.Id}";
        // A revoked code is no longer printed.
        Assert.Equal(HttpStatusCode.Redirect, (await RevokeAsync("6212CD", "12")).StatusCode);

        var page = await _staff.GetDocumentAsync(batchPage);
        var printFile = await _staff.GetAsync(Link(page, "handler=PrintFile"));
        Assert.Equal("text/csv", printFile.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"stemcodes-reeks-{batch.Id}.csv", printFile.Content.Headers.ContentDisposition!.FileNameStar);
        var bytes = await printFile.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        Assert.Equal("code;buurt;naam;postcode;huisnummer;link", Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n")[0]);
        var rows = ReadPrintFile(bytes);
        Assert.Equal(["Jansen; J.", "P. de Vries", "M. Bakker", "Fatima El Amrani"], rows.Select(r => r[2]));
        Assert.All(rows, r => Assert.EndsWith($"/stemmen/code#code={r[0]}", r[5], StringComparison.Ordinal));

        foreach (var (buurt, letters) in new[] { ("Centrum", 2), ("Malberg", 2) })
        {
            var pdf = await _staff.GetAsync(Link(page, $"buurt={buurt}"));
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
            var content = await pdf.Content.ReadAsByteArrayAsync();
            Assert.Equal("%PDF"u8.ToArray(), content[..4]);
            using var document = PdfDocument.Open(content);
            Assert.Equal(letters, document.NumberOfPages);
            Assert.All(rows.Where(r => r[1] == buurt), r => Assert.Contains(r[0], string.Concat(document.GetPages().Select(p => p.Text)), StringComparison.Ordinal));
        }

        Assert.Equal(3, (await SingleBatchAsync()).Downloads);
        Assert.Equal(3, await _app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "stemcodes.exported" && a.SubjectId == batch.Id.ToString(CultureInfo.InvariantCulture))));
        Assert.Contains("3 keer gedownload", (await _staff.GetDocumentAsync(batchPage)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var unconfirmed = await _staff.SubmitAsync(batchPage, new Dictionary<string, string>(), "form[action*='handler=Close']");
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Equal("Vink aan dat u de bestanden hebt opgeslagen.", (await Forms.ParseAsync(unconfirmed)).QuerySelector("#confirmed-error")!.TextContent.Trim());
        Assert.NotNull((await SingleBatchAsync()).ProtectedSeed);

        (await _staff.SubmitAsync(batchPage, new Dictionary<string, string> { ["confirmed"] = "true" }, "form[action*='handler=Close']")).AssertRedirect(batchPage);
        var closed = await SingleBatchAsync();
        Assert.Null(closed.ProtectedSeed);
        Assert.NotNull(closed.ExportClosedAt);
        Assert.Equal(1, await _app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "stemcodes.export-closed")));
        var after = await _staff.GetDocumentAsync(batchPage);
        Assert.Null(after.QuerySelector("a[href*='handler=']"));
        foreach (var download in new[] { Link(page, "handler=PrintFile"), Link(page, "buurt=Centrum") })
        {
            var gone = await _staff.GetAsync(download);
            Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
            Assert.Equal("text/html", gone.Content.Headers.ContentType!.MediaType);
            Assert.Contains("zijn gewist en niet meer te downloaden", (await Forms.ParseAsync(gone)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(3, (await SingleBatchAsync()).Downloads);
        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.OpenAsync(id)));
        var voter = _app.CreateBrowserlessClient();
        (await voter.EnterCodeAsync(rows[3][0])).AssertRedirect("/stemmen/themas");
        (await ChooseThemesAsync(voter, (await _app.ThemeIdsAsync())[0])).AssertRedirect("/stemmen/code");
        Assert.Equal((await _app.CodeRowAsync(rows[3][0])).VoterId, await _app.WithDbAsync(db => db.Participations.Select(p => p.VoterId).SingleAsync()));
    }

    [Fact]
    public async Task Staff_find_a_code_by_address_revoke_it_only_when_confirmed_and_a_replacement_votes_where_the_old_code_is_refused()
    {
        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.OpenAsync(id)));
        await UploadAsync(Csv(FiveAddressees));
        var first = await SingleBatchAsync();
        var printed = (await PrintFileRowsAsync(first.Id)).ToDictionary(r => r[2], r => r[0]);

        var found = await _staff.GetDocumentAsync($"{SearchPage}?postcode=6211+ab&houseNumber=3+A");
        var card = Assert.Single(found.QuerySelectorAll("main section.bb-card"));
        Assert.Contains("P. de Vries, 6211AB 3 A", card.QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("geldig", card.TextContent, StringComparison.Ordinal);
        // Without a house number, every code at the postcode.
        Assert.Equal(2, (await _staff.GetDocumentAsync($"{SearchPage}?postcode=6211AB")).QuerySelectorAll("main section.bb-card").Length);

        var devries = await _app.CodeRowAsync(printed["P. de Vries"]);
        var unconfirmed = await RevokeAsync("6211AB", "3 A", confirmed: false);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        var refusedPage = await Forms.ParseAsync(unconfirmed);
        Assert.Equal("Vink aan dat u zeker weet dat de code moet worden ingetrokken.", refusedPage.QuerySelector($"#confirmed-{devries.Id}-error")!.TextContent.Trim());
        Assert.Equal($"confirmed-{devries.Id}-error", refusedPage.QuerySelector($"#confirmed-{devries.Id}")!.GetAttribute("aria-describedby"));
        Assert.Null((await _app.CodeRowAsync(printed["P. de Vries"])).RevokedAt);

        (await RevokeAsync("6211AB", "3 A")).AssertRedirect(SearchPage);
        Assert.NotNull((await _app.CodeRowAsync(printed["P. de Vries"])).RevokedAt);
        Assert.Equal(devries.Id.ToString(CultureInfo.InvariantCulture), await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "stemcode.revoked").Select(a => a.SubjectId).SingleAsync()));
        Assert.Contains("ingetrokken op", (await _staff.GetDocumentAsync($"{SearchPage}?postcode=6211AB&houseNumber=3+A")).QuerySelector("main section.bb-card")!.TextContent, StringComparison.Ordinal);

        var replaced = await RevokeAsync("6214XY", "5-2", replace: true);

        var replacement = await _app.WithDbAsync(db => db.StemcodeBatches.AsNoTracking().SingleAsync(b => b.Id != first.Id));
        replaced.AssertRedirect($"{Overview}/reeks/{replacement.Id}");
        Assert.Equal((StemcodeBatchKind.Replacement, 1), (replacement.Kind, replacement.Count));
        var newCode = Assert.Single(await PrintFileRowsAsync(replacement.Id));
        Assert.Equal(["Malberg", "M. Bakker", "6214 XY", "5-2"], newCode[1..5]);
        var oldRow = await _app.CodeRowAsync(printed["M. Bakker"]);
        var newRow = await _app.CodeRowAsync(newCode[0]);
        Assert.NotNull(oldRow.RevokedAt);
        Assert.Equal(newRow.Id, oldRow.ReplacedById);
        Assert.Equal((oldRow.Buurt, oldRow.Postcode, oldRow.HouseNumber, oldRow.Name, oldRow.BirthYear), (newRow.Buurt, newRow.Postcode, newRow.HouseNumber, newRow.Name, newRow.BirthYear));
        Assert.Equal(1, await _app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "stemcode.replaced")));

        var refused = await _app.CreateBrowserlessClient().EnterCodeAsync(printed["M. Bakker"]);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("ingetrokken", (await Forms.ParseAsync(refused)).QuerySelector("#Code-error")!.TextContent, StringComparison.Ordinal);
        var voter = _app.CreateBrowserlessClient();
        (await voter.EnterCodeAsync(newCode[0])).AssertRedirect("/stemmen/themas");
        (await ChooseThemesAsync(voter, (await _app.ThemeIdsAsync())[1])).AssertRedirect("/stemmen/code");
        Assert.Equal(newRow.VoterId, await _app.WithDbAsync(db => db.Participations.Select(p => p.VoterId).SingleAsync()));
    }

    [Fact]
    public async Task The_overview_counts_issued_revoked_linked_and_voted_codes_per_buurt_and_in_total()
    {
        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.OpenAsync(id)));
        await UploadAsync(Csv(FiveAddressees));
        var codes = (await PrintFileRowsAsync((await SingleBatchAsync()).Id)).ToDictionary(r => r[2], r => r[0]);
        (await AnonymousAsync("Malberg", "2")).AssertRedirect($"{Overview}/reeks/");
        (await RevokeAsync("6212CD", "12")).AssertRedirect(SearchPage);
        var themes = await _app.ThemeIdsAsync();
        // A Centrum code votes on its own; a Malberg code is linked to an account that votes through it.
        var byCode = _app.CreateBrowserlessClient();
        (await byCode.EnterCodeAsync(codes["Jansen; J."])).AssertRedirect("/stemmen/themas");
        (await ChooseThemesAsync(byCode, themes[0])).AssertRedirect("/stemmen/code");
        await _app.CreateAsync("bewoner@example.nl", Roles.Resident);
        var resident = await _app.SignInAsync("bewoner@example.nl");
        (await resident.EnterCodeAsync(codes["Fatima El Amrani"])).AssertRedirect("/stemmen/themas");
        (await ChooseThemesAsync(resident, themes[1], themes[2])).AssertRedirect("/stemmen/themas");
        Assert.Equal(2, await _app.WithDbAsync(db => db.Ballots.CountAsync()));

        var page = await _staff.GetDocumentAsync(Overview);

        var table = page.QuerySelector("main table")!;
        Assert.Equal(["Buurt", "Uitgegeven", "Ingetrokken", "Gekoppeld", "Gestemd ronde 1", "Gestemd ronde 2", "Gestemd ronde 4"],
            table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));
        Assert.Equal(
            [["Centrum", "3", "1", "0", "1", "0", "0"], ["Malberg", "4", "0", "1", "1", "0", "0"], ["Totaal", "7", "1", "1", "2", "0", "0"]],
            table.QuerySelectorAll("tbody tr, tfoot tr").Select(tr => tr.Children.Select(c => c.TextContent.Trim()).ToArray()));
        Assert.Contains("7 codes uitgegeven, waarvan 1 ingetrokken; 1 gekoppeld aan een account.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stemcode_pages_are_valid_html()
    {
        var folder = TestEnvironment.NewTempDirectory("html");
        var saved = 0;
        async Task SaveAsync(HttpResponseMessage response, string name)
        {
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(html.Contains("<html", StringComparison.Ordinal), $"{name}: {(int)response.StatusCode}, no page");
            await File.WriteAllTextAsync(Path.Combine(folder, $"{saved++:00}-{name}.html"), html);
        }

        var settings = $"/beheer/edities/{_edition.Id}";
        await SaveAsync(await _staff.GetAsync(settings), "settings-stemcodes");
        await SaveAsync(await _staff.GetAsync(Overview), "overview-empty");
        await UploadAsync(Csv(FiveAddressees));
        var batch = await SingleBatchAsync();
        var batchPage = $"{Overview}/reeks/{batch.Id}";
        var codes = await PrintFileRowsAsync(batch.Id);
        await AnonymousAsync("Centrum", "2");
        var badUpload = await UploadAsync(Csv("A;6211AB;1;;", "B;62X1AB;2;;", "C;1011AB;3;;"));
        Assert.Equal(HttpStatusCode.BadRequest, badUpload.StatusCode);
        await SaveAsync(badUpload, "overview-import-problems");
        var badAnonymous = await AnonymousAsync("Nergens", "abc");
        Assert.Equal(HttpStatusCode.BadRequest, badAnonymous.StatusCode);
        await SaveAsync(badAnonymous, "overview-anonymous-errors");
        await SaveAsync(await _staff.GetAsync(Overview), "overview-batches");
        await SaveAsync(await _staff.GetAsync(batchPage), "batch-open");
        var unconfirmedClose = await _staff.SubmitAsync(batchPage, new Dictionary<string, string>(), "form[action*='handler=Close']");
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmedClose.StatusCode);
        await SaveAsync(unconfirmedClose, "batch-close-unconfirmed");
        await SaveAsync(await _staff.GetAsync(SearchPage), "search-empty");
        await SaveAsync(await _staff.GetAsync($"{SearchPage}?postcode=6211AB"), "search-results");
        var unconfirmedRevoke = await RevokeAsync("6211AB", "1", confirmed: false);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmedRevoke.StatusCode);
        await SaveAsync(unconfirmedRevoke, "search-unconfirmed");
        (await RevokeAsync("6211AB", "1")).AssertRedirect(SearchPage);
        await SaveAsync(await _staff.GetAsync($"{SearchPage}?postcode=6211AB&houseNumber=1"), "search-revoked");

        Assert.Equal(TransitionError.None, await _app.StepAsync(1, (l, id) => l.OpenAsync(id)));
        var visitor = _app.CreateBrowserlessClient();
        await SaveAsync(await visitor.GetAsync("/stemmen/code"), "code-empty");
        var wrong = await visitor.EnterCodeAsync(Stemcode.Format(StemcodeGenerator.Code(new byte[StemcodeGenerator.SeedBytes], 0)));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        await SaveAsync(wrong, "code-wrong");
        (await visitor.EnterCodeAsync(codes[1][0])).AssertRedirect("/stemmen/themas");
        await SaveAsync(await visitor.GetAsync("/stemmen/code"), "code-session");

        (await _staff.SubmitAsync(batchPage, new Dictionary<string, string> { ["confirmed"] = "true" }, "form[action*='handler=Close']")).AssertRedirect(batchPage);
        await SaveAsync(await _staff.GetAsync(batchPage), "batch-erased");
        var gone = await _staff.GetAsync($"{batchPage}?handler=PrintFile");
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        await SaveAsync(gone, "batch-gone");
        await SaveAsync(await _staff.GetAsync(settings), "settings-locked");

        var errors = await HtmlChecker.ErrorsAsync(folder);
        Assert.True(errors.Count == 0, $"{errors.Count} HTML errors in {saved} pages:\n" + string.Join("\n", errors.Take(40)));
    }

    /// <summary>Lines of a register extract as Excel writes "CSV UTF-8": byte order mark, CRLF, the header first.</summary>
    private static byte[] Csv(params string[] rows) =>
        [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(string.Concat(rows.Prepend(Header).Select(r => r + "\r\n")))];

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    private static string Postcode(string printed) => printed.Replace(" ", "", StringComparison.Ordinal);

    /// <summary>Uploads an extract through the import form of the overview (or of <paramref name="page"/>, opened earlier).</summary>
    private async Task<HttpResponseMessage> UploadAsync(byte[] csv, bool skipOutsideArea = false, IHtmlDocument? page = null)
    {
        page ??= await _staff.GetDocumentAsync(Overview);
        var form = page.QuerySelector("form[action*='handler=Import']")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
        };
        if (skipOutsideArea)
        {
            content.Add(new StringContent("true"), "SkipOutsideArea");
        }

        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "Register", "register.csv");
        return await _staff.PostAsync(form.GetAttribute("action"), content);
    }

    private async Task<HttpResponseMessage> AnonymousAsync(string buurt, string count) =>
        await _staff.SubmitAsync(Overview, new Dictionary<string, string> { ["AnonymousBuurt"] = buurt, ["AnonymousCount"] = count }, "form[action*='handler=Anonymous']");

    /// <summary>Finds the one code at an address on the search page and presses revoke (or replace) on it.</summary>
    private async Task<HttpResponseMessage> RevokeAsync(string postcode, string houseNumber, bool confirmed = true, bool replace = false)
    {
        var page = await _staff.GetDocumentAsync($"{SearchPage}?postcode={Uri.EscapeDataString(postcode)}&houseNumber={Uri.EscapeDataString(houseNumber)}");
        var form = Assert.Single(page.QuerySelectorAll("main section form"));
        var button = form.QuerySelector($"button[formaction*='handler={(replace ? "Replace" : "Revoke")}']")!;
        var fields = confirmed ? new Dictionary<string, string> { ["confirmed"] = "true" } : [];
        return await _staff.SubmitToAsync(page, fields, "main section form", button.GetAttribute("formaction")!);
    }

    private async Task<List<string[]>> PrintFileRowsAsync(int batch)
    {
        var page = await _staff.GetDocumentAsync($"{Overview}/reeks/{batch}");
        var response = await _staff.GetAsync(Link(page, "handler=PrintFile"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ReadPrintFile(await response.Content.ReadAsByteArrayAsync());
    }

    private static List<string[]> ReadPrintFile(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes, new CsvReaderOptions { Separator = ';' });
        Assert.Equal(PrintFile.Header, reader.Headers);
        var rows = new List<string[]>();
        foreach (var row in reader)
        {
            rows.Add(row.ToArray());
        }

        return rows;
    }

    private static string Link(IHtmlDocument page, string hrefPart) =>
        page.QuerySelector($"main a[href*='{hrefPart}']")?.GetAttribute("href") ?? throw new InvalidOperationException($"No link with {hrefPart}");

    private async Task<StemcodeBatch> SingleBatchAsync() => await _app.WithDbAsync(db => db.StemcodeBatches.AsNoTracking().SingleAsync());

    private async Task<VoterRoll> VoterRollAsync() => await _app.WithDbAsync(db => db.Editions.Select(e => e.VoterRoll).SingleAsync());

    private static string? Selected(IHtmlDocument page, string name) =>
        page.QuerySelector($"select[name='{name}'] option[selected]")?.GetAttribute("value");

    /// <summary>The settings form's fields as shown (its inputs go by themselves), with the voter roll chosen.</summary>
    private static Dictionary<string, string> SettingsFields(IHtmlDocument page, VoterRoll roll) => new()
    {
        ["Input.OutcomeRule"] = Selected(page, "Input.OutcomeRule")!,
        ["Input.Introduction"] = page.QuerySelector("textarea[name='Input.Introduction']")!.TextContent,
        ["Input.VoterRoll"] = roll.ToString(),
    };

    private static async Task<HttpResponseMessage> ChooseThemesAsync(HttpClient client, params int[] themes)
    {
        var page = await client.GetDocumentAsync("/stemmen/themas");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = themes.Select(id => new KeyValuePair<string, string>("Chosen", id.ToString(CultureInfo.InvariantCulture))).Prepend(new("__RequestVerificationToken", token));
        return await client.PostAsync("/stemmen/themas", new FormUrlEncodedContent(fields));
    }

    /// <summary>
    /// No value anywhere in the database holds a printed code, as text (with or without dashes, any case) or as its
    /// bytes: the codes are only in the hashes.
    /// </summary>
    private async Task AssertNoValueHoldsAsync(IReadOnlyList<string> codes)
    {
        var forms = codes.SelectMany(c => new[] { c, Stemcode.Normalize(c)! }).ToList();
        var checkedValues = await _app.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
                await using var reader = await list.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            var values = 0;
            foreach (var table in tables)
            {
                values += await CheckTableAsync(connection, table, forms);
            }

            return values;
        });
        Assert.True(checkedValues > 0);
    }

    private static async Task<int> CheckTableAsync(DbConnection connection, string table, List<string> codes)
    {
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await select.ExecuteReaderAsync();
        var values = 0;
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.GetValue(i);
                var text = value switch
                {
                    string s => s,
                    byte[] b => Encoding.Latin1.GetString(b),
                    _ => null,
                };
                if (text is null)
                {
                    continue;
                }

                values++;
                var hit = codes.FirstOrDefault(c => text.Contains(c, StringComparison.OrdinalIgnoreCase));
                Assert.True(hit is null, $"{table}.{reader.GetName(i)} holds the code {hit}");
            }
        }

        return values;
    }
}
