using System.ComponentModel.DataAnnotations;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Voting.Money;
using Burgerbegroting.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Admin.Editions;

/// <summary>What the settings partial needs: the form (bound as "Input"), whether outcome settings are fixed, whether the address is.</summary>
public sealed record EditionFields(EditionInput Input, bool Locked, bool AddressFixed);

/// <summary>The settings form of an edition, shared by "new" and "edit".</summary>
public sealed class EditionInput
{
    [Display(Name = "Field.EditionName")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(150, ErrorMessage = "Validation.MaxLength")]
    public string Name { get; set; } = "";

    [Display(Name = "Field.EditionNameEn")]
    [StringLength(150, ErrorMessage = "Validation.MaxLength")]
    public string? NameEn { get; set; }

    /// <summary>The edition's part of its public addresses; empty: the year in the name, or this year.</summary>
    [Display(Name = "Field.EditionSlug")]
    [StringLength(EditionSlug.MaxLength, ErrorMessage = "Validation.MaxLength")]
    public string? Slug { get; set; }

    [Display(Name = "Field.TotalBudget")]
    public string? TotalBudget { get; set; }

    [Display(Name = "Field.MinimumAge")]
    [Range(0, 120, ErrorMessage = "Validation.Range")]
    public int MinimumAge { get; set; } = 16;

    [Display(Name = "Field.MaxThemes")]
    [Range(1, 20, ErrorMessage = "Validation.Range")]
    public int MaxThemesPerBallot { get; set; } = 3;

    [Display(Name = "Field.ThemesToSelect")]
    [Range(1, 50, ErrorMessage = "Validation.Range")]
    public int ThemesToSelect { get; set; } = 5;

    [Display(Name = "Field.OutcomeRule")]
    public OutcomeRuleKind OutcomeRule { get; set; } = OutcomeRuleKind.Greedy;

    [Display(Name = "Field.VoterRoll")]
    public VoterRoll VoterRoll { get; set; } = VoterRoll.Accounts;

    [Display(Name = "Field.Introduction")]
    [StringLength(10_000, ErrorMessage = "Validation.MaxLength")]
    [MarkdownText]
    public string? Introduction { get; set; }

    [Display(Name = "Field.IntroductionEn")]
    [StringLength(10_000, ErrorMessage = "Validation.MaxLength")]
    [MarkdownText]
    public string? IntroductionEn { get; set; }

    public static EditionInput From(Edition e) => new()
    {
        Name = e.Name,
        NameEn = e.NameEn,
        Slug = e.Slug,
        IntroductionEn = e.IntroductionEn,
        TotalBudget = Euros.ForInput(e.TotalBudget),
        MinimumAge = e.MinimumAge,
        MaxThemesPerBallot = e.MaxThemesPerBallot,
        ThemesToSelect = e.ThemesToSelect,
        OutcomeRule = e.OutcomeRule,
        VoterRoll = e.VoterRoll,
        Introduction = e.Introduction,
    };

    /// <summary>Next year's form filled from an earlier edition: its settings and introduction; a name and address of its own.</summary>
    public static EditionInput StartFrom(Edition earlier)
    {
        var input = From(earlier);
        (input.Name, input.NameEn, input.Slug) = ("", "", null);
        return input;
    }

    /// <summary>The budget as typed ("€ 1.500.000"); adds an error next to the field if it is no whole, positive amount.</summary>
    public long? ParseBudget(ModelStateDictionary state, IStringLocalizer l)
    {
        var error = EuroAmount.TryParse(TotalBudget, out var euros);
        if (error == EuroAmountError.None && euros == 0)
        {
            error = EuroAmountError.Negative;
        }

        if (error != EuroAmountError.None)
        {
            state.AddModelError("Input.TotalBudget", l["Validation.Euro." + error]);
            return null;
        }

        return euros;
    }

    /// <summary>
    /// The edition's address: the one typed, if valid and free; empty, the year in the name (made free). Fixed once the
    /// edition is public, since its results are linked there. Adds an error next to the field and returns null otherwise.
    /// </summary>
    public async Task<string?> SlugAsync(AppDbContext db, Edition? edition, DateTime now, ModelStateDictionary state, IStringLocalizer l)
    {
        if (edition is { IsDraft: false })
        {
            return edition.Slug;
        }

        var typed = Slug?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(typed))
        {
            return edition?.Slug ?? await db.FreeSlugAsync(EditionSlug.Suggest(Name, now));
        }

        var error = !EditionSlug.IsValid(typed) ? "Validation.EditionSlug" : await db.SlugTakenAsync(typed, edition?.Id) ? "Validation.EditionSlugTaken" : null;
        if (error is not null)
        {
            state.AddModelError("Input.Slug", l[error, typed]);
            return null;
        }

        return typed;
    }

    /// <summary>Copies the settings; those that decide outcomes only while round 1 has not opened.</summary>
    public void ApplyTo(Edition edition, long budget)
    {
        edition.Name = Name.Trim();
        edition.NameEn = NameEn?.Trim() ?? "";
        edition.Introduction = Introduction?.Trim() ?? "";
        edition.IntroductionEn = IntroductionEn?.Trim() ?? "";
        if (edition.SettingsLocked)
        {
            return;
        }

        edition.TotalBudget = budget;
        edition.MinimumAge = MinimumAge;
        edition.MaxThemesPerBallot = MaxThemesPerBallot;
        edition.ThemesToSelect = ThemesToSelect;
        edition.OutcomeRule = OutcomeRule;
        edition.VoterRoll = VoterRoll;
    }
}
