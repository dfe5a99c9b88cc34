using System.Security.Claims;
using DanVan.Accounts;
using DanVan.Data;
using DanVan.OrgUnits;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Infrastructure;

/// <summary>The signed-in user's scope for this request, loaded once.</summary>
public sealed class CurrentUser(IHttpContextAccessor http, DanVanDbContext db)
{
    private UserScope? _scope;

    /// <summary>The scope; an empty one for anonymous requests.</summary>
    public async Task<UserScope> GetAsync(CancellationToken ct = default)
    {
        if (_scope is not null) return _scope;
        var principal = http.HttpContext?.User;
        var id = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var name = principal?.Identity?.Name ?? "";
        var roles = id is null ? [] : await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == id).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        _scope = new UserScope(id ?? "", name, roles, new OrgTree(units));
        return _scope;
    }
}
