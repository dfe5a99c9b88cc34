using DanVan.Accounts;
using DanVan.Accounts.Permissions;

namespace DanVan.Statistics;

/// <summary>The statistics forms' actions and who may do them; registered into <see cref="Permissions"/>.</summary>
public sealed class StatisticsPermissions : IPermissionSet
{
    /// <summary>Reads a unit's form and its audit trail (anyone whose role covers the unit).</summary>
    public const string Read = "statistics.read";

    /// <summary>Types the unit's figures (the unit's own users).</summary>
    public const string Enter = "statistics.enter";

    /// <summary>Confirms the figures (the unit head).</summary>
    public const string Confirm = "statistics.confirm";

    /// <summary>Submits the confirmed figures (the unit's own users).</summary>
    public const string Submit = "statistics.submit";

    /// <summary>Accepts or returns a submission and extends a unit's deadline (coordinator of the unit and of the period's scope).</summary>
    public const string Review = "statistics.review";

    /// <summary>Follows a scope: aggregates, completeness, who owes what, exports (coordinator, inspector, viewer).</summary>
    public const string Monitor = "statistics.monitor";

    /// <summary>Imports many units' figures in one file (coordinator covering them).</summary>
    public const string ImportMany = "statistics.importMany";

    /// <summary>Imports and exports form definitions (administrator, coordinator).</summary>
    public const string ManageForms = "statistics.manageForms";

    /// <summary>Opens a form's period for a scope unit (coordinator covering it).</summary>
    public const string OpenPeriod = "statistics.openPeriod";

    /// <inheritdoc />
    public void Register(PermissionCatalog catalog) => catalog
        .Add(Read, Grants.Of(Reach.Unit, Grants.Everyone))
        .Add(Enter, Grants.Of(Reach.Unit, Grants.UnitMembers))
        .Add(Confirm, Grants.Of(Reach.Unit, Role.UnitHead))
        .Add(Submit, Grants.Of(Reach.Unit, Grants.UnitMembers))
        .Add(Review, Grants.Of(Reach.UnitAndPeriodScope, Grants.Coordinators))
        .Add(Monitor, Grants.Of(Reach.Unit, Role.Administrator, Role.Coordinator, Role.Inspector, Role.Viewer))
        .Add(ImportMany, Grants.Of(Reach.Unit, Grants.Coordinators))
        .Add(ManageForms, Grants.Of(Reach.Anywhere, Grants.Coordinators))
        .Add(OpenPeriod, Grants.Of(Reach.Unit, Grants.Coordinators));

    /// <summary>The target of a report: its unit and its period's scope unit (both loaded).</summary>
    public static Target TargetOf(FormReport r) =>
        new(r.Unit?.Path ?? throw new InvalidOperationException("load the report's unit"),
            r.Period?.ScopeUnit?.Path ?? throw new InvalidOperationException("load the report's period and its scope unit"));

    /// <summary>What the user may do with the report now: the page's buttons and the API's action list.</summary>
    public static FormReportActions ActionsFor(Permissions permissions, UserScope user, FormReport r)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        var may = permissions.Allowed(user, "statistics", TargetOf(r));
        return new FormReportActions(
            Enter: may.Contains(Enter) && r.IsEditable,
            Confirm: may.Contains(Confirm) && r.IsEditable && r.Status != FormReportStatus.Confirmed,
            Submit: may.Contains(Submit) && r.Status == FormReportStatus.Confirmed,
            Accept: may.Contains(Review) && r.Status == FormReportStatus.Submitted,
            Return: may.Contains(Review) && r.Counts,
            ExtendDeadline: may.Contains(Review) && r.IsEditable);
    }
}

/// <summary>The actions open to one user on one report now.</summary>
public sealed record FormReportActions(bool Enter, bool Confirm, bool Submit, bool Accept, bool Return, bool ExtendDeadline);
