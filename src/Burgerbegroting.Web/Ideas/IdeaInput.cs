using System.ComponentModel.DataAnnotations;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Voting.Money;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Ideas;

/// <summary>The idea form, for submitting and editing; checks what attributes cannot (theme, buurt, cost within budget).</summary>
public sealed class IdeaInput
{
    [Display(Name = "Field.IdeaTitle")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(Idea.TitleMax, ErrorMessage = "Validation.MaxLength")]
    public string Title { get; set; } = "";

    [Display(Name = "Field.IdeaSummary")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(Idea.SummaryMax, ErrorMessage = "Validation.MaxLength")]
    public string Summary { get; set; } = "";

    [Display(Name = "Field.IdeaDescription")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(Idea.DescriptionMax, ErrorMessage = "Validation.MaxLength")]
    public string Description { get; set; } = "";

    [Display(Name = "Field.Theme")]
    public int? ThemeId { get; set; }

    [Display(Name = "Field.Buurt")]
    public int? BuurtId { get; set; }

    [Display(Name = "Field.EstimatedCost")]
    public string? Cost { get; set; }

    public static IdeaInput From(Idea idea) => new()
    {
        Title = idea.Title,
        Summary = idea.Summary,
        Description = idea.Description,
        ThemeId = idea.ThemeId,
        BuurtId = idea.BuurtId,
        Cost = idea.EstimatedCost.ToString("#,0", new System.Globalization.CultureInfo("nl-NL")),
    };

    /// <summary>Adds errors next to the fields; returns the cost in whole euros when everything is right.</summary>
    public long? Validate(Edition edition, ModelStateDictionary state, IStringLocalizer l)
    {
        var theme = edition.Themes.SingleOrDefault(t => t.Id == ThemeId && t.Chosen);
        if (theme is null)
        {
            state.AddModelError("Input.ThemeId", l["Idea.Error.Theme"]);
        }

        if (!edition.Buurten.Any(b => b.Id == BuurtId))
        {
            state.AddModelError("Input.BuurtId", l["Idea.Error.Buurt"]);
        }

        var error = EuroAmount.TryParse(Cost, out var euros);
        if (error == EuroAmountError.None && euros == 0)
        {
            error = EuroAmountError.Negative;
        }

        if (error != EuroAmountError.None)
        {
            state.AddModelError("Input.Cost", l["Validation.Euro." + error]);
            return null;
        }

        // The estimate must fit the theme's budget (SPEC §3, round 3).
        if (theme?.Budget is { } budget && euros > budget)
        {
            state.AddModelError("Input.Cost", l["Idea.Error.OverBudget", EuroAmount.Format(budget, System.Globalization.CultureInfo.CurrentUICulture), theme.Name]);
            return null;
        }

        return state.IsValid ? euros : null;
    }

    public void ApplyTo(Idea idea, long cost)
    {
        idea.Title = Title.Trim();
        idea.Summary = Summary.Trim();
        idea.Description = Description.Trim();
        idea.ThemeId = ThemeId!.Value;
        idea.BuurtId = BuurtId!.Value;
        idea.EstimatedCost = cost;
    }
}
