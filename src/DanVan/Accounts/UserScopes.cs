using DanVan.Data;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Accounts;

/// <summary>Loads a user's scope: their role assignments and the paths of the units those are held at (a handful of rows).</summary>
public static class UserScopes
{
    /// <summary>The scope of the account <paramref name="userId"/> (empty id: an anonymous scope with no roles).</summary>
    public static async Task<UserScope> LoadAsync(DanVanDbContext db, string userId, string userName, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (userId.Length == 0) return new UserScope("", userName, [], new Dictionary<int, string>());
        var roles = await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == userId).ToListAsync(ct);
        var unitIds = roles.Where(r => r.ScopeUnitId is not null).Select(r => r.ScopeUnitId!.Value).Distinct().ToList();
        var paths = unitIds.Count == 0
            ? new Dictionary<int, string>()
            : await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Path, ct);
        return new UserScope(userId, userName, roles, paths);
    }
}
