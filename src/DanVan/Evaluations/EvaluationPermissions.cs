using DanVan.Accounts;
using DanVan.Accounts.Permissions;
using DanVan.Evaluations.Scoring;

namespace DanVan.Evaluations;

/// <summary>The evaluation cycle's actions and who may do them; registered into <see cref="Permissions"/>.</summary>
public sealed class EvaluationPermissions : IPermissionSet
{
    /// <summary>Reads an assessment, its evidence and audit trail (anyone whose role covers the unit).</summary>
    public const string Read = "evaluations.read";

    /// <summary>Enters the unit's self-assessment (the unit's own users).</summary>
    public const string EnterSelf = "evaluations.enterSelf";

    /// <summary>Confirms the self-assessment (the unit head).</summary>
    public const string Confirm = "evaluations.confirm";

    /// <summary>Submits the self-assessment (the unit's own users).</summary>
    public const string Submit = "evaluations.submit";

    /// <summary>Adds and removes evidence (the unit's own users).</summary>
    public const string AddEvidence = "evaluations.addEvidence";

    /// <summary>Records appraisal adjustments and marks appraised (coordinator of the unit and of the period's scope).</summary>
    public const string Appraise = "evaluations.appraise";

    /// <summary>Registers documents in the unit's register (sổ văn bản kiểm chứng).</summary>
    public const string RegisterDocument = "evaluations.registerDocument";

    /// <summary>Marks an evidence item "chưa đủ căn cứ" with a reason, or clears the mark (those who appraise).</summary>
    public const string MarkEvidence = "evaluations.markEvidence";

    /// <summary>Records inspection findings (inspector or coordinator covering the unit).</summary>
    public const string Inspect = "evaluations.inspect";

    /// <summary>Returns a submission for revision (coordinator of the unit and of the period's scope).</summary>
    public const string Return = "evaluations.return";

    /// <summary>Approves and publishes the result (coordinator of the unit and of the period's scope).</summary>
    public const string Approve = "evaluations.approve";

    /// <summary>Reopens an approved result (coordinator of the unit and of the period's scope).</summary>
    public const string Reopen = "evaluations.reopen";

    /// <summary>Sets the flags the classification rules use, e.g. a disciplinary violation that moves the class
    /// (coordinator of the unit and of the period's scope: the same people who approve).</summary>
    public const string SetFlags = "evaluations.setFlags";

    /// <summary>Sees a computed result before approval publishes it (coordinator, inspector).</summary>
    public const string SeeUnpublished = "evaluations.seeUnpublished";

    /// <summary>Follows a period: queue, dashboard, results (coordinator, inspector, viewer).</summary>
    public const string Monitor = "evaluations.monitor";

    /// <summary>Re-scores a period's entries under a draft criteria set, read-only (coordinator covering the period's scope unit).</summary>
    public const string Simulate = "evaluations.simulate";

    /// <summary>Contests the published result within the period's window (phúc tra; the unit head, who signs the request).</summary>
    public const string RequestReconsideration = "evaluations.requestReconsideration";

    /// <summary>Rules on contested criteria and publishes the result again; sets a period's window (the deciders).</summary>
    public const string RuleReconsideration = "evaluations.ruleReconsideration";

    /// <summary>Opens a period for a scope unit (coordinator covering it).</summary>
    public const string OpenPeriod = "evaluations.openPeriod";

    /// <summary>Sets whether a period is appraised by one coordinator or by a council, and the council (coordinator covering the period's scope unit).</summary>
    public const string SetCouncil = "evaluations.setCouncil";

    /// <summary>Takes part in an appraisal council: roles that may sit on one (coordinator, inspector, viewer covering the unit);
    /// the period's council names who does (<see cref="Council.Councils"/>).</summary>
    public const string Council = "evaluations.council";

    /// <inheritdoc />
    public void Register(PermissionCatalog catalog)
    {
        var deciders = Grants.Of(Reach.UnitAndPeriodScope, Grants.Coordinators);
        catalog
            .Add(Read, Grants.Of(Reach.Unit, Grants.Everyone))
            .Add(EnterSelf, Grants.Of(Reach.Unit, Grants.UnitMembers))
            .Add(Confirm, Grants.Of(Reach.Unit, Role.UnitHead))
            .Add(Submit, Grants.Of(Reach.Unit, Grants.UnitMembers))
            .Add(AddEvidence, Grants.Of(Reach.Unit, Grants.UnitMembers))
            .Add(Appraise, deciders)
            .Add(RegisterDocument, Grants.Of(Reach.Unit, Grants.UnitMembers))
            .Add(MarkEvidence, deciders)
            .Add(Inspect, Grants.Of(Reach.Unit, Role.Administrator, Role.Coordinator, Role.Inspector))
            .Add(Return, deciders)
            .Add(Approve, deciders)
            .Add(Reopen, deciders)
            .Add(SetFlags, deciders)
            .Add(RequestReconsideration, Grants.Of(Reach.Unit, Role.UnitHead))
            .Add(RuleReconsideration, deciders)
            .Add(SeeUnpublished, Grants.Of(Reach.Unit, Role.Administrator, Role.Coordinator, Role.Inspector))
            .Add(Monitor, Grants.Of(Reach.Unit, Role.Administrator, Role.Coordinator, Role.Inspector, Role.Viewer))
            .Add(OpenPeriod, Grants.Of(Reach.Unit, Grants.Coordinators))
            .Add(SetCouncil, Grants.Of(Reach.Unit, Grants.Coordinators))
            .Add(Council, Grants.Of(Reach.Unit, Role.Administrator, Role.Coordinator, Role.Inspector, Role.Viewer))
            .Add(Simulate, Grants.Of(Reach.Unit, Grants.Coordinators));
    }

    /// <summary>The target of an assessment: its unit and its period's scope unit (both loaded).</summary>
    public static Target TargetOf(Assessment a) =>
        new(a.Unit?.Path ?? throw new InvalidOperationException("load the assessment's unit"),
            a.Period?.ScopeUnit?.Path ?? throw new InvalidOperationException("load the assessment's period and its scope unit"));

    /// <summary>The layer's entry action: self by the unit, appraisal by the deciders, inspection by inspectors.</summary>
    public static string EntryAction(ScoreLayer layer) => layer switch
    {
        ScoreLayer.Self => EnterSelf,
        ScoreLayer.Appraisal => Appraise,
        ScoreLayer.Reconsideration => RuleReconsideration,
        _ => Inspect,
    };

    /// <summary>What the user may do with the assessment now, by role, scope and status: the page's buttons and the API's action list.</summary>
    public static AssessmentActions ActionsFor(Permissions permissions, UserScope user, AssessmentStatus status, bool confirmed, Target target)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        var may = permissions.Allowed(user, "evaluations", target);
        var editable = status is AssessmentStatus.NotStarted or AssessmentStatus.Draft or AssessmentStatus.Returned;
        var reviewable = status is AssessmentStatus.Submitted or AssessmentStatus.Appraised;
        return new AssessmentActions(
            EnterSelf: may.Contains(EnterSelf) && editable,
            Confirm: may.Contains(Confirm) && editable,
            Submit: may.Contains(Submit) && editable && confirmed,
            AddEvidence: may.Contains(AddEvidence) && editable,
            Appraise: may.Contains(Appraise) && reviewable,
            Inspect: may.Contains(Inspect) && reviewable,
            Return: may.Contains(Return) && reviewable,
            MarkAppraised: may.Contains(Appraise) && reviewable,
            Approve: may.Contains(Approve) && reviewable,
            Reopen: may.Contains(Reopen) && status == AssessmentStatus.Approved,
            SetFlags: may.Contains(SetFlags) && reviewable);
    }

    /// <summary><see cref="ActionsFor(Permissions, UserScope, AssessmentStatus, bool, Target)"/> of a loaded assessment (unit, period and scope unit loaded).</summary>
    public static AssessmentActions ActionsFor(Permissions permissions, UserScope user, Assessment a) =>
        ActionsFor(permissions, user, a.Status, a.ConfirmedAt is not null, TargetOf(a));
}

/// <summary>The actions open to one user on one assessment now; a page shows its buttons from these, the API lists them.</summary>
public sealed record AssessmentActions(
    bool EnterSelf,
    bool Confirm,
    bool Submit,
    bool AddEvidence,
    bool Appraise,
    bool Inspect,
    bool Return,
    bool MarkAppraised,
    bool Approve,
    bool Reopen,
    bool SetFlags);
