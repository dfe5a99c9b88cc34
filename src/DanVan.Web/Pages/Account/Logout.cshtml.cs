using DanVan.Web.Infrastructure;
using DanVan.Accounts.Permissions;
using DanVan.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Web.Pages.Account;

/// <summary>Signs out (POST only, with the anti-forgery token).</summary>
/// <remarks>
/// The session also ends on the server: the user's security stamp changes, so a copy of the cookie (and every other
/// browser session of the same user) is refused from the next request on.
/// </remarks>
[Permission(AccountPermissions.Self)]
public sealed class Logout(SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
    /// <summary>Signs out and returns to the login page.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user) await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
