using DanVan.Accounts;
using DanVan.OrgUnits;

namespace DanVan.Reports;

/// <summary>Who may build and edit consolidated reports of which scope. Plain rules over <see cref="UserScope"/>.</summary>
public static class ReportAccess
{
    /// <summary>
    /// Reads (builds, downloads) the report of a scope: an administrator, or a coordinator or viewer
    /// whose scope covers it. A unit user reads their unit, not a report over units.
    /// </summary>
    public static bool CanRead(UserScope user, int scopeUnitId)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsAdministrator || user.Has(Role.Coordinator, scopeUnitId) || user.Has(Role.Viewer, scopeUnitId);
    }

    /// <summary>Edits the report's text: an administrator, or a coordinator of exactly that scope (the body that issues the report).</summary>
    public static bool CanEdit(UserScope user, int scopeUnitId)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsAdministrator || user.Roles.Any(r => r.Role == Role.Coordinator && r.ScopeUnitId == scopeUnitId);
    }

    /// <summary>The scopes the user may report on: units with units below them, within the user's reading roles, top first.</summary>
    public static IReadOnlyList<OrgUnit> Scopes(UserScope user, IReadOnlyList<OrgUnit> units)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(units);
        var parents = units.Where(u => u.ParentId is not null).Select(u => u.ParentId!.Value).ToHashSet();
        var byId = units.ToDictionary(u => u.Id);
        int Depth(OrgUnit u)
        {
            var depth = 0;
            for (var p = u.ParentId; p is { } id && byId.TryGetValue(id, out var parent); p = parent.ParentId) depth++;
            return depth;
        }
        return units
            .Where(u => parents.Contains(u.Id) && CanRead(user, u.Id))
            .OrderBy(Depth).ThenBy(u => u.Code, StringComparer.Ordinal)
            .ToList();
    }
}
