using DanVan.Accounts;
using DanVan.Accounts.Permissions;
using DanVan.Evaluations;
using DanVan.Reports;

namespace DanVan.Tests.Accounts;

/// <summary>The one permission model: (role, scope, action, target), answered by <see cref="Permissions"/>.</summary>
public sealed class PermissionsTests
{
    // Province 1; agency 2 under it; district 3 under it; commune 4 under the district.
    private const string Province = "/1/", Agency = "/1/2/", District = "/1/3/", Commune = "/1/3/4/";

    private static readonly Permissions P = Permissions.Builtin;

    private static UserScope User(params (Role Role, int? Unit)[] roles) => new(
        "u1", "user", roles.Select(r => new RoleAssignment { UserId = "u1", Role = r.Role, ScopeUnitId = r.Unit }).ToList(),
        new Dictionary<int, string> { [1] = Province, [2] = Agency, [3] = District, [4] = Commune });

    [Fact]
    public void Should_let_only_a_coordinator_of_the_unit_and_of_the_period_scope_set_flags()
    {
        var provincialPeriod = new Target(Commune, Province);
        P.Decide(User((Role.Coordinator, 1)), EvaluationPermissions.SetFlags, provincialPeriod).ShouldBe(AccessOutcome.Allowed);
        P.Decide(User((Role.Coordinator, 3)), EvaluationPermissions.SetFlags, provincialPeriod).ShouldBe(AccessOutcome.Forbidden);
        P.Decide(User((Role.Inspector, 1)), EvaluationPermissions.SetFlags, provincialPeriod).ShouldBe(AccessOutcome.Forbidden);
        P.Decide(User((Role.Coordinator, 3)), EvaluationPermissions.SetFlags, new Target(Commune, District)).ShouldBe(AccessOutcome.Allowed);
        P.Decide(User((Role.Administrator, null)), EvaluationPermissions.SetFlags, provincialPeriod).ShouldBe(AccessOutcome.Allowed);
    }

    [Fact]
    public void Should_answer_not_found_outside_the_scope_and_forbidden_for_a_role_that_may_not()
    {
        var agencyUser = User((Role.UnitUser, 2));
        P.Decide(agencyUser, EvaluationPermissions.Read, new Target(Commune, Province)).ShouldBe(AccessOutcome.NotFound);
        P.Decide(agencyUser, EvaluationPermissions.Approve, new Target(Commune, Province)).ShouldBe(AccessOutcome.NotFound);
        P.Decide(agencyUser, EvaluationPermissions.Approve, new Target(Agency, Province)).ShouldBe(AccessOutcome.Forbidden);
        P.Decide(agencyUser, EvaluationPermissions.EnterSelf, new Target(Agency, Province)).ShouldBe(AccessOutcome.Allowed);
        P.Decide(User(), EvaluationPermissions.Read, new Target(Agency, Province)).ShouldBe(AccessOutcome.NotFound);
    }

    [Fact]
    public void Should_spread_reviewing_roles_below_their_unit_but_not_unit_roles()
    {
        User((Role.Viewer, 3)).CanRead(Commune).ShouldBeTrue();
        User((Role.Viewer, 3)).CanRead(Agency).ShouldBeFalse();
        User((Role.UnitUser, 3)).CanRead(Commune).ShouldBeFalse();
        User((Role.UnitHead, 4)).CanRead(Commune).ShouldBeTrue();
        // "/1/3/" must not cover "/1/30/": the trailing slash ends the id.
        User((Role.Coordinator, 3)).CanRead("/1/30/").ShouldBeFalse();
    }

    [Fact]
    public void Should_let_only_the_head_confirm_and_the_unit_submit()
    {
        var target = new Target(Agency, Province);
        P.May(User((Role.UnitHead, 2)), EvaluationPermissions.Confirm, target).ShouldBeTrue();
        P.May(User((Role.UnitUser, 2)), EvaluationPermissions.Confirm, target).ShouldBeFalse();
        P.May(User((Role.UnitUser, 2)), EvaluationPermissions.Submit, target).ShouldBeTrue();
        P.May(User((Role.Coordinator, 1)), EvaluationPermissions.Submit, target).ShouldBeFalse();
        P.May(User((Role.Inspector, 1)), EvaluationPermissions.Inspect, target).ShouldBeTrue();
    }

    [Fact]
    public void Should_compute_the_same_actions_list_from_role_and_status()
    {
        var target = new Target(Agency, Province);
        var coordinator = EvaluationPermissions.ActionsFor(P, User((Role.Coordinator, 1)), AssessmentStatus.Submitted, true, target);
        coordinator.ShouldBe(new AssessmentActions(false, false, false, false, true, true, true, true, true, false, true));
        var inspector = EvaluationPermissions.ActionsFor(P, User((Role.Inspector, 1)), AssessmentStatus.Submitted, true, target);
        inspector.ShouldBe(new AssessmentActions(false, false, false, false, false, true, false, false, false, false, false));
        var unit = EvaluationPermissions.ActionsFor(P, User((Role.UnitUser, 2)), AssessmentStatus.Draft, false, target);
        unit.ShouldBe(new AssessmentActions(true, false, false, true, false, false, false, false, false, false, false));
    }

    [Fact]
    public void Should_let_a_coordinator_edit_only_the_report_of_exactly_their_scope()
    {
        P.May(User((Role.Coordinator, 1)), ReportPermissions.EditDraft, new Target(Province)).ShouldBeTrue();
        P.May(User((Role.Coordinator, 1)), ReportPermissions.EditDraft, new Target(District)).ShouldBeFalse();
        P.May(User((Role.Coordinator, 1)), ReportPermissions.Read, new Target(District)).ShouldBeTrue();
        P.May(User((Role.UnitUser, 3)), ReportPermissions.Read, new Target(District)).ShouldBeFalse();
    }

    [Fact]
    public void Should_show_citizens_personal_data_only_to_the_recording_unit_and_registry_clerks_in_scope()
    {
        var commune = new Target(Commune);
        P.May(User((Role.UnitUser, 4)), DanVan.Registries.RegistryPermissions.ReadPersonal, commune).ShouldBeTrue();
        P.May(User((Role.RegistryClerk, 1)), DanVan.Registries.RegistryPermissions.ReadPersonal, commune).ShouldBeTrue();
        P.May(User((Role.RegistryClerk, 3)), DanVan.Registries.RegistryPermissions.Merge, commune).ShouldBeTrue();
        foreach (var reader in new[] { User((Role.Viewer, 1)), User((Role.Coordinator, 1)), User((Role.Inspector, 1)), User((Role.UnitUser, 3)), User((Role.Administrator, null)) })
            P.May(reader, DanVan.Registries.RegistryPermissions.ReadPersonal, commune).ShouldBeFalse();
        P.Decide(User((Role.Viewer, 1)), DanVan.Registries.RegistryPermissions.Read, commune).ShouldBe(AccessOutcome.Allowed);
        P.Decide(User((Role.RegistryClerk, 2)), DanVan.Registries.RegistryPermissions.Read, commune).ShouldBe(AccessOutcome.NotFound);
        P.Decide(User((Role.Viewer, 1)), DanVan.Registries.RegistryPermissions.Record, commune).ShouldBe(AccessOutcome.Forbidden);
    }

    [Fact]
    public void Should_register_each_capability_once_with_its_own_prefix()
    {
        P.Actions.Keys.Select(k => k[..k.IndexOf('.', StringComparison.Ordinal)]).Distinct().Order()
            .ShouldBe(["accounts", "criteria", "evaluations", "orgUnits", "registries", "reports", "statistics"]);
        P.Allowed(User((Role.Coordinator, 1)), "evaluations", new Target(Agency, Province)).ShouldContain(EvaluationPermissions.SetFlags);
        Should.Throw<ArgumentException>(() => new Permissions([.. Permissions.BuiltinSets, new EvaluationPermissions()]));
        Should.Throw<KeyNotFoundException>(() => P.May(User(), "evaluations.unknown", Target.None));
    }
}
