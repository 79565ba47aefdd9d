using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Web.Audit;
using Burgerbegroting.Web.Editions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Beheer.Editions;

/// <summary>Candidate themes of round 1: added and removed until round 1 opens; their texts can be corrected later.</summary>
public class ThemesModel(AppDbContext db, AuditLog audit, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ThemeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "bewerk")]
    public int? EditingId { get; set; }

    public Edition Edition { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await db.FindWithAllAsync(id) is not { } edition)
        {
            return NotFound();
        }

        Edition = edition;
        var theme = edition.Themes.SingleOrDefault(t => t.Id == EditingId);
        EditingId = theme?.Id;
        Input = theme is null ? new() : new ThemeInput { Name = theme.Name, ShortDescription = theme.ShortDescription, Body = theme.Body };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, [FromForm(Name = "EditingId")] int? editingId)
    {
        if (await db.FindWithAllAsync(id) is not { } edition)
        {
            return NotFound();
        }

        (Edition, EditingId) = (edition, editingId);
        var theme = edition.Themes.SingleOrDefault(t => t.Id == editingId);
        if ((theme is null && (editingId is not null || edition.SettingsLocked)) || (theme is not null && edition.SettingsLocked && theme.Name != Input.Name.Trim()))
        {
            ModelState.AddModelError("Input.Name", l["Themes.LockedName"]);
        }

        if (edition.Themes.Any(t => t.Id != editingId && string.Equals(t.Name, Input.Name.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError("Input.Name", l["Themes.DuplicateName"]);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        theme ??= AddTheme(edition);
        theme.Name = Input.Name.Trim();
        theme.ShortDescription = Input.ShortDescription.Trim();
        theme.Body = Input.Body?.Trim() ?? "";
        await db.SaveChangesAsync();
        audit.Record(editingId is null ? AuditActions.ThemeAdded : AuditActions.ThemeChanged, "theme", theme.Id.ToString(CultureInfo.InvariantCulture), theme.Name);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        TempData["Status"] = l["Themes.Saved", theme.Name].Value;
        return RedirectToPage(new { id, bewerk = (int?)null });
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int themeId)
    {
        var edition = await db.FindWithAllAsync(id);
        var theme = edition?.Themes.SingleOrDefault(t => t.Id == themeId);
        if (edition is null || theme is null || edition.SettingsLocked)
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

    public sealed class ThemeInput
    {
        [Display(Name = "Field.ThemeName")]
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, ErrorMessage = "Validation.MaxLength")]
        public string Name { get; set; } = "";

        [Display(Name = "Field.ShortDescription")]
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(300, ErrorMessage = "Validation.MaxLength")]
        public string ShortDescription { get; set; } = "";

        [Display(Name = "Field.ThemeBody")]
        [StringLength(10_000, ErrorMessage = "Validation.MaxLength")]
        public string? Body { get; set; }
    }
}
