using System.ComponentModel.DataAnnotations;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Money;
using Burgerbegroting.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Ideas;

/// <summary>The idea form, for submitting and editing; checks what attributes cannot (theme, buurt, and the cost by <see cref="IdeaCost"/>).</summary>
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
    [MarkdownText]
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
        Cost = Euros.ForInput(idea.EstimatedCost),
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
        var costError = error == EuroAmountError.None ? IdeaCost.Check(euros, theme?.Budget) : IdeaCostError.None;
        if (error != EuroAmountError.None || costError == IdeaCostError.NotPositive)
        {
            state.AddModelError("Input.Cost", l["Validation.Euro." + (costError == IdeaCostError.NotPositive ? EuroAmountError.Negative : error)]);
            return null;
        }

        if (costError == IdeaCostError.OverBudget)
        {
            state.AddModelError("Input.Cost", l["Idea.Error.OverBudget", Euros.Format(theme!.Budget!.Value), theme.DisplayName]);
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
