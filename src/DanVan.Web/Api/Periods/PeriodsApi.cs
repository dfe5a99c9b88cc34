using DanVan.Refusals;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Web.Evaluations;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using DanVan.Periods;

namespace DanVan.Web.Api.Periods;

/// <summary>Evaluation periods (kỳ đánh giá): list, open, read, and the assessments of one.</summary>
public static class PeriodsApi
{
    /// <summary>Maps /api/v1/periods.</summary>
    public static RouteGroupBuilder MapPeriodsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/periods").WithTags("Periods");

        group.MapGet("/", ListPeriods)
            .WithName("ListPeriods")
            .Requires(EvaluationPermissions.Read)
            .WithSummary("List the periods the caller may see")
            .WithDescription("Periods run for a unit in the caller's scope, or evaluating one; newest year first. Participation counts only the units the caller may read.");
        group.MapPost("/", OpenPeriod)
            .WithName("OpenPeriod")
            .Requires(EvaluationPermissions.OpenPeriod)
            .WithSummary("Open a period (coordinator of the scope unit)")
            .WithDescription("Creates the period and one assessment per unit of the chosen groups within the scope unit.");
        group.MapGet("/{id:int}", GetPeriod)
            .WithName("GetPeriod")
            .Requires(EvaluationPermissions.Read)
            .WithSummary("Read a period with its groups and participation");
        group.MapGet("/{id:int}/assessments", ListPeriodAssessments)
            .WithName("ListPeriodAssessments")
            .Requires(EvaluationPermissions.Read)
            .WithSummary("List the assessments of a period the caller may read")
            .WithDescription("Filtered to the caller's scope; ordered by unit code; optionally by status.");
        return group;
    }

    /// <summary>GET /api/v1/periods.</summary>
    public static async Task<Results<Ok<PagedList<PeriodSummary>>, RefusedProblem>> ListPeriods(
        [AsParameters] PageRequest page, int? year, DanVanDbContext db, CurrentUser me, CancellationToken ct)
    {
        if (page.Problems() is { Count: > 0 } problems) return ApiProblems.Refused(problems);
        var scope = await me.GetAsync(ct);
        var mine = EvaluationAccess.ReadableAssessments(db, scope);
        var query = EvaluationAccess.VisiblePeriods(db, scope).AsNoTracking();
        if (year is { } y) query = query.Where(p => p.Year == y);
        var list = await page.ReadAsync(
            query.OrderByDescending(p => p.Year).ThenBy(p => p.Name).ThenBy(p => p.Id)
                .Select(p => new PeriodSummary(
                    p.Id, p.Year, p.Name, new UnitRef(p.ScopeUnit!.Id, p.ScopeUnit.Code, p.ScopeUnit.Name),
                    p.OpensOn, p.Deadline, p.AcceptLate,
                    new Participation(
                        mine.Count(a => a.PeriodId == p.Id),
                        mine.Count(a => a.PeriodId == p.Id && (a.Status == AssessmentStatus.Submitted || a.Status == AssessmentStatus.Appraised || a.Status == AssessmentStatus.Approved)),
                        mine.Count(a => a.PeriodId == p.Id && a.IsLate && (a.Status == AssessmentStatus.Submitted || a.Status == AssessmentStatus.Appraised || a.Status == AssessmentStatus.Approved)),
                        mine.Count(a => a.PeriodId == p.Id && a.Status == AssessmentStatus.Approved)),
                    new ReportingView(p.Kind, p.Number, p.WindowFrom, p.WindowTo))),
            ct);
        return TypedResults.Ok(list);
    }

    /// <summary>POST /api/v1/periods.</summary>
    public static async Task<Results<Created<PeriodDetails>, RefusedProblem, ForbiddenProblem>> OpenPeriod(
        OpenPeriodBody body, DanVanDbContext db, CurrentUser me, ProvinceClock clock, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        var scopePath = await db.Units.AsNoTracking().Where(u => u.Id == body.ScopeUnitId).Select(u => u.Path).SingleOrDefaultAsync(ct) ?? "";
        if (!DanVan.Accounts.Permissions.Permissions.Builtin.May(scope, EvaluationPermissions.OpenPeriod, new(scopePath)))
            return new ForbiddenProblem($"Only a coordinator of unit {body.ScopeUnitId} may open a period for it.");
        EvaluationPeriod period;
        try
        {
            period = await DanVan.Evaluations.Periods.OpenAsync(db, body.ToRequest(), scope.UserName, clock.UtcNow, ct);
        }
        catch (RefusedException ex)
        {
            return ApiProblems.Refused(ex.Refusals);
        }

        var details = await DetailsAsync(db, scope, period.Id, ct);
        return TypedResults.Created($"/api/v1/periods/{period.Id}", details);
    }

    /// <summary>GET /api/v1/periods/{id}.</summary>
    public static async Task<Results<Ok<PeriodDetails>, NotFoundProblem>> GetPeriod(int id, DanVanDbContext db, CurrentUser me, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        if (await EvaluationAccess.FindPeriodAsync(db, scope, id, ct) is null) return PeriodNotFound(id);
        return TypedResults.Ok(await DetailsAsync(db, scope, id, ct));
    }

    /// <summary>GET /api/v1/periods/{id}/assessments.</summary>
    public static async Task<Results<Ok<PagedList<AssessmentSummary>>, RefusedProblem, NotFoundProblem>> ListPeriodAssessments(
        int id, [AsParameters] PageRequest page, AssessmentStatus? status, DanVanDbContext db, CurrentUser me, CancellationToken ct)
    {
        if (page.Problems() is { Count: > 0 } problems) return ApiProblems.Refused(problems);
        var scope = await me.GetAsync(ct);
        if (await EvaluationAccess.FindPeriodAsync(db, scope, id, ct) is null) return PeriodNotFound(id);
        var query = EvaluationAccess.ReadableAssessments(db, scope).AsNoTracking().Where(a => a.PeriodId == id);
        if (status is { } s) query = query.Where(a => a.Status == s);
        var list = await page.ReadAsync(
            from a in query
            join g in db.Groups on a.GroupId equals g.Id
            orderby a.Unit!.Code, a.Id
            select new AssessmentSummary(
                a.Id, new UnitRef(a.Unit!.Id, a.Unit.Code, a.Unit.Name), new GroupRef(g.Id, g.Code, g.Name),
                a.Status, a.IsLate, a.SubmittedAt, a.SelfTotal, a.SelfBand, a.FinalTotal, a.FinalBand, a.Version),
            ct);
        return TypedResults.Ok(list);
    }

    internal static NotFoundProblem PeriodNotFound(int id) => new($"There is no period {id} that you may see.");

    private static async Task<PeriodDetails> DetailsAsync(DanVanDbContext db, DanVan.Accounts.UserScope scope, int id, CancellationToken ct)
    {
        var period = await db.Periods.AsNoTracking().Include(p => p.ScopeUnit)
            .Include(p => p.Groups).ThenInclude(g => g.Group)
            .Include(p => p.Groups).ThenInclude(g => g.CriteriaSet)
            .SingleAsync(p => p.Id == id, ct);
        var assessments = await EvaluationAccess.ReadableAssessments(db, scope).AsNoTracking()
            .Where(a => a.PeriodId == id).Select(a => new { a.GroupId, a.Status, a.IsLate }).ToListAsync(ct);

        Participation Count(IEnumerable<int> groupIds)
        {
            var ids = groupIds.ToHashSet();
            var mine = assessments.Where(a => ids.Contains(a.GroupId)).ToList();
            var submitted = mine.Where(a => a.Status is AssessmentStatus.Submitted or AssessmentStatus.Appraised or AssessmentStatus.Approved).ToList();
            return new(mine.Count, submitted.Count, submitted.Count(a => a.IsLate), mine.Count(a => a.Status == AssessmentStatus.Approved));
        }

        var groups = period.Groups.OrderBy(g => g.Group!.SortOrder).ThenBy(g => g.Group!.Name)
            .Select(g => new PeriodGroupView(
                new GroupRef(g.Group!.Id, g.Group.Code, g.Group.Name),
                CriteriaSetRefOf(g.CriteriaSet!),
                Count([g.GroupId])))
            .ToList();
        return new PeriodDetails(period.Id, period.Year, period.Name, UnitRef.From(period.ScopeUnit!), period.OpensOn, period.Deadline,
            period.AcceptLate, Count(period.Groups.Select(g => g.GroupId)), groups,
            new ReportingView(period.Kind, period.Number, period.WindowFrom, period.WindowTo), period.LevelDeadlines);
    }

    internal static CriteriaSetRef CriteriaSetRefOf(DanVan.Criteria.StoredCriteriaSet s) =>
        new(s.Id, s.Key, s.Version, s.Name, s.Parse().Decision.ToString());
}
