using DanVan.Accounts.Permissions;
using System.ComponentModel.DataAnnotations;
using DanVan.Accounts;
using DanVan.Refusals;
using DanVan.Web.Infrastructure;
using DanVan.Web.Pages.Admin.Accounts;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Web.Pages.Account;

/// <summary>The signed-in user changes their own password; their other sessions end and their API tokens are revoked.</summary>
[Permission(AccountPermissions.Self)]
public sealed class ChangePassword(UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountAdmin accounts, TimeProvider clock) : PageModel
{
    /// <summary>The form.</summary>
    [BindProperty]
    public Input Data { get; set; } = new();

    /// <summary>The form's fields.</summary>
    public sealed class Input
    {
        /// <summary>Current password.</summary>
        [Required(ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Required))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.CurrentPassword))]
        [DataType(DataType.Password)]
        public string CurrentPassword { get; set; } = "";

        /// <summary>New password.</summary>
        [Required(ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Required))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.NewPassword))]
        [DataType(DataType.Password)]
        public string NewPassword { get; set; } = "";

        /// <summary>New password again.</summary>
        [Required(ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Required))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.ConfirmPassword))]
        [Compare(nameof(NewPassword), ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.PasswordsDiffer))]
        [DataType(DataType.Password)]
        public string ConfirmPassword { get; set; } = "";
    }

    private static readonly Dictionary<string, string> Fields = new() { ["password"] = "Data.NewPassword", ["currentPassword"] = "Data.CurrentPassword" };

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Changes the password, or shows why not next to the field.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        try
        {
            await accounts.ChangePasswordAsync(user, Data.CurrentPassword, Data.NewPassword, clock.GetUtcNow().UtcDateTime);
        }
        catch (RefusedException ex)
        {
            AccountRefusals.Add(this, ex, "Data", Fields);
            return Page();
        }

        // The security stamp changed: every other session of this user ends at its next request; this one is renewed.
        await signIn.RefreshSignInAsync(user);
        TempData.Notice(UiText.PasswordChanged);
        return RedirectToPage("/Index");
    }
}
