using DanVan.Accounts;
using DanVan.Data;
using DanVan.Refusals;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using DanVan.Periods;

namespace DanVan.Web.Pages.Admin.Accounts;

/// <summary>One account: its roles within scopes (add, remove) and unlocking after repeated failed sign-ins.</summary>
public sealed class Edit(DanVanDbContext db, UserManager<AppUser> users, AccountAdmin accounts, CurrentUser current, TimeProvider clock) : PageModel
{
    /// <summary>The role to add.</summary>
    [BindProperty]
    public Input Data { get; set; } = new();

    /// <summary>The account shown.</summary>
    public Account? Shown { get; private set; }

    /// <summary>Units to choose the scope from.</summary>
    public IReadOnlyList<SelectListItem> Units { get; private set; } = [];

    /// <summary>A role to add within a scope.</summary>
    public sealed class Input
    {
        /// <summary>The role.</summary>
        public Role? Role { get; set; }

        /// <summary>The scope unit.</summary>
        public int? ScopeUnitId { get; set; }
    }

    /// <summary>The account and its roles.</summary>
    public sealed record Account(string Id, string UserName, string FullName, bool LockedOut, int FailedCount, IReadOnlyList<RoleLine> Roles);

    /// <summary>One assignment.</summary>
    public sealed record RoleLine(int Id, Role Role, string? Unit);

    /// <summary>Shows the account.</summary>
    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>Adds a role within a scope.</summary>
    public async Task<IActionResult> OnPostAddRoleAsync(string id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Data.Role is not { } role)
        {
            ModelState.AddModelError("Data.Role", string.Format(Vi.Culture, UiText.Required, UiText.Role));
            return Page();
        }

        return await ChangeAsync(id, (user, actor, at) => accounts.AssignRoleAsync(user, role, Data.ScopeUnitId, actor, at), UiText.RoleAdded);
    }

    /// <summary>Removes one role assignment of this account.</summary>
    public async Task<IActionResult> OnPostRemoveRoleAsync(string id, int assignmentId)
    {
        if (!await db.RoleAssignments.AnyAsync(r => r.Id == assignmentId && r.UserId == id)) return NotFound();
        return await ChangeAsync(id, (user, actor, at) => accounts.RevokeRoleAsync(user, assignmentId, actor, at), UiText.RoleRemoved);
    }

    /// <summary>Unlocks an account locked after repeated failed sign-ins.</summary>
    public Task<IActionResult> OnPostUnlockAsync(string id) =>
        ChangeAsync(id, (user, actor, at) => accounts.UnlockAsync(user, actor, at), UiText.AccountUnlocked);

    // One change through the core, which records its audit line in the same transaction; a refusal is shown on the page.
    private async Task<IActionResult> ChangeAsync(string id, Func<AppUser, string, DateTime, Task> change, string notice)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        var scope = await current.GetAsync();
        try
        {
            await change(user, scope.UserName, clock.GetUtcNow().UtcDateTime);
        }
        catch (RefusedException ex)
        {
            await LoadAsync(id);
            AccountRefusals.Add(this, ex, "Data");
            return Page();
        }

        TempData.Notice(notice);
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(string id)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id);
        if (user is null) return false;
        var roles = await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == id)
            .GroupJoin(db.Units, r => r.ScopeUnitId, u => u.Id, (r, us) => new { r, us })
            .SelectMany(x => x.us.DefaultIfEmpty(), (x, u) => new RoleLine(x.r.Id, x.r.Role, u == null ? null : u.Name))
            .ToListAsync();
        Shown = new Account(user.Id, user.UserName ?? "", user.FullName, user.LockoutEnd > clock.GetUtcNow(), user.AccessFailedCount,
            roles.OrderBy(r => r.Role).ToList());
        Units = await UnitOptions.SelectAsync(db);
        return true;
    }
}
