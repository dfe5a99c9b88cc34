using System.ComponentModel.DataAnnotations;
using DanVan.Accounts;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using DanVan.Periods;

namespace DanVan.Web.Pages.Admin.Accounts;

/// <summary>The administrator creates a local account with its first role within a scope.</summary>
public sealed class Create(DanVanDbContext db, UserManager<AppUser> users, CurrentUser current, ProvinceClock clock) : PageModel
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
        if (Data.Role is { } role) await RoleScopeRules.CheckAsync(db, role, Data.ScopeUnitId, ModelState, "Data");
        if (!ModelState.IsValid)
        {
            Units = await UnitOptions.SelectAsync(db);
            return Page();
        }

        var user = new AppUser { UserName = Data.UserName.Trim(), FullName = Data.FullName.Trim().Normalize(), LockoutEnabled = true };
        var result = await users.CreateAsync(user, Data.Password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Data.Password" : "Data.UserName", e.Description);
            Units = await UnitOptions.SelectAsync(db);
            return Page();
        }

        var scope = await current.GetAsync();
        db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = Data.Role!.Value, ScopeUnitId = Data.ScopeUnitId });
        db.Audit.Add(new AuditEntry
        {
            At = clock.UtcNow, User = scope.UserName, Action = "account.create", Subject = $"AppUser:{user.Id}",
            NewValue = $"{user.UserName}; {Data.Role} @ {Data.ScopeUnitId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "*"}",
        });
        await db.SaveChangesAsync();
        TempData.Notice(string.Format(Vi.Culture, UiText.AccountCreated, user.UserName));
        return RedirectToPage("Index");
    }
}

/// <summary>Which scope each role may be held in; shared by account creation and role assignment.</summary>
public static class RoleScopeRules
{
    /// <summary>Adds errors next to the role and scope fields when the pair is not allowed.</summary>
    public static async Task CheckAsync(DanVanDbContext db, Role role, int? scopeUnitId, ModelStateDictionary modelState, string prefix)
    {
        if (!Enum.IsDefined(role))
        {
            modelState.AddModelError($"{prefix}.Role", UiText.UnknownRole);
            return;
        }

        if (role == Role.Administrator)
        {
            if (scopeUnitId is not null) modelState.AddModelError($"{prefix}.ScopeUnitId", UiText.AdminNoScope);
            return;
        }

        if (scopeUnitId is not { } id)
        {
            modelState.AddModelError($"{prefix}.ScopeUnitId", UiText.ScopeRequired);
            return;
        }

        var unit = await db.Units.FindAsync(id);
        if (unit is null) modelState.AddModelError($"{prefix}.ScopeUnitId", UiText.UnknownUnit);
        else if (role == Role.Coordinator && unit.Kind is not (DanVan.OrgUnits.OrgUnitKind.Province or DanVan.OrgUnits.OrgUnitKind.District))
            modelState.AddModelError($"{prefix}.ScopeUnitId", UiText.CoordinatorScopeKind);
    }
}
