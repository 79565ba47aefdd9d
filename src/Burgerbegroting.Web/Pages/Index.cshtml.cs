using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Burgerbegroting.Web.Pages;

public class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
