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

    /// <summary>Asks the level below for its reports (opens a call): a coordinator of exactly the asking unit.</summary>
    public const string OpenCall = "reports.openCall";

    /// <summary>Sends the unit's report up: its coordinator or head, assigned at exactly that unit (they sign it).</summary>
    public const string Send = "reports.send";

    /// <summary>Accepts or returns a report sent up: a coordinator of exactly the asking unit.</summary>
    public const string Receive = "reports.receive";

    /// <inheritdoc />
    public void Register(PermissionCatalog catalog) => catalog
        .Add(Read, Grants.Of(Reach.Unit, Role.Administrator, Role.Coordinator, Role.Viewer))
        .Add(EditDraft, Grants.Of(Reach.ExactUnit, Role.Administrator, Role.Coordinator))
        .Add(OpenCall, Grants.Of(Reach.ExactUnit, Role.Coordinator))
        .Add(Send, Grants.Of(Reach.ExactUnit, Role.Coordinator, Role.UnitHead))
        .Add(Receive, Grants.Of(Reach.ExactUnit, Role.Coordinator));
}
