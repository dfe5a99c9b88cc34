using DanVan.Accounts;
using DanVan.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Infrastructure;

/// <summary>Authorization policies by role held in any scope; pages narrow to the scope themselves.</summary>
public static class Policies
{
    /// <summary>System administrator.</summary>
    public const string Administrator = nameof(Administrator);

    /// <summary>Coordinator anywhere (or administrator).</summary>
    public const string Coordinator = nameof(Coordinator);

    /// <summary>Reads across units: coordinator, inspector, viewer or administrator.</summary>
    public const string Reader = nameof(Reader);

    /// <summary>Registers the three policies.</summary>
    public static void Add(AuthorizationOptions o)
    {
        o.AddPolicy(Administrator, p => p.AddRequirements(new RoleRequirement([])));
        o.AddPolicy(Coordinator, p => p.AddRequirements(new RoleRequirement([Role.Coordinator])));
        o.AddPolicy(Reader, p => p.AddRequirements(new RoleRequirement([Role.Coordinator, Role.Inspector, Role.Viewer])));
    }
}

/// <summary>Met by an administrator, or by anyone holding one of <see cref="Roles"/> in any scope.</summary>
public sealed record RoleRequirement(IReadOnlyList<Role> Roles) : IAuthorizationRequirement;

/// <summary>Checks <see cref="RoleRequirement"/> against the role assignments in the database.</summary>
public sealed class RoleRequirementHandler(CurrentUser current) : AuthorizationHandler<RoleRequirement>
{
    /// <inheritdoc />
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, RoleRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true) return;
        var scope = await current.GetAsync();
        if (scope.IsAdministrator || requirement.Roles.Any(scope.HasAny)) context.Succeed(requirement);
    }
}

/// <summary>What a page does with the object named in its route.</summary>
public enum Need
{
    /// <summary>Reads it (any role covering the unit).</summary>
    Read,

    /// <summary>Enters the unit's self-assessment (unit user or unit head of that unit).</summary>
    Enter,

    /// <summary>Appraises, returns, approves, reopens (coordinator of the unit and of the period's scope).</summary>
    Coordinate,

    /// <summary>Records inspection findings (inspector or coordinator covering the unit).</summary>
    Inspect,
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
}

/// <summary>Outcome of a scope check.</summary>
public enum AccessOutcome
{
    /// <summary>Allowed.</summary>
    Allowed,

    /// <summary>Outside the user's scope, or no such object: answered 404 so nothing is revealed.</summary>
    NotFound,

    /// <summary>Within the readable scope but the role does not allow the action: 403.</summary>
    Forbidden,
}

/// <summary>Checks the signed-in user's role and scope against the unit an object belongs to.</summary>
public sealed class ScopeCheck(DanVanDbContext db, CurrentUser current)
{
    /// <summary>Checks access to the object <paramref name="id"/> of <paramref name="target"/> for <paramref name="need"/>.</summary>
    public async Task<AccessOutcome> CheckAsync(ScopeTarget target, int id, Need need, CancellationToken ct = default)
    {
        var owner = target switch
        {
            ScopeTarget.Assessment => await db.Assessments.AsNoTracking().Where(a => a.Id == id)
                .Select(a => new Owner(a.UnitId, a.Period!.ScopeUnitId)).SingleOrDefaultAsync(ct),
            ScopeTarget.Evidence => await db.Evidence.AsNoTracking().Where(e => e.Id == id)
                .Join(db.Assessments, e => e.AssessmentId, a => a.Id, (e, a) => new Owner(a.UnitId, a.Period!.ScopeUnitId))
                .SingleOrDefaultAsync(ct),
            ScopeTarget.Period => await db.Periods.AsNoTracking().Where(p => p.Id == id)
                .Select(p => new Owner(p.ScopeUnitId, p.ScopeUnitId)).SingleOrDefaultAsync(ct),
            _ => null,
        };
        if (owner is null) return AccessOutcome.NotFound;
        return Decide(await current.GetAsync(ct), owner.UnitId, owner.PeriodScopeUnitId, need);
    }

    /// <summary>The rule itself: unreadable is 404, readable without the right role is 403.</summary>
    public static AccessOutcome Decide(UserScope scope, int unitId, int periodScopeUnitId, Need need)
    {
        if (!scope.CanRead(unitId)) return AccessOutcome.NotFound;
        var allowed = need switch
        {
            Need.Read => true,
            Need.Enter => scope.CanEnterFor(unitId),
            Need.Coordinate => scope.CanCoordinate(unitId) && scope.CanCoordinate(periodScopeUnitId),
            Need.Inspect => scope.CanInspect(unitId),
            _ => false,
        };
        return allowed ? AccessOutcome.Allowed : AccessOutcome.Forbidden;
    }

    private sealed record Owner(int UnitId, int PeriodScopeUnitId);
}

/// <summary>
/// Page filter: before any handler runs, the object named by the route value <see cref="RouteKey"/> must be within
/// the user's scope for <see cref="Need"/>; otherwise 404 (outside the scope) or 403 (wrong role).
/// </summary>
/// <remarks>Written once for every page that takes an assessment, evidence or period id, so a changed id in a URL
/// never reaches a handler.</remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
/// <remarks>A POST's need is <see cref="PostNeed"/> when given.</remarks>
public sealed class ScopedAttribute(ScopeTarget target, Need need) : Attribute, IAsyncPageFilter
{
    /// <summary>The object kind.</summary>
    public ScopeTarget Target { get; } = target;

    /// <summary>The action.</summary>
    public Need Need { get; } = need;

    /// <summary>The route value holding the id.</summary>
    public string RouteKey { get; init; } = "id";

    private readonly Need? _postNeed;

    /// <summary>What POST handlers need, when more than reading (e.g. a page anyone in scope reads but only the unit changes).</summary>
    public Need PostNeed { get => _postNeed ?? Need; init => _postNeed = value; }

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
        var need = HttpMethods.IsPost(context.HttpContext.Request.Method) ? PostNeed : Need;
        switch (await check.CheckAsync(Target, id, need, context.HttpContext.RequestAborted))
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
