using DanVan.OrgUnits;

namespace DanVan.Accounts.Permissions;

/// <summary>How far a role's scope must reach for a grant to apply.</summary>
public enum Reach
{
    /// <summary>Any signed-in user, whatever roles they hold (their own account).</summary>
    SignedIn,

    /// <summary>Held anywhere: the action has no target unit (e.g. administration of the whole system).</summary>
    Anywhere,

    /// <summary>The role covers the target unit.</summary>
    Unit,

    /// <summary>The role covers the target unit and the scope unit of its period, so a district does not decide in a provincial period.</summary>
    UnitAndPeriodScope,

    /// <summary>The role is assigned at exactly the target unit (the body that issues a report), not above it.</summary>
    ExactUnit,
}

/// <summary>One way to be allowed an action: holding one of <see cref="Roles"/> with the given <see cref="Reach"/>.</summary>
public sealed record Grant(IReadOnlyList<Role> Roles, Reach Reach);

/// <summary>An action of a capability, e.g. <c>evaluations.setFlags</c>, and the grants that allow it.</summary>
public sealed record PermissionAction(string Code, IReadOnlyList<Grant> Grants)
{
    /// <summary>The capability part of the code ("evaluations").</summary>
    public string Capability => Code[..Code.IndexOf('.', StringComparison.Ordinal)];
}

/// <summary>Where an action is asked: the unit an object belongs to and, for an evaluation, the scope unit of its period.</summary>
/// <param name="UnitPath">Path of the object's unit (see <see cref="UnitPaths"/>); empty when the action has no target unit.</param>
/// <param name="PeriodScopePath">Path of the period's scope unit; the unit's own path when there is no period.</param>
public sealed record Target(string UnitPath, string? PeriodScopePath = null)
{
    /// <summary>No unit: for actions held anywhere.</summary>
    public static readonly Target None = new("");

    /// <summary>The target of a unit.</summary>
    public static Target Unit(OrgUnit unit) => new(unit.Path);
}

/// <summary>Outcome of a permission check.</summary>
public enum AccessOutcome
{
    /// <summary>Allowed.</summary>
    Allowed,

    /// <summary>Outside the user's scope, or no such object: answered 404 so nothing is revealed.</summary>
    NotFound,

    /// <summary>Within the readable scope but the role does not allow the action: 403.</summary>
    Forbidden,
}

/// <summary>A capability's own actions, registered once into <see cref="Permissions"/>.</summary>
public interface IPermissionSet
{
    /// <summary>Adds the capability's actions.</summary>
    void Register(PermissionCatalog catalog);
}

/// <summary>The actions every capability registered.</summary>
public sealed class PermissionCatalog
{
    private readonly Dictionary<string, PermissionAction> _actions = new(StringComparer.Ordinal);

    /// <summary>Registers an action; a code is registered once.</summary>
    public PermissionCatalog Add(string code, params Grant[] grants)
    {
        if (!code.Contains('.', StringComparison.Ordinal)) throw new ArgumentException($"'{code}' is not capability.action", nameof(code));
        if (!_actions.TryAdd(code, new PermissionAction(code, grants))) throw new ArgumentException($"'{code}' is registered twice", nameof(code));
        return this;
    }

    /// <summary>Every action, by code.</summary>
    public IReadOnlyDictionary<string, PermissionAction> Actions => _actions;
}

/// <summary>
/// The one place that answers "may this user do this action here": (role, scope, action, target). Pages, the API,
/// exports, downloads and the CLI all ask it; buttons and the API's action lists come from <see cref="Allowed"/>.
/// </summary>
/// <remarks>Something the user cannot read is <see cref="AccessOutcome.NotFound"/> (404), so no path tells whether
/// another unit's object exists; something readable but not allowed is <see cref="AccessOutcome.Forbidden"/> (403).</remarks>
public sealed class Permissions
{
    private readonly IReadOnlyDictionary<string, PermissionAction> _actions;

    /// <summary>Builds the service from the capabilities' registrations.</summary>
    public Permissions(IEnumerable<IPermissionSet> sets)
    {
        var catalog = new PermissionCatalog();
        foreach (var set in sets) set.Register(catalog);
        _actions = catalog.Actions;
    }

    /// <summary>The capabilities of the core: evaluations, units, criteria, reports, accounts.</summary>
    public static Permissions Builtin { get; } = new(BuiltinSets);

    /// <summary>The core's permission sets, for adding more capabilities beside them.</summary>
    public static IReadOnlyList<IPermissionSet> BuiltinSets =>
        [new Evaluations.EvaluationPermissions(), new OrgUnits.OrgUnitPermissions(), new Criteria.CriteriaPermissions(),
         new Reports.ReportPermissions(), new Statistics.StatisticsPermissions(), new Registries.RegistryPermissions(),
         new AccountPermissions()];

    /// <summary>Every registered action, by code.</summary>
    public IReadOnlyDictionary<string, PermissionAction> Actions => _actions;

    /// <summary>The action with this code; an unregistered code is a programming error.</summary>
    public PermissionAction this[string code] =>
        _actions.TryGetValue(code, out var a) ? a : throw new KeyNotFoundException($"no permission action '{code}' is registered");

    /// <summary>True when the user may do <paramref name="code"/> at <paramref name="target"/>.</summary>
    public bool May(UserScope user, string code, Target target) => this[code].Grants.Any(g => Meets(user, g, target));

    /// <summary>True when the user may do <paramref name="code"/> somewhere (menus, coarse page and endpoint checks).</summary>
    public bool MayAnywhere(UserScope user, string code) =>
        this[code].Grants.Any(g => g.Reach == Reach.SignedIn ? user.UserId.Length > 0
            : g.Roles.Any(r => r == Role.Administrator ? user.IsAdministrator : user.HasAny(r)));

    /// <summary>Allowed, 404 when the target's unit is outside what the user reads, 403 when readable but not allowed.</summary>
    public AccessOutcome Decide(UserScope user, string code, Target target)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(target);
        if (target.UnitPath.Length > 0 && !user.CanRead(target.UnitPath)) return AccessOutcome.NotFound;
        return May(user, code, target) ? AccessOutcome.Allowed : AccessOutcome.Forbidden;
    }

    /// <summary>Every action of <paramref name="capability"/> the user may do at the target: "what may I do here".</summary>
    public IReadOnlySet<string> Allowed(UserScope user, string capability, Target target) =>
        _actions.Values.Where(a => a.Capability == capability && a.Grants.Any(g => Meets(user, g, target)))
            .Select(a => a.Code).ToHashSet(StringComparer.Ordinal);

    private static bool Meets(UserScope user, Grant grant, Target target) => grant.Reach switch
    {
        Reach.SignedIn => user.UserId.Length > 0,
        Reach.Anywhere => grant.Roles.Any(r => r == Role.Administrator ? user.IsAdministrator : user.HasAny(r)),
        Reach.Unit => target.UnitPath.Length > 0 && grant.Roles.Any(r => user.Has(r, target.UnitPath)),
        Reach.UnitAndPeriodScope => target.UnitPath.Length > 0
            && grant.Roles.Any(r => user.Has(r, target.UnitPath) && user.Has(r, target.PeriodScopePath ?? target.UnitPath)),
        Reach.ExactUnit => target.UnitPath.Length > 0 && grant.Roles.Any(r => user.HasExactly(r, target.UnitPath)),
        _ => false,
    };
}

/// <summary>Shorthands for writing grants.</summary>
public static class Grants
{
    /// <summary>Administrator, coordinator, inspector, viewer, unit user, unit head: anyone whose role covers the unit.</summary>
    public static readonly Role[] Everyone = [Role.Administrator, Role.Coordinator, Role.Inspector, Role.Viewer, Role.UnitUser, Role.UnitHead];

    /// <summary>The unit's own users (unit user, unit head).</summary>
    public static readonly Role[] UnitMembers = [Role.UnitUser, Role.UnitHead];

    /// <summary>Administrator and coordinator.</summary>
    public static readonly Role[] Coordinators = [Role.Administrator, Role.Coordinator];

    /// <summary>A grant of <paramref name="roles"/> at <paramref name="reach"/>.</summary>
    public static Grant Of(Reach reach, params Role[] roles) => new(roles, reach);
}

/// <summary>Accounts: administration of accounts and roles, and a signed-in user's own account.</summary>
public sealed class AccountPermissions : IPermissionSet
{
    /// <summary>Creates accounts, assigns roles, locks and resets (system administrator).</summary>
    public const string Admin = "accounts.admin";

    /// <summary>Uses one's own account: home page, password, tokens, session (any signed-in user).</summary>
    public const string Self = "accounts.self";

    /// <summary>Is offered the access-token page by role: administrators and coordinators (who connect other
    /// programs); any other account only once it holds a token (see <see cref="ApiTokens.OffersPageAsync"/>).</summary>
    public const string Tokens = "accounts.tokens";

    /// <inheritdoc />
    public void Register(PermissionCatalog catalog) => catalog
        .Add(Admin, Grants.Of(Reach.Anywhere, Role.Administrator))
        .Add(Self, Grants.Of(Reach.SignedIn))
        .Add(Tokens, Grants.Of(Reach.Anywhere, Role.Administrator, Role.Coordinator));
}
