using DanVan.OrgUnits;

namespace DanVan.Accounts;

/// <summary>What one user may read and do, by role and scope unit. Plain rules, no web types.</summary>
/// <remarks>Unit users and unit heads act for their unit only; coordinators, inspectors and viewers for
/// their scope unit and every unit below it; a system administrator (no scope unit) for everything.</remarks>
public sealed class UserScope(string userId, string userName, IReadOnlyList<RoleAssignment> roles, OrgTree tree)
{
    /// <summary>The account id.</summary>
    public string UserId { get; } = userId;

    /// <summary>The user name, as written in the audit trail.</summary>
    public string UserName { get; } = userName;

    /// <summary>The role assignments.</summary>
    public IReadOnlyList<RoleAssignment> Roles { get; } = roles;

    /// <summary>True for a system administrator.</summary>
    public bool IsAdministrator => Roles.Any(r => r.Role == Role.Administrator && r.ScopeUnitId is null);

    /// <summary>True when the user holds <paramref name="role"/> for <paramref name="unitId"/>.</summary>
    public bool Has(Role role, int unitId) => Roles.Any(r => r.Role == role && Covers(r, unitId));

    /// <summary>True when the user holds <paramref name="role"/> anywhere.</summary>
    public bool HasAny(Role role) => Roles.Any(r => r.Role == role);

    /// <summary>True when any of the user's roles covers the unit.</summary>
    public bool CanRead(int unitId) => IsAdministrator || Roles.Any(r => Covers(r, unitId));

    /// <summary>True when the user may enter the unit's self-assessment.</summary>
    public bool CanEnterFor(int unitId) => Has(Role.UnitUser, unitId) || Has(Role.UnitHead, unitId);

    /// <summary>True when the user coordinates (appraises, approves) the unit.</summary>
    public bool CanCoordinate(int unitId) => IsAdministrator || Has(Role.Coordinator, unitId);

    /// <summary>True when the user may record inspection findings for the unit.</summary>
    public bool CanInspect(int unitId) => Has(Role.Inspector, unitId) || CanCoordinate(unitId);

    /// <summary>Every unit id the user may read.</summary>
    public IReadOnlySet<int> ReadableUnitIds() => IsAdministrator
        ? tree.All.Select(u => u.Id).ToHashSet()
        : Roles.SelectMany(r => r.ScopeUnitId is { } id ? Spread(r.Role) ? tree.SelfAndDescendants(id).Select(u => u.Id) : [id] : []).ToHashSet();

    private bool Covers(RoleAssignment r, int unitId) => r.ScopeUnitId switch
    {
        null => r.Role == Role.Administrator,
        { } scope when Spread(r.Role) => tree.IsWithin(unitId, scope),
        { } scope => scope == unitId,
    };

    private static bool Spread(Role role) => role is Role.Coordinator or Role.Viewer or Role.Inspector or Role.Administrator;
}
