using System.ComponentModel.DataAnnotations;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting.Money;
using Burgerbegroting.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Admin.Editions;

/// <summary>What the settings partial needs: the form (bound as "Input") and whether outcome settings are fixed.</summary>
public sealed record EditionFields(EditionInput Input, bool Locked);

/// <summary>The settings form of an edition, shared by "new" and "edit".</summary>
public sealed class EditionInput
{
    [Display(Name = "Field.EditionName")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(150, ErrorMessage = "Validation.MaxLength")]
    public string Name { get; set; } = "";

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

    public static EditionInput From(Edition e) => new()
    {
        Name = e.Name,
        TotalBudget = Euros.ForInput(e.TotalBudget),
        MinimumAge = e.MinimumAge,
        MaxThemesPerBallot = e.MaxThemesPerBallot,
        ThemesToSelect = e.ThemesToSelect,
        OutcomeRule = e.OutcomeRule,
        VoterRoll = e.VoterRoll,
        Introduction = e.Introduction,
    };

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

    /// <summary>Copies the settings; those that decide outcomes only while round 1 has not opened.</summary>
    public void ApplyTo(Edition edition, long budget)
    {
        edition.Name = Name.Trim();
        edition.Introduction = Introduction?.Trim() ?? "";
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
