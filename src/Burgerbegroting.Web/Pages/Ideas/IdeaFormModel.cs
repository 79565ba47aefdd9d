using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Editions;
using Burgerbegroting.Web.Ideas;
using Burgerbegroting.Web.Infrastructure.Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Burgerbegroting.Web.Pages.Ideas;

/// <summary>What the new-idea and edit-idea pages share: the form, its choices and the Markdown preview.</summary>
public abstract class IdeaFormModel(AppDbContext db) : PageModel
{
    [BindProperty]
    public IdeaInput Input { get; set; } = new();

    public Edition Edition { get; private set; } = null!;
    public IReadOnlyList<Theme> Themes => Edition.Themes.Where(t => t.Chosen).ToList();
    public IReadOnlyList<Buurt> Buurten => Edition.Buurten;

    /// <summary>This page's Preview handler (new or edit, with its id), for htmx and for the no-JavaScript button.</summary>
    public string PreviewUrl => Url.Page(pageName: null, pageHandler: "Preview")!;

    /// <summary>Where the form saves; explicit, because after a no-JavaScript preview the page's own URL is the preview's.</summary>
    public abstract string SubmitUrl { get; }
    public abstract string SubmitKey { get; }

    /// <summary>htmx: the rendered description; without JavaScript: the whole page with the preview filled in.</summary>
    public async Task<IActionResult> OnPostPreviewAsync()
    {
        if (!await LoadEditionAsync())
        {
            return NotFound();
        }

        ModelState.Clear();
        return this.FragmentOrPage("_Preview");
    }

    protected async Task<bool> LoadEditionAsync()
    {
        var edition = await db.CurrentAsync();
        if (edition is null)
        {
            return false;
        }

        Edition = edition;
        return true;
    }

    /// <summary>Ideas are submitted and edited while the ideas round is open.</summary>
    protected RoundStatus IdeasRound => Edition.Round(RoundKind.Ideas).Status;

    protected bool IdeasRoundOpen => IdeasRound == RoundStatus.Open;
}
