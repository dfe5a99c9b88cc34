using DanVan.Accounts.Permissions;
using DanVan.Accounts;
using DanVan.Data;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages;

/// <summary>Home page: the user's roles with their scopes, and where to go next.</summary>
[Permission(AccountPermissions.Self)]
public sealed class IndexModel(DanVanDbContext db, CurrentUser current, DanVan.Periods.ProvinceClock clock) : PageModel
{
    /// <summary>What to do now: returned, overdue, due soon and accepted obligations of the units the user reads (at most <see cref="MaxNotices"/>).</summary>
    public IReadOnlyList<DanVan.Periods.Notice> Notices { get; private set; } = [];

    /// <summary>Notices shown on the home page; the board shows the rest.</summary>
    public const int MaxNotices = 8;

    /// <summary>The user's roles.</summary>
    public IReadOnlyList<RoleLine> Roles { get; private set; } = [];

    /// <summary>True when the user enters a unit's self-assessment.</summary>
    public bool IsUnit { get; private set; }

    /// <summary>True when the user coordinates somewhere.</summary>
    public bool IsCoordinator { get; private set; }

    /// <summary>True when the user reads across units.</summary>
    public bool IsReader { get; private set; }

    /// <summary>True for a system administrator.</summary>
    public bool IsAdministrator { get; private set; }

    /// <summary>One role and the unit it is held for.</summary>
    public sealed record RoleLine(Role Role, string? Unit);

    /// <summary>Shows the page.</summary>
    public async Task OnGetAsync()
    {
        var scope = await current.GetAsync();
        var unitIds = scope.Roles.Where(r => r.ScopeUnitId != null).Select(r => r.ScopeUnitId!.Value).ToList();
        var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name);
        Roles = scope.Roles.OrderBy(r => r.Role)
            .Select(r => new RoleLine(r.Role, r.ScopeUnitId is { } id ? names.GetValueOrDefault(id) : null)).ToList();
        IsAdministrator = scope.IsAdministrator;
        IsUnit = scope.HasAny(Role.UnitUser) || scope.HasAny(Role.UnitHead);
        IsCoordinator = IsAdministrator || scope.HasAny(Role.Coordinator);
        IsReader = IsCoordinator || scope.HasAny(Role.Inspector) || scope.HasAny(Role.Viewer);
        var today = clock.Today;
        Notices = [.. DanVan.Periods.Reminders.For(await DanVan.Periods.Obligations.InScopeAsync(db, scope, today), today).Take(MaxNotices)];
    }
}
