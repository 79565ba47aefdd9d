using System.Globalization;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Money;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Infrastructure;
using Burgerbegroting.Web.Infrastructure.Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Voting;

/// <summary>Budget split: a resident divides 100% over the chosen themes, seeing euros and what is left as they type.</summary>
public class BudgetModel(BallotDesk desk, IStringLocalizer<SharedResource> l) : BallotPageModel(RoundKind.BudgetSplit, desk, l)
{
    /// <summary>Theme id → the text as typed, so a wrong entry comes back exactly as it was.</summary>
    [BindProperty]
    public Dictionary<int, string?> Shares { get; set; } = [];

    public IReadOnlyList<Theme> Themes => Context.ChosenThemes;
    public bool IsHtmxFragment { get; private set; }
    /// <summary>The valid percentages added up: an entry that is no percentage 0..100 counts for nothing (and cannot overflow).</summary>
    public int Sum => Themes.Sum(t => Share(t.Id) ?? 0);
    public int Remaining => 100 - Sum;
    public long RemainingEuros => Context.BudgetSplit.Euros(Remaining);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Shares = Context.Current?.ToDictionary(line => line.ThemeId, line => (string?)line.Value.ToString(CultureInfo.InvariantCulture)) ?? [];
        return Page();
    }

    /// <summary>htmx, while typing: the remaining amount and each theme's euros. Saves nothing.</summary>
    public async Task<IActionResult> OnPostRemainingAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        IsHtmxFragment = this.WantsFragment();
        return this.FragmentOrPage("_Remaining");
    }

    /// <summary>Without JavaScript: the "recalculate" button shows the same numbers, and messages next to wrong entries. Saves nothing.</summary>
    public async Task<IActionResult> OnPostPreviewAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        return CheckEntries() ? Page() : this.PageWithStatus(StatusCodes.Status400BadRequest);
    }

    public Task<IActionResult> OnPostAsync() => SaveAsync(Fill);

    /// <summary>Each entry a whole number, all of them together exactly 100 (BudgetBallot); errors next to the fields.</summary>
    private BudgetBallot? Fill()
    {
        if (!CheckEntries())
        {
            return null;
        }

        var check = BudgetBallot.Create(Context.BudgetSplit, Themes.ToDictionary(t => t.Id, t => Parsed(t.Id)!.Value));
        foreach (var error in check.Errors)
        {
            var (key, message) = error.Kind == BudgetSplitErrorKind.OutOfRange
                ? ($"Shares[{error.Theme}]", L["Vote2.Error.OutOfRange", Themes.Single(t => t.Id == error.Theme).Name].Value)
                : (string.Empty, L["Vote2.Error.Sum", error.Value].Value);
            ModelState.AddModelError(key, message);
        }

        return check.Ballot;
    }

    /// <summary>Each entry a whole number 0..100, else a message next to it; true when all are.</summary>
    private bool CheckEntries()
    {
        foreach (var theme in Themes.Where(t => Share(t.Id) is null))
        {
            var key = Parsed(theme.Id) is null ? "Vote2.Error.NotWhole" : "Vote2.Error.OutOfRange";
            ModelState.AddModelError($"Shares[{theme.Id}]", L[key, theme.DisplayName]);
        }

        return ModelState.IsValid;
    }

    public int? Parsed(int themeId) =>
        WholePercentage.TryParse(Shares.GetValueOrDefault(themeId), out var value) ? value : null;

    /// <summary>The entry when it is a whole percentage 0..100, else null.</summary>
    private int? Share(int themeId) => Parsed(themeId) is { } pct and >= 0 and <= 100 ? pct : null;

    public string AmountText(int themeId) =>
        Share(themeId) is { } pct ? Euros.Format(Context.BudgetSplit.Euros(pct)) : "—";
}
