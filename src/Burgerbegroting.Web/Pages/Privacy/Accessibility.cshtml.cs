using Burgerbegroting.Web.Privacy;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Burgerbegroting.Web.Pages.Privacy;

/// <summary>The accessibility statement in the structure of the Dutch model statement; its contact and test date from configuration.</summary>
public class AccessibilityModel(IOptions<PrivacyOptions> options) : PageModel
{
    public StatementFacts Facts { get; } = StatementFacts.From(options.Value);
}
