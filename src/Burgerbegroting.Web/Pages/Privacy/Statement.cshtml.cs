using Burgerbegroting.Web.Privacy;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Burgerbegroting.Web.Pages.Privacy;

/// <summary>The privacy statement (docs/privacy.md): its text per language, its facts from configuration.</summary>
public class StatementModel(IOptions<PrivacyOptions> options) : PageModel
{
    public StatementFacts Facts { get; } = StatementFacts.From(options.Value);
}
