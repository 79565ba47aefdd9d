using System.Net;
using System.Net.Http.Headers;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Tests.Editions;

public sealed class EditionSetupTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string page, string csv)
    {
        var document = await client.GetDocumentAsync(page);
        var token = document.QuerySelector("form[action*='handler=Import'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "csv", "buurten.csv");
        return await client.PostAsync(page + "?handler=Import", content);
    }

    [Fact]
    public async Task Buurten_are_imported_from_a_csv_and_a_bad_row_is_named()
    {
        var edition = await _app.CreateEditionAsync();
        await _app.CreateAsync("medewerker@example.nl", Roles.Staff);
        var staff = await _app.SignInAsync("medewerker@example.nl");
        var page = $"/beheer/edities/{edition.Id}/buurten";

        var bad = await UploadAsync(staff, page, "buurt;postcode\nCaberg;6216\nMariaberg;62x7\n");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Regel 3: '62x7'", (await Forms.ParseAsync(bad)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, await _app.WithDbAsync(db => db.Buurten.CountAsync()));

        var good = await UploadAsync(staff, page, "buurt;postcode\r\nCaberg;6216\r\nMariaberg;6217\r\nMariaberg;6218 AB\r\n");
        good.AssertRedirect(page);
        var buurten = await _app.WithDbAsync(db => db.Buurten.OrderBy(b => b.Name).Select(b => b.Name + ": " + b.Postcodes).ToListAsync());
        Assert.Equal(["Caberg: 6216", "Mariaberg: 6217, 6218 AB"], buurten);
        Assert.Equal("edition.buurten", await _app.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).SingleAsync()));
    }

    [Fact]
    public async Task The_home_page_says_what_to_do_now_and_the_ballot_speaks_English_too()
    {
        await _app.CreateEditionAsync();
        await _app.StepAsync(1, (l, id) => l.OpenAsync(id));
        var visitor = _app.CreateBrowserlessClient();
        var home = await visitor.GetDocumentAsync("/");
        Assert.Contains("Ronde 1 is open", home.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(home.QuerySelector("a[href='/stemmen/themas']"));

        await _app.CreateAsync("expat@example.nl", Roles.Resident);
        var resident = await _app.SignInAsync("expat@example.nl");
        var dutch = await resident.GetDocumentAsync("/stemmen/themas");
        (await resident.SubmitAsync(dutch, new Dictionary<string, string> { ["culture"] = "en-GB" }, "form.bb-lang", "/taal")).AssertRedirect("/stemmen/themas");
        var english = await resident.GetDocumentAsync("/stemmen/themas");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Which themes do you find most important?", english.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Save my vote", english.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
