using System.Text.Json;
using System.Text.Json.Serialization;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Web.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Burgerbegroting.Web.Pages.Account;

/// <summary>"Mijn gegevens": everything the app holds about the signed-in person, on the page and as a download (AVG art. 15 and 20).</summary>
public class DataModel(AppDbContext db, UserManager<AppUser> users) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public PersonalDataExport Data { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    public async Task<IActionResult> OnGetJsonAsync()
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        return File(JsonSerializer.SerializeToUtf8Bytes(Data, Json), "application/json", "mijn-gegevens.json");
    }

    /// <summary>The same page, to keep: the browser saves it instead of showing it.</summary>
    public async Task<IActionResult> OnGetHtmlAsync()
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        Response.Headers.ContentDisposition = "attachment; filename=\"mijn-gegevens.html\"";
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return false;
        }

        Data = await PersonalData.LoadAsync(db, user);
        return true;
    }
}
