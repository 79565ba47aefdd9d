using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Web.Accounts;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Infrastructure.Htmx;
using Burgerbegroting.Web.Infrastructure.Startup;
using Burgerbegroting.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Pages.Ideas;

/// <summary>Every submitted idea, filterable by theme and buurt, searchable, paged; htmx updates the list in place.</summary>
public class IndexModel(AppDbContext db, IAuthorizationService authorization) : PageModel
{
    private const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public int? Thema { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Buurt { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>An earlier edition's address (/ideeen?editie=2025); empty: the current edition.</summary>
    [BindProperty(SupportsGet = true, Name = "editie")]
    public string? EditionSlug { get; set; }

    /// <summary>Where this list stands among the editions; null when there is no edition at all.</summary>
    public Results.EditionTrail? Trail { get; private set; }

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Idea> Ideas { get; private set; } = [];
    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public IReadOnlyList<Buurt> Buurten { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;
    public bool CanSubmit { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var edition = string.IsNullOrEmpty(EditionSlug) ? await db.CurrentAsync() : await db.BySlugAsync(EditionSlug, User.IsStaff());
        if (edition is null && !string.IsNullOrEmpty(EditionSlug))
        {
            return NotFound();
        }

        Trail = edition is null ? null : await Results.EditionTrail.LoadAsync(db, edition);
        return await ListAsync(edition);
    }

    private async Task<IActionResult> ListAsync(Edition? edition)
    {
        Themes = edition?.Themes.Where(t => t.Chosen).ToList() ?? [];
        Buurten = edition?.Buurten ?? [];
        CanSubmit = edition?.Round(RoundKind.Ideas).Status == RoundStatus.Open && (await authorization.AuthorizeAsync(User, Policies.SubmitIdeas)).Succeeded;
        var query = db.Ideas.AsNoTracking().Where(i => i.EditionId == (edition == null ? 0 : edition.Id) && !i.Hidden);
        query = Thema is null ? query : query.Where(i => i.ThemeId == Thema);
        query = Buurt is null ? query : query.Where(i => i.BuurtId == Buurt);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var text = Q.Trim().ToLower(System.Globalization.CultureInfo.InvariantCulture);
            query = query.Where(i => i.Title.ToLower().Contains(text) || i.Summary.ToLower().Contains(text) || i.Description.ToLower().Contains(text));
        }

        Pager = new Pager(PageNumber, PageSize, await query.CountAsync(), $"{Trail?.IdeasHref(Url) ?? Url.Page(PageRoutes.Ideas)}{(Trail is { IsCurrent: false } ? "&" : "?")}thema={Thema}&buurt={Buurt}&q={Uri.EscapeDataString(Q ?? "")}&");
        Ideas = await query.Include(i => i.Theme).Include(i => i.Buurt).Include(i => i.Submitter)
            .OrderByDescending(i => i.CreatedAt).Skip(Pager.Skip).Take(PageSize).ToListAsync();
        return this.FragmentOrPage("_IdeaList");
    }
}
