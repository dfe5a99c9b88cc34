using DanVan.Accounts;
using DanVan.Accounts.Permissions;

namespace DanVan.OrgUnits;

/// <summary>Units and groups: administration by the system administrator; registered into <see cref="Permissions"/>.</summary>
public sealed class OrgUnitPermissions : IPermissionSet
{
    /// <summary>Creates, moves, imports and exports units and groups.</summary>
    public const string Admin = "orgUnits.admin";

    /// <inheritdoc />
    public void Register(PermissionCatalog catalog) => catalog.Add(Admin, Grants.Of(Reach.Anywhere, Role.Administrator));
}
