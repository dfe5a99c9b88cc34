using System.ComponentModel.DataAnnotations;
using DanVan.Accounts;
using DanVan.Refusals;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using DanVan.Periods;

namespace DanVan.Web.Pages.Admin.Accounts;

/// <summary>The administrator sets a new password for an account (and unlocks it).</summary>
public sealed class ResetPassword(UserManager<AppUser> users, AccountAdmin accounts, CurrentUser current, TimeProvider clock) : PageModel
{
    /// <summary>The form.</summary>
    [BindProperty]
    public Input Data { get; set; } = new();

    /// <summary>The account's user name.</summary>
    public string UserName { get; private set; } = "";

    /// <summary>The form's fields.</summary>
    public sealed class Input
    {
        /// <summary>New password.</summary>
        [Required(ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Required))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.NewPassword))]
        [DataType(DataType.Password)]
        public string NewPassword { get; set; } = "";
    }

    private static readonly Dictionary<string, string> PasswordField = new() { ["password"] = "Data.NewPassword" };

    /// <summary>Shows the form.</summary>
    public async Task<IActionResult> OnGetAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        UserName = user.UserName ?? "";
        return Page();
    }

    /// <summary>Sets the password (checked against the policy), unlocks the account.</summary>
    public async Task<IActionResult> OnPostAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        UserName = user.UserName ?? "";
        if (!ModelState.IsValid) return Page();

        var scope = await current.GetAsync();
        try
        {
            await accounts.ResetPasswordAsync(user, Data.NewPassword, scope.UserName, clock.GetUtcNow().UtcDateTime);
        }
        catch (RefusedException ex)
        {
            AccountRefusals.Add(this, ex, "Data", PasswordField);
            return Page();
        }

        TempData.Notice(string.Format(Vi.Culture, UiText.PasswordReset, UserName));
        return RedirectToPage("Index");
    }
}
