using DanVan.Accounts;
using DanVan.Data;
using DanVan.Evaluations;
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
public sealed class Edit(DanVanDbContext db, UserManager<AppUser> users, CurrentUser current, ProvinceClock clock) : PageModel
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
        if (Data.Role is not { } role) ModelState.AddModelError("Data.Role", string.Format(Vi.Culture, UiText.Required, UiText.Role));
        else
        {
            await RoleScopeRules.CheckAsync(db, role, Data.ScopeUnitId, ModelState, "Data");
            if (ModelState.IsValid && await db.RoleAssignments.AnyAsync(r => r.UserId == id && r.Role == role && r.ScopeUnitId == Data.ScopeUnitId))
                ModelState.AddModelError("Data.Role", UiText.RoleAlreadyHeld);
        }
        if (!ModelState.IsValid) return Page();

        db.RoleAssignments.Add(new RoleAssignment { UserId = id, Role = Data.Role!.Value, ScopeUnitId = Data.ScopeUnitId });
        await AuditAsync(id, "account.role-add", null, Describe(Data.Role.Value, Data.ScopeUnitId));
        await db.SaveChangesAsync();
        TempData.Notice(UiText.RoleAdded);
        return RedirectToPage(new { id });
    }

    /// <summary>Removes one role assignment of this account.</summary>
    public async Task<IActionResult> OnPostRemoveRoleAsync(string id, int assignmentId)
    {
        var assignment = await db.RoleAssignments.SingleOrDefaultAsync(r => r.Id == assignmentId && r.UserId == id);
        if (assignment is null) return NotFound();
        if (assignment.Role == Role.Administrator && assignment.ScopeUnitId is null
            && await db.RoleAssignments.CountAsync(r => r.Role == Role.Administrator && r.ScopeUnitId == null) == 1)
        {
            await LoadAsync(id);
            ModelState.AddModelError("", UiText.LastAdministrator);
            return Page();
        }
        db.RoleAssignments.Remove(assignment);
        await AuditAsync(id, "account.role-remove", Describe(assignment.Role, assignment.ScopeUnitId), null);
        await db.SaveChangesAsync();
        TempData.Notice(UiText.RoleRemoved);
        return RedirectToPage(new { id });
    }

    /// <summary>Unlocks an account locked after repeated failed sign-ins.</summary>
    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await AuditAsync(id, "account.unlock", null, null);
        await db.SaveChangesAsync();
        TempData.Notice(UiText.AccountUnlocked);
        return RedirectToPage(new { id });
    }

    private async Task AuditAsync(string userId, string action, string? old, string? now)
    {
        var scope = await current.GetAsync();
        db.Audit.Add(new AuditEntry { At = clock.UtcNow, User = scope.UserName, Action = action, Subject = $"AppUser:{userId}", OldValue = old, NewValue = now });
    }

    private static string Describe(Role role, int? unitId) =>
        $"{role} @ {unitId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "*"}";

    private async Task<bool> LoadAsync(string id)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id);
        if (user is null) return false;
        var roles = await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == id)
            .GroupJoin(db.Units, r => r.ScopeUnitId, u => u.Id, (r, us) => new { r, us })
            .SelectMany(x => x.us.DefaultIfEmpty(), (x, u) => new RoleLine(x.r.Id, x.r.Role, u == null ? null : u.Name))
            .ToListAsync();
        Shown = new Account(user.Id, user.UserName ?? "", user.FullName, user.LockoutEnd > clock.Time.GetUtcNow(), user.AccessFailedCount,
            roles.OrderBy(r => r.Role).ToList());
        Units = await UnitOptions.SelectAsync(db);
        return true;
    }
}
