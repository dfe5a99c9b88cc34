using System.ComponentModel.DataAnnotations;
using DanVan.Accounts;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Web.Pages.Account;

/// <summary>Sign in with a local account; repeated failures lock the account.</summary>
public sealed class Login(SignInManager<AppUser> signIn) : PageModel
{
    /// <summary>The form.</summary>
    [BindProperty]
    public Input Data { get; set; } = new();

    /// <summary>Where to go after signing in.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The login form's fields.</summary>
    public sealed class Input
    {
        /// <summary>User name.</summary>
        [Required(ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Required))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.UserName))]
        public string UserName { get; set; } = "";

        /// <summary>Password.</summary>
        [Required(ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Required))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.Password))]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        /// <summary>Keep the cookie after the browser closes.</summary>
        public bool RememberMe { get; set; }
    }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Signs in, or shows why not.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(Data.UserName.Trim(), Data.Password, Data.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        ModelState.AddModelError("", result.IsLockedOut ? UiText.LockedOut : UiText.LoginFailed);
        return Page();
    }
}
