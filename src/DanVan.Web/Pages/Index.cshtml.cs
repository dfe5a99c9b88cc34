using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Web.Pages;

/// <summary>Home page.</summary>
public sealed class IndexModel : PageModel
{
    /// <summary>Shows the home page.</summary>
    public void OnGet()
    {
    }
}
