using System.Globalization;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Voting.Money;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Infrastructure.Htmx;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Stemmen;

/// <summary>Round 2: a resident divides 100% over the chosen themes, seeing euros and what is left as they type.</summary>
public class BudgetModel(AppDbContext db, UserManager<AppUser> users, Eligibility eligibility, BallotBox box, IStringLocalizer<SharedResource> l)
    : BallotPageModel(2, db, users, eligibility, box, l)
{
    /// <summary>Theme id → the text as typed, so a wrong entry comes back exactly as it was.</summary>
    [BindProperty]
    public Dictionary<int, string?> Shares { get; set; } = [];

    public IReadOnlyList<Theme> Themes => Context.Edition.Themes.Where(t => t.Chosen).ToList();
    public bool IsHtmxFragment { get; private set; }
    public int Sum => Themes.Sum(t => Parsed(t.Id) ?? 0);
    public int Remaining => 100 - Sum;
    public long RemainingEuros => Context.Edition.TotalBudget * Remaining / 100;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Shares = Context.CurrentBallot?.ToDictionary(e => e.Key, e => (string?)e.Value.ToString(CultureInfo.InvariantCulture)) ?? [];
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

    /// <summary>Without JavaScript: the "recalculate" button shows the same numbers. Saves nothing.</summary>
    public Task<IActionResult> OnPostPreviewAsync() => OnPostRemainingAsync();

    public Task<IActionResult> OnPostAsync() => SaveAsync(Validate, split => Box.CastAsync(Context.Round, Context.Voter!, split, Context.Edition.Name));

    /// <summary>Each entry a whole number, all of them together exactly 100 (BudgetSplit); errors next to the fields.</summary>
    private Dictionary<int, int>? Validate()
    {
        foreach (var theme in Themes.Where(t => Parsed(t.Id) is null))
        {
            ModelState.AddModelError($"Shares[{theme.Id}]", L["Vote2.Error.NotWhole", theme.Name]);
        }

        if (!ModelState.IsValid)
        {
            return null;
        }

        var split = Themes.ToDictionary(t => t.Id, t => Parsed(t.Id)!.Value);
        foreach (var error in BudgetSplit.Validate(split, [.. split.Keys]))
        {
            var (key, message) = error.Kind == BudgetSplitErrorKind.OutOfRange
                ? ($"Shares[{error.Theme}]", L["Vote2.Error.OutOfRange", Themes.Single(t => t.Id == error.Theme).Name].Value)
                : (string.Empty, L["Vote2.Error.Sum", error.Value].Value);
            ModelState.AddModelError(key, message);
        }

        return ModelState.IsValid ? split : null;
    }

    public int? Parsed(int themeId) =>
        WholePercentage.TryParse(Shares.GetValueOrDefault(themeId), out var value) ? value : null;

    public string AmountText(int themeId) =>
        Parsed(themeId) is { } pct and >= 0 and <= 100 ? Format(Context.Edition.TotalBudget * pct / 100) : "—";

    public string Format(long euros) => EuroAmount.Format(euros, CultureInfo.CurrentUICulture);
}
