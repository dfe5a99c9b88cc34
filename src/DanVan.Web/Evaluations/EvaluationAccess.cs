using DanVan.Accounts;
using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Scoring;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Evaluations;

/// <summary>Finding the evaluation cycle's objects within the user's scope, for pages and API; the rules are <see cref="EvaluationPermissions"/>.</summary>
/// <remarks>
/// Something outside the user's scope is treated exactly like something that does not exist (the finders return
/// null; the API answers 404), so no path tells whether another unit's period, assessment or evidence exists.
/// The scope is a join in the database (<see cref="ScopeFilter"/>), never a list of ids.
/// </remarks>
public static class EvaluationAccess
{
    /// <summary>Periods the user may see: those run for a unit the user reads, or evaluating a unit the user reads.</summary>
    public static IQueryable<EvaluationPeriod> VisiblePeriods(DanVanDbContext db, UserScope scope)
    {
        if (scope.IsAdministrator) return db.Periods;
        var scopeUnit = ScopeFilter.On<EvaluationPeriod>(scope, p => p.ScopeUnit);
        var periodsWithMine = ReadableAssessments(db, scope).Select(a => a.PeriodId);
        return db.Periods.Where(scopeUnit).Union(db.Periods.Where(p => periodsWithMine.Contains(p.Id)));
    }

    /// <summary>The period if the user may see it, else null (not found and out of scope look the same).</summary>
    public static async Task<EvaluationPeriod?> FindPeriodAsync(DanVanDbContext db, UserScope scope, int periodId, CancellationToken ct = default)
    {
        var period = await db.Periods.AsNoTracking().Include(p => p.ScopeUnit).SingleOrDefaultAsync(p => p.Id == periodId, ct);
        if (period is null) return null;
        if (scope.CanRead(period.ScopeUnit!.Path)) return period;
        return await ReadableAssessments(db, scope).AnyAsync(a => a.PeriodId == periodId, ct) ? period : null;
    }

    /// <summary>Assessments the user may read (their unit within the user's scope), as a join in SQL.</summary>
    public static IQueryable<Assessment> ReadableAssessments(DanVanDbContext db, UserScope scope) =>
        db.Assessments.Where(ScopeFilter.On<Assessment>(scope, a => a.Unit));

    /// <summary>The assessment, tracked, with its entries, unit, period and the period's scope unit, if the user may read it; else null.</summary>
    public static async Task<Assessment?> FindAssessmentAsync(DanVanDbContext db, UserScope scope, int assessmentId, CancellationToken ct = default)
    {
        var assessment = await db.Assessments.Include(a => a.Entries).Include(a => a.Unit).Include(a => a.Period).ThenInclude(p => p!.ScopeUnit)
            .SingleOrDefaultAsync(a => a.Id == assessmentId, ct);
        return assessment is not null && scope.CanRead(assessment.Unit!.Path) ? assessment : null;
    }

    /// <summary>The evidence and its assessment (tracked, unit and period loaded), if the user may read the assessment; else null.</summary>
    public static async Task<(Evidence Evidence, Assessment Assessment)?> FindEvidenceAsync(DanVanDbContext db, UserScope scope, int evidenceId, CancellationToken ct = default)
    {
        var evidence = await db.Evidence.SingleOrDefaultAsync(e => e.Id == evidenceId, ct);
        if (evidence is null) return null;
        var assessment = await db.Assessments.Include(a => a.Unit).Include(a => a.Period).ThenInclude(p => p!.ScopeUnit)
            .SingleAsync(a => a.Id == evidence.AssessmentId, ct);
        return scope.CanRead(assessment.Unit!.Path) ? (evidence, assessment) : null;
    }

    /// <summary>True when the user may do <paramref name="action"/> on the assessment (unit, period and scope unit loaded).</summary>
    public static bool May(UserScope scope, Assessment assessment, string action) =>
        Permissions.Builtin.May(scope, action, EvaluationPermissions.TargetOf(assessment));

    /// <summary>True when the user may do <paramref name="action"/> at <paramref name="target"/>.</summary>
    public static bool May(UserScope scope, string action, Target target) => Permissions.Builtin.May(scope, action, target);

    /// <summary>True when the user may write entries of <paramref name="layer"/> on the assessment.</summary>
    public static bool MayEnter(UserScope scope, Assessment assessment, ScoreLayer layer) =>
        May(scope, assessment, EvaluationPermissions.EntryAction(layer));

    /// <summary>True when the computed final result may be shown: to reviewers always, to others once approval publishes it.</summary>
    public static bool SeesFinal(UserScope scope, Assessment assessment) =>
        assessment.Status == AssessmentStatus.Approved || May(scope, assessment, EvaluationPermissions.SeeUnpublished);

    /// <summary>The unit and period scope of an assessment, read by id (pages that load a sheet rather than the entity).</summary>
    public static Task<Target> TargetAsync(DanVanDbContext db, int assessmentId, CancellationToken ct = default) =>
        db.Assessments.AsNoTracking().Where(a => a.Id == assessmentId)
            .Select(a => new Target(a.Unit!.Path, a.Period!.ScopeUnit!.Path)).SingleAsync(ct);

    /// <summary>What the user may do with the assessment <paramref name="assessmentId"/> in <paramref name="status"/> now: the page's buttons.</summary>
    public static async Task<AssessmentActions> ActionsAsync(DanVanDbContext db, UserScope scope, int assessmentId, AssessmentStatus status, bool confirmed, CancellationToken ct = default) =>
        EvaluationPermissions.ActionsFor(Permissions.Builtin, scope, status, confirmed, await TargetAsync(db, assessmentId, ct));

    /// <summary>What the user may do with the assessment now, by role and status (the same call for pages and API).</summary>
    public static AssessmentActions ActionsFor(UserScope scope, Assessment a) => EvaluationPermissions.ActionsFor(Permissions.Builtin, scope, a);
}
