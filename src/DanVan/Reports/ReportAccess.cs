using DanVan.Accounts;
using DanVan.Accounts.Permissions;
using DanVan.OrgUnits;

namespace DanVan.Reports;

/// <summary>Which scopes a user may report on; the rules themselves are <see cref="ReportPermissions"/>.</summary>
public static class ReportAccess
{
    /// <summary>True when the user reads (builds, downloads) the report of the scope unit.</summary>
    public static bool CanRead(UserScope user, OrgUnit scope) => Permissions.Builtin.May(user, ReportPermissions.Read, Target.Unit(scope));

    /// <summary>True when the user edits the report text of the scope unit.</summary>
    public static bool CanEdit(UserScope user, OrgUnit scope) => Permissions.Builtin.May(user, ReportPermissions.EditDraft, Target.Unit(scope));

    /// <summary>The scopes the user may report on: units with units below them, within the user's reading roles, top first.</summary>
    public static IReadOnlyList<OrgUnit> Scopes(UserScope user, IReadOnlyList<OrgUnit> units)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(units);
        var parents = units.Where(u => u.ParentId is not null).Select(u => u.ParentId!.Value).ToHashSet();
        return units
            .Where(u => parents.Contains(u.Id) && CanRead(user, u))
            .OrderBy(u => u.Path.Count(c => c == '/')).ThenBy(u => u.Code, StringComparer.Ordinal)
            .ToList();
    }
}
