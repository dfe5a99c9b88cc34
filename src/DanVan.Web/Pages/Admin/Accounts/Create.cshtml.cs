using System.ComponentModel.DataAnnotations;
using DanVan.Accounts;
using DanVan.Data;
using DanVan.Refusals;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using DanVan.Periods;

namespace DanVan.Web.Pages.Admin.Accounts;

/// <summary>The administrator creates a local account with its first role within a scope.</summary>
public sealed class Create(DanVanDbContext db, AccountAdmin accounts, CurrentUser current, TimeProvider clock) : PageModel
{
    /// <summary>The form.</summary>
    [BindProperty]
    public Input Data { get; set; } = new();

    /// <summary>Units to choose the scope from.</summary>
    public IReadOnlyList<SelectListItem> Units { get; private set; } = [];

    /// <summary>The form's fields.</summary>
    public sealed class Input
    {
        /// <summary>User name.</summary>
        [Required(ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Required))]
        [StringLength(64, ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.MaxLength))]
        [RegularExpression("^[A-Za-z0-9._-]+$", ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.UserNameInvalid))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.UserName))]
        public string UserName { get; set; } = "";

        /// <summary>Full name.</summary>
        [Required(ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Required))]
        [StringLength(200, ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.MaxLength))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.FullName))]
        public string FullName { get; set; } = "";

        /// <summary>First password.</summary>
        [Required(ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Required))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.Password))]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        /// <summary>The role.</summary>
        [Required(ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Required))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.Role))]
        public Role? Role { get; set; }

        /// <summary>The scope unit.</summary>
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.ScopeUnit))]
        public int? ScopeUnitId { get; set; }
    }

    /// <summary>Shows the form.</summary>
    public async Task OnGetAsync() => Units = await UnitOptions.SelectAsync(db);

    /// <summary>Creates the account, or shows the errors next to the fields.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            var scope = await current.GetAsync();
            try
            {
                var user = await accounts.CreateAsync(Data.UserName, Data.FullName, Data.Password, Data.Role!.Value, Data.ScopeUnitId, scope.UserName, clock.GetUtcNow().UtcDateTime);
                TempData.Notice(string.Format(Vi.Culture, UiText.AccountCreated, user.UserName));
                return RedirectToPage("Index");
            }
            catch (RefusedException ex)
            {
                AccountRefusals.Add(this, ex, "Data");
            }
        }

        Units = await UnitOptions.SelectAsync(db);
        return Page();
    }
}
