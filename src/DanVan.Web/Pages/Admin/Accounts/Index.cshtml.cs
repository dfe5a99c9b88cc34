using DanVan.Accounts;
using DanVan.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using DanVan.Periods;

namespace DanVan.Web.Pages.Admin.Accounts;

/// <summary>Accounts with their roles and scopes.</summary>
public sealed class Index(DanVanDbContext db, ProvinceClock clock) : PageModel
{
    /// <summary>The accounts.</summary>
    public IReadOnlyList<Row> Accounts { get; private set; } = [];

    /// <summary>One account.</summary>
    public sealed record Row(string Id, string UserName, string FullName, bool LockedOut, IReadOnlyList<RoleLine> Roles);

    /// <summary>One role held within a unit.</summary>
    public sealed record RoleLine(Role Role, string? Unit);

    /// <summary>Lists the accounts.</summary>
    public async Task OnGetAsync()
    {
        var now = clock.Time.GetUtcNow();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.FullName, u.LockoutEnd }).ToListAsync();
        var roles = await db.RoleAssignments.AsNoTracking()
            .GroupJoin(db.Units, r => r.ScopeUnitId, u => u.Id, (r, us) => new { r, us })
            .SelectMany(x => x.us.DefaultIfEmpty(), (x, u) => new { x.r.UserId, x.r.Role, Unit = u == null ? null : u.Name })
            .ToListAsync();
        var byUser = roles.ToLookup(r => r.UserId);
        Accounts = users.Select(u => new Row(u.Id, u.UserName ?? "", u.FullName, u.LockoutEnd > now,
            byUser[u.Id].OrderBy(r => r.Role).Select(r => new RoleLine(r.Role, r.Unit)).ToList())).ToList();
    }
}
