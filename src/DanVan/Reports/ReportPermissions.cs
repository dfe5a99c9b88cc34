using DanVan.Accounts;
using DanVan.Accounts.Permissions;

namespace DanVan.Reports;

/// <summary>Consolidated reports; registered into <see cref="Permissions"/>.</summary>
public sealed class ReportPermissions : IPermissionSet
{
    /// <summary>Builds and downloads the report of a scope: an administrator, or a coordinator or viewer whose scope covers it
    /// (a unit user reads their unit, not a report over units).</summary>
    public const string Read = "reports.read";

    /// <summary>Edits the report's text: an administrator, or a coordinator of exactly that scope (the body that issues the report).</summary>
    public const string EditDraft = "reports.editDraft";

    /// <inheritdoc />
    public void Register(PermissionCatalog catalog) => catalog
        .Add(Read, Grants.Of(Reach.Unit, Role.Administrator, Role.Coordinator, Role.Viewer))
        .Add(EditDraft, Grants.Of(Reach.ExactUnit, Role.Administrator, Role.Coordinator));
}
