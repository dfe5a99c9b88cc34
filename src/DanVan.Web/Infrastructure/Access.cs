using DanVan.Accounts;
using DanVan.Accounts.Permissions;
using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.OrgUnits;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Infrastructure;

/// <summary>Authorization policies: one per registered permission action, met by a user who may do it somewhere.</summary>
/// <remarks>A policy is the coarse gate of a page folder or endpoint (the menu's question); the unit-level answer
/// is <see cref="ScopeCheck"/>. Both ask <see cref="Permissions"/>.</remarks>
public static class Policies
{
    /// <summary>Units and groups administration.</summary>
    public const string OrgUnitsAdmin = OrgUnitPermissions.Admin;

    /// <summary>Criteria sets administration.</summary>
    public const string CriteriaAdmin = CriteriaPermissions.Admin;

    /// <summary>Accounts administration.</summary>
    public const string AccountsAdmin = AccountPermissions.Admin;

    /// <summary>Opening periods.</summary>
    public const string OpenPeriod = EvaluationPermissions.OpenPeriod;

    /// <summary>Following periods: queue and dashboard.</summary>
    public const string Monitor = EvaluationPermissions.Monitor;

    /// <summary>Registers a policy per action of <paramref name="permissions"/>.</summary>
    public static void Add(AuthorizationOptions o, Permissions permissions)
    {
        foreach (var code in permissions.Actions.Keys)
            o.AddPolicy(code, p => p.AddRequirements(new PermissionRequirement(code)));
    }
}

/// <summary>Met by a user who may do <see cref="Action"/> somewhere.</summary>
public sealed record PermissionRequirement(string Action) : IAuthorizationRequirement;

/// <summary>Declares the permission action a page or endpoint needs; the route test requires one on every route.</summary>
/// <remarks>As an <see cref="AuthorizeAttribute"/> it also gates the route by <see cref="Policies"/> (may do it somewhere).</remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class PermissionAttribute(string action) : AuthorizeAttribute(action)
{
    /// <summary>The action's code.</summary>
    public string Action { get; } = action;
}

/// <summary>Checks <see cref="PermissionRequirement"/> against the role assignments in the database.</summary>
public sealed class PermissionRequirementHandler(CurrentUser current, Permissions permissions) : AuthorizationHandler<PermissionRequirement>
{
    /// <inheritdoc />
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true) return;
        if (permissions.MayAnywhere(await current.GetAsync(), requirement.Action)) context.Succeed(requirement);
    }
}

/// <summary>The kind of object a route id names.</summary>
public enum ScopeTarget
{
    /// <summary>An assessment id.</summary>
    Assessment,

    /// <summary>An evidence id (checked through its assessment).</summary>
    Evidence,

    /// <summary>An evaluation period id (checked against its scope unit).</summary>
    Period,

    /// <summary>A unit's statistics form id (checked against its unit and its period's scope unit).</summary>
    FormReport,

    /// <summary>A unit id (its document register).</summary>
    Unit,
}

/// <summary>Checks the signed-in user's role and scope against the unit an object belongs to, through <see cref="Permissions"/>.</summary>
public sealed class ScopeCheck(DanVanDbContext db, CurrentUser current, Permissions permissions)
{
    /// <summary>Checks the action <paramref name="action"/> on the object <paramref name="id"/> of <paramref name="target"/>.</summary>
    public async Task<AccessOutcome> CheckAsync(ScopeTarget target, int id, string action, CancellationToken ct = default)
    {
        var at = await TargetAsync(target, id, ct);
        if (at is null) return AccessOutcome.NotFound;
        return permissions.Decide(await current.GetAsync(ct), action, at);
    }

    /// <summary>The unit and period scope an object belongs to; null when there is no such object.</summary>
    public async Task<Target?> TargetAsync(ScopeTarget target, int id, CancellationToken ct = default) => target switch
    {
        ScopeTarget.Assessment => await db.Assessments.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new Target(a.Unit!.Path, a.Period!.ScopeUnit!.Path)).SingleOrDefaultAsync(ct),
        ScopeTarget.Evidence => await db.Evidence.AsNoTracking().Where(e => e.Id == id)
            .Join(db.Assessments, e => e.AssessmentId, a => a.Id, (e, a) => new Target(a.Unit!.Path, a.Period!.ScopeUnit!.Path))
            .SingleOrDefaultAsync(ct),
        ScopeTarget.Period => await db.Periods.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new Target(p.ScopeUnit!.Path, p.ScopeUnit.Path)).SingleOrDefaultAsync(ct),
        ScopeTarget.Unit => await db.Units.AsNoTracking().Where(u => u.Id == id).Select(u => new Target(u.Path, u.Path)).SingleOrDefaultAsync(ct),
        ScopeTarget.FormReport => await db.FormReports.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new Target(r.Unit!.Path, r.Period!.ScopeUnit!.Path)).SingleOrDefaultAsync(ct),
        _ => null,
    };
}

/// <summary>
/// Page filter: before any handler runs, the object named by the route value <see cref="RouteKey"/> must be within
/// the user's scope for <see cref="Action"/>; otherwise 404 (outside the scope) or 403 (wrong role).
/// </summary>
/// <remarks>Written once for every page that takes an assessment, evidence or period id, so a changed id in a URL
/// never reaches a handler. A POST's action is <see cref="PostAction"/> when given.</remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ScopedAttribute(ScopeTarget target, string action) : Attribute, IAsyncPageFilter
{
    /// <summary>The object kind.</summary>
    public ScopeTarget Target { get; } = target;

    /// <summary>The permission action a GET needs (and a POST, unless <see cref="PostAction"/> is given).</summary>
    public string Action { get; } = action;

    /// <summary>The route value holding the id.</summary>
    public string RouteKey { get; init; } = "id";

    private readonly string? _postAction;

    /// <summary>What POST handlers need, when more than reading (e.g. a page anyone in scope reads but only the unit changes).</summary>
    public string PostAction { get => _postAction ?? Action; init => _postAction = value; }

    /// <inheritdoc />
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var raw = context.RouteData.Values.TryGetValue(RouteKey, out var v) ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) : null;
        if (!int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            context.Result = new NotFoundResult();
            return;
        }

        var check = context.HttpContext.RequestServices.GetRequiredService<ScopeCheck>();
        var action = HttpMethods.IsPost(context.HttpContext.Request.Method) ? PostAction : Action;
        switch (await check.CheckAsync(Target, id, action, context.HttpContext.RequestAborted))
        {
            case AccessOutcome.NotFound:
                context.Result = new NotFoundResult();
                return;
            case AccessOutcome.Forbidden:
                context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
                return;
            default:
                await next();
                return;
        }
    }
}

/// <summary>Endpoint metadata: the permission action an API route asks <see cref="Permissions"/> about, per object
/// (the handler answers 404 or 403 from it). Declarative, so an out-of-scope id still answers 404, never 403.</summary>
public sealed record RequiresPermission(string Action);

/// <summary>Declaring the action of an API route.</summary>
public static class RequiresPermissionExtensions
{
    /// <summary>Declares that the route is decided by <paramref name="action"/>.</summary>
    public static TBuilder Requires<TBuilder>(this TBuilder builder, string action) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiresPermission(action));
}
