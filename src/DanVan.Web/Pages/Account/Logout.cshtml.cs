using DanVan.Web.Infrastructure;
using DanVan.Accounts.Permissions;
using DanVan.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Web.Pages.Account;

/// <summary>Signs out (POST only, with the anti-forgery token).</summary>
[Permission(AccountPermissions.Self)]
public sealed class Logout(SignInManager<AppUser> signIn) : PageModel
{
    /// <summary>Signs out and returns to the login page.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
