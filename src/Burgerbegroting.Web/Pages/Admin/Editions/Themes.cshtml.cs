using System.Globalization;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Audit;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Admin.Editions;

/// <summary>Candidate themes of the theme choice, changed as <see cref="ThemeEdits"/> allows: freely until it opens, then only their texts.</summary>
public class ThemesModel(AppDbContext db, AuditLog audit, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ThemeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "bewerk")]
    public int? EditingId { get; set; }

    public Edition Edition { get; private set; } = null!;

    /// <summary>The theme being changed; null when one is added.</summary>
    private Theme? _editing;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id, EditingId))
        {
            return NotFound();
        }

        var theme = Edition.Themes.SingleOrDefault(t => t.Id == EditingId);
        EditingId = theme?.Id;
        Input = theme is null ? new() : ThemeInput.From(theme);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, [FromForm(Name = "EditingId")] int? editingId)
    {
        if (!await LoadAsync(id, editingId))
        {
            return NotFound();
        }

        if (editingId is not null && _editing is null)
        {
            return BadRequest();
        }

        if (!CheckName(_editing))
        {
            return this.PageWithStatus(StatusCodes.Status400BadRequest);
        }

        var theme = await SaveAsync(Edition, _editing);
        return this.Done(l["Themes.Saved", theme.Name], new { id, bewerk = (int?)null });
    }

    /// <summary>The name as <see cref="ThemeEdits"/> allows it: errors next to the field; true when it may be saved.</summary>
    private bool CheckName(Theme? theme)
    {
        var others = Edition.Themes.Where(t => t.Id != EditingId).Select(t => t.Name);
        foreach (var error in ThemeEdits.CheckSave(Edition.SettingsLocked, theme?.Name, Input.Name?.Trim() ?? "", others))
        {
            ModelState.AddModelError("Input.Name", l["Themes." + error]);
        }

        return ModelState.IsValid;
    }

    private async Task<bool> LoadAsync(int id, int? editingId)
    {
        if (await db.FindWithAllAsync(id) is not { } edition)
        {
            return false;
        }

        (Edition, EditingId) = (edition, editingId);
        _editing = edition.Themes.SingleOrDefault(t => t.Id == editingId);
        return true;
    }

    /// <summary>Adds the theme or changes it, with its audit line in the same transaction.</summary>
    private async Task<Theme> SaveAsync(Edition edition, Theme? theme)
    {
        var added = theme is null;
        await using var transaction = await db.Database.BeginTransactionAsync();
        theme ??= AddTheme(edition);
        Input.ApplyTo(theme);
        await db.SaveChangesAsync();
        audit.Record(added ? AuditActions.ThemeAdded : AuditActions.ThemeChanged, "theme", theme.Id.ToString(CultureInfo.InvariantCulture), theme.Name);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return theme;
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int themeId)
    {
        var edition = await db.FindWithAllAsync(id);
        var theme = edition?.Themes.SingleOrDefault(t => t.Id == themeId);
        if (edition is null || theme is null || !ThemeEdits.CanRemove(edition.SettingsLocked))
        {
            return BadRequest();
        }

        db.Themes.Remove(theme);
        audit.Record(AuditActions.ThemeRemoved, "theme", themeId.ToString(CultureInfo.InvariantCulture), theme.Name);
        await db.SaveChangesAsync();
        return RedirectToPage(new { id });
    }

    private static Theme AddTheme(Edition edition)
    {
        var theme = new Theme { Position = edition.Themes.Count == 0 ? 1 : edition.Themes.Max(t => t.Position) + 1 };
        edition.Themes.Add(theme);
        return theme;
    }
}
