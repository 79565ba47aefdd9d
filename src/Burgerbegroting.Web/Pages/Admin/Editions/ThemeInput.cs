using System.ComponentModel.DataAnnotations;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Web.Infrastructure;

namespace Burgerbegroting.Web.Pages.Admin.Editions;

/// <summary>A candidate theme's texts in Dutch and, optionally, English (an empty English text shows the Dutch one).</summary>
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
    [MarkdownText]
    public string? Body { get; set; }

    [Display(Name = "Field.ThemeNameEn")]
    [StringLength(100, ErrorMessage = "Validation.MaxLength")]
    public string? NameEn { get; set; }

    [Display(Name = "Field.ShortDescriptionEn")]
    [StringLength(300, ErrorMessage = "Validation.MaxLength")]
    public string? ShortDescriptionEn { get; set; }

    [Display(Name = "Field.ThemeBodyEn")]
    [StringLength(10_000, ErrorMessage = "Validation.MaxLength")]
    [MarkdownText]
    public string? BodyEn { get; set; }

    public static ThemeInput From(Theme theme) => new()
    {
        Name = theme.Name, ShortDescription = theme.ShortDescription, Body = theme.Body,
        NameEn = theme.NameEn, ShortDescriptionEn = theme.ShortDescriptionEn, BodyEn = theme.BodyEn,
    };

    public void ApplyTo(Theme theme)
    {
        theme.Name = Name.Trim();
        theme.ShortDescription = ShortDescription.Trim();
        theme.Body = Body?.Trim() ?? "";
        theme.NameEn = NameEn?.Trim() ?? "";
        theme.ShortDescriptionEn = ShortDescriptionEn?.Trim() ?? "";
        theme.BodyEn = BodyEn?.Trim() ?? "";
    }
}
