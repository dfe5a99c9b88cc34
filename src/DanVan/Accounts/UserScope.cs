using DanVan.OrgUnits;

namespace DanVan.Accounts;

/// <summary>Who the user is and where each of their roles reaches. Plain rules, no web types.</summary>
/// <remarks>Unit users and unit heads act for their unit only; coordinators, inspectors and viewers for
/// their scope unit and every unit below it; a system administrator (no scope unit) for everything. Units are
/// named by their path (<see cref="UnitPaths"/>), so a check needs no tree in memory and a query is a prefix match.
/// What a role may do is decided by <see cref="Permissions.Permissions"/>.</remarks>
public sealed class UserScope
{
    private readonly IReadOnlyDictionary<int, string> _scopePaths;

    /// <summary>A user's scope from their role assignments and the paths of the units those are held at.</summary>
    public UserScope(string userId, string userName, IReadOnlyList<RoleAssignment> roles, IReadOnlyDictionary<int, string> scopePaths)
    {
        UserId = userId;
        UserName = userName;
        Roles = roles;
        _scopePaths = scopePaths;
    }

    /// <summary>The account id.</summary>
    public string UserId { get; }

    /// <summary>The user name, as written in the audit trail.</summary>
    public string UserName { get; }

    /// <summary>The role assignments.</summary>
    public IReadOnlyList<RoleAssignment> Roles { get; }

    /// <summary>True for a system administrator.</summary>
    public bool IsAdministrator => Roles.Any(r => r.Role == Role.Administrator && r.ScopeUnitId is null);

    /// <summary>True when the user holds <paramref name="role"/> for the unit at <paramref name="unitPath"/>.</summary>
    public bool Has(Role role, string unitPath) => Roles.Any(r => r.Role == role && Covers(r, unitPath));

    /// <summary>True when the user holds <paramref name="role"/> assigned at exactly the unit at <paramref name="unitPath"/>.</summary>
    public bool HasExactly(Role role, string unitPath) =>
        role == Role.Administrator ? IsAdministrator : Roles.Any(r => r.Role == role && PathOf(r) == unitPath && unitPath.Length > 0);

    /// <summary>True when the user holds <paramref name="role"/> anywhere.</summary>
    public bool HasAny(Role role) => Roles.Any(r => r.Role == role);

    /// <summary>True when any of the user's roles covers the unit: what the user may see at all.</summary>
    public bool CanRead(string unitPath) => IsAdministrator || Roles.Any(r => Covers(r, unitPath));

    /// <summary>The units the user reads, as a filter the database runs (prefix matches on <see cref="OrgUnit.Path"/>).</summary>
    public System.Linq.Expressions.Expression<Func<OrgUnit, bool>> ReadableUnit() => ScopeFilter.Units(this);

    /// <summary>The ids of the units the user's roles are held at, spread below (coordinators, inspectors, viewers) or not (unit roles).</summary>
    internal IEnumerable<(string Path, bool Spreads)> Reaches() => Roles
        .Where(r => r.ScopeUnitId is not null && PathOf(r).Length > 0)
        .Select(r => (PathOf(r), Spread(r.Role)));

    private string PathOf(RoleAssignment r) => r.ScopeUnitId is { } id && _scopePaths.TryGetValue(id, out var p) ? p : "";

    private bool Covers(RoleAssignment r, string unitPath) => r.ScopeUnitId switch
    {
        null => r.Role == Role.Administrator,
        _ when unitPath.Length == 0 => false,
        _ when Spread(r.Role) => UnitPaths.IsWithin(unitPath, PathOf(r)),
        _ => PathOf(r) == unitPath,
    };

    private static bool Spread(Role role) => role is Role.Coordinator or Role.Viewer or Role.Inspector or Role.Administrator or Role.RegistryClerk;
}
