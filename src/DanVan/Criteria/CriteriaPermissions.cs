using DanVan.Accounts;
using DanVan.Accounts.Permissions;

namespace DanVan.Criteria;

/// <summary>Criteria sets: administration by the system administrator; registered into <see cref="Permissions"/>.</summary>
public sealed class CriteriaPermissions : IPermissionSet
{
    /// <summary>Imports, validates and publishes criteria sets.</summary>
    public const string Admin = "criteria.admin";

    /// <inheritdoc />
    public void Register(PermissionCatalog catalog) => catalog.Add(Admin, Grants.Of(Reach.Anywhere, Role.Administrator));
}
