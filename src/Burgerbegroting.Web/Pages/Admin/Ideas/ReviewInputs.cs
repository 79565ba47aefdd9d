using System.ComponentModel.DataAnnotations;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Money;
using Burgerbegroting.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Admin.Ideas;

/// <summary>Admit: staff's final cost, which must be admissible for the idea's theme (<see cref="IdeaCost"/>).</summary>
public sealed class AdmitInput
{
    [Display(Name = "Review.FinalCost")]
    public string? FinalCost { get; set; }

    [Display(Name = "Review.Note")]
    [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
    public string? Note { get; set; }

    /// <summary>The final cost in whole euros, or null with the error next to the field.</summary>
    public long? Cost(Theme theme, ModelStateDictionary state, IStringLocalizer l)
    {
        var error = EuroAmount.TryParse(FinalCost, out var cost);
        if (error != EuroAmountError.None)
        {
            state.AddModelError("Admit.FinalCost", l["Validation.Euro." + error]);
            return null;
        }

        var admissible = state.Require(IdeaCost.Check(cost, theme.Budget) == IdeaCostError.None, "Admit.FinalCost",
            l["Review.FinalCostRange", Euros.Format(theme.Budget ?? 0)]);
        return admissible && state.IsValid ? cost : null;
    }
}

/// <summary>Refuse: one of the configured reasons and a public note.</summary>
public sealed class RefuseInput
{
    [Display(Name = "Field.Reason")]
    public string? Reason { get; set; }

    [Display(Name = "Review.PublicNote")]
    [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
    public string? Note { get; set; }

    /// <summary>Set by the confirmation step's form: refusing mails the submitter, so the first post only shows what will be sent.</summary>
    public bool Confirmed { get; set; }

    public bool Check(IReadOnlyList<string> reasons, ModelStateDictionary state, IStringLocalizer l)
    {
        state.Require(reasons.Contains(Reason ?? ""), "Refuse.Reason", l["Review.ReasonRequired"]);
        state.Require(!string.IsNullOrWhiteSpace(Note), "Refuse.Note", l["Review.NoteRequired"]);
        return state.IsValid;
    }
}

/// <summary>Move: another chosen theme, and a note to the submitter.</summary>
public sealed class MoveInput
{
    [Display(Name = "Field.Theme")]
    public int? ThemeId { get; set; }

    [Display(Name = "Review.MoveNote")]
    [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
    public string? Note { get; set; }

    /// <summary>The theme to move to, or null with the errors next to the fields.</summary>
    public Theme? Target(Idea idea, IReadOnlyList<Theme> themes, ModelStateDictionary state, IStringLocalizer l)
    {
        var theme = themes.SingleOrDefault(t => t.Id == ThemeId && t.Id != idea.ThemeId);
        state.Require(theme is not null, "Move.ThemeId", l["Review.MoveTheme"]);
        state.Require(!string.IsNullOrWhiteSpace(Note), "Move.Note", l["Review.NoteRequired"]);
        return state.IsValid ? theme : null;
    }
}
