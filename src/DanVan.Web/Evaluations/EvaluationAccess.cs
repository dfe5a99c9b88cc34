using DanVan.Accounts;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Scoring;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Evaluations;

/// <summary>Scope rules of the evaluation cycle, written once for pages and API: what a user may see and do.</summary>
/// <remarks>
/// Something outside the user's scope is treated exactly like something that does not exist (the finders return
/// null; the API answers 404), so no path tells whether another unit's period, assessment or evidence exists.
/// Something the user can read but not change gives 403.
/// </remarks>
public static class EvaluationAccess
{
    /// <summary>Periods the user may see: those run for a unit the user reads, or evaluating a unit the user reads.</summary>
    public static IQueryable<EvaluationPeriod> VisiblePeriods(DanVanDbContext db, UserScope scope)
    {
        var units = scope.ReadableUnitIds().ToList();
        return db.Periods.Where(p => units.Contains(p.ScopeUnitId) || p.Assessments.Any(a => units.Contains(a.UnitId)));
    }

    /// <summary>The period if the user may see it, else null (not found and out of scope look the same).</summary>
    public static Task<EvaluationPeriod?> FindPeriodAsync(DanVanDbContext db, UserScope scope, int periodId, CancellationToken ct = default) =>
        VisiblePeriods(db, scope).AsNoTracking().Include(p => p.ScopeUnit).SingleOrDefaultAsync(p => p.Id == periodId, ct);

    /// <summary>Assessments of a period the user may read.</summary>
    public static IQueryable<Assessment> ReadableAssessments(DanVanDbContext db, UserScope scope)
    {
        var units = scope.ReadableUnitIds().ToList();
        return db.Assessments.Where(a => units.Contains(a.UnitId));
    }

    /// <summary>The assessment, tracked, with its entries, unit and period, if the user may read it; else null.</summary>
    public static async Task<Assessment?> FindAssessmentAsync(DanVanDbContext db, UserScope scope, int assessmentId, CancellationToken ct = default)
    {
        var assessment = await db.Assessments.Include(a => a.Entries).Include(a => a.Unit).Include(a => a.Period)
            .SingleOrDefaultAsync(a => a.Id == assessmentId, ct);
        return assessment is not null && scope.CanRead(assessment.UnitId) ? assessment : null;
    }

    /// <summary>The evidence and its assessment (tracked), if the user may read the assessment; else null.</summary>
    public static async Task<(Evidence Evidence, Assessment Assessment)?> FindEvidenceAsync(DanVanDbContext db, UserScope scope, int evidenceId, CancellationToken ct = default)
    {
        var evidence = await db.Evidence.SingleOrDefaultAsync(e => e.Id == evidenceId, ct);
        if (evidence is null) return null;
        var assessment = await db.Assessments.SingleAsync(a => a.Id == evidence.AssessmentId, ct);
        return scope.CanRead(assessment.UnitId) ? (evidence, assessment) : null;
    }

    /// <summary>True when the user may write entries of <paramref name="layer"/> on the assessment (its period loaded).</summary>
    public static bool MayEnter(UserScope scope, Assessment assessment, ScoreLayer layer) => layer switch
    {
        ScoreLayer.Self => scope.CanEnterFor(assessment.UnitId),
        ScoreLayer.Appraisal => Coordinates(scope, assessment),
        ScoreLayer.Inspection => scope.CanInspect(assessment.UnitId),
        _ => false,
    };

    /// <summary>True when the user appraises, returns, approves and reopens the assessment (its period loaded):
    /// a coordinator of the unit and of the period's scope unit, so a district does not decide in a provincial period.</summary>
    public static bool Coordinates(UserScope scope, Assessment assessment) =>
        scope.CanCoordinate(assessment.UnitId) && scope.CanCoordinate(assessment.Period!.ScopeUnitId);

    /// <summary>True when the user reviews the unit (coordinator, inspector, administrator).</summary>
    public static bool Reviews(UserScope scope, int unitId) => scope.CanCoordinate(unitId) || scope.CanInspect(unitId);

    /// <summary>True when the computed final result may be shown: to reviewers always, to others once approval publishes it.</summary>
    public static bool SeesFinal(UserScope scope, Assessment assessment) =>
        assessment.Status == AssessmentStatus.Approved || Reviews(scope, assessment.UnitId);

    /// <summary>What the user may do with the assessment (its period loaded) now, by role and status.</summary>
    public static AssessmentActions ActionsFor(UserScope scope, Assessment a)
    {
        var unit = a.UnitId;
        var coordinates = Coordinates(scope, a);
        var reviewable = a.Status is AssessmentStatus.Submitted or AssessmentStatus.Appraised;
        return new AssessmentActions(
            EnterSelf: scope.CanEnterFor(unit) && a.IsEditableByUnit,
            Confirm: scope.Has(Role.UnitHead, unit) && a.IsEditableByUnit,
            Submit: scope.CanEnterFor(unit) && a.IsEditableByUnit && a.ConfirmedAt is not null,
            AddEvidence: scope.CanEnterFor(unit) && a.IsEditableByUnit,
            Appraise: coordinates && reviewable,
            Inspect: scope.CanInspect(unit) && reviewable,
            Return: coordinates && reviewable,
            MarkAppraised: coordinates && reviewable,
            Approve: coordinates && reviewable,
            Reopen: coordinates && a.Status == AssessmentStatus.Approved);
    }
}

/// <summary>The actions open to one user on one assessment now; a page shows its buttons from these.</summary>
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
    bool Reopen);
