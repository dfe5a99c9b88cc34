using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Scoring;
using DanVan.Web.Api.Periods;
using DanVan.Web.Evaluations;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DanVan.Web.Api.Results;

/// <summary>A period's results within the caller's scope: per unit and counts per group.</summary>
public sealed record PeriodResultsView(PeriodRef Period, IReadOnlyList<GroupResultView> Groups, IReadOnlyList<UnitResultView> Units);

/// <summary>One group's participation and class counts, over the units the caller may read.</summary>
/// <param name="Group">The group.</param>
/// <param name="Units">Units evaluated in the group.</param>
/// <param name="Evaluated">Units whose submission stands.</param>
/// <param name="Late">Of those, late.</param>
/// <param name="Reviewed">Units with a final result shown to the caller.</param>
/// <param name="SelfClasses">Self-claimed classes of the evaluated units, every band listed.</param>
/// <param name="FinalClasses">Final classes of the reviewed units, every band listed.</param>
public sealed record GroupResultView(
    GroupRef Group, int Units, int Evaluated, int Late, int Reviewed, IReadOnlyList<BandCount> SelfClasses, IReadOnlyList<BandCount> FinalClasses);

/// <summary>How many units are in a class.</summary>
public sealed record BandCount(string Band, string Label, int Count);

/// <summary>A class reached: total and band.</summary>
public sealed record ClassView(decimal Total, string Band, string BandLabel)
{
    /// <summary>From the engine's result.</summary>
    public static ClassView From(ScoreResult r) => new(r.Total, r.Band, r.BandLabel);
}

/// <summary>One unit's result.</summary>
/// <param name="AssessmentId">The assessment.</param>
/// <param name="Unit">The unit.</param>
/// <param name="GroupId">Its group.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="IsLate">Submitted late.</param>
/// <param name="Evaluated">The submission stands.</param>
/// <param name="Self">The self-claimed class (tự nhận).</param>
/// <param name="Final">The final class: shown to reviewers once appraised, to others once approved.</param>
public sealed record UnitResultView(int AssessmentId, UnitRef Unit, int GroupId, AssessmentStatus Status, bool IsLate, bool Evaluated, ClassView Self, ClassView? Final);

/// <summary>Results of a period (kết quả đánh giá, xếp loại).</summary>
public static class ResultsApi
{
    /// <summary>Maps /api/v1/periods/{id}/results.</summary>
    public static RouteGroupBuilder MapResultsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/periods/{id:int}/results").WithTags("Results");
        group.MapGet("/", GetPeriodResults)
            .WithName("GetPeriodResults")
            .Requires(EvaluationPermissions.Read)
            .WithSummary("Read a period's results: self and final class per unit, counts per group")
            .WithDescription("Only units the caller may read are listed and counted. Final classes are computed, never typed: reviewers see them once appraised, everyone once approved.");
        return group;
    }

    /// <summary>GET /api/v1/periods/{id}/results.</summary>
    public static async Task<Results<Ok<PeriodResultsView>, NotFoundProblem>> GetPeriodResults(int id, DanVanDbContext db, CurrentUser me, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        var period = await EvaluationAccess.FindPeriodAsync(db, scope, id, ct);
        if (period is null) return PeriodsApi.PeriodNotFound(id);

        var results = await PeriodResultsQuery.ComputeAsync(db, id, ct);
        var permissions = DanVan.Accounts.Permissions.Permissions.Builtin;
        var units = results.Units.Where(u => scope.CanRead(u.Unit.Path))
            .Select(u => (Result: u, Final: u.FinalFor(
                permissions.May(scope, EvaluationPermissions.SeeUnpublished, new(u.Unit.Path, period.ScopeUnit!.Path)))))
            .ToList();

        var groups = results.Groups.Select(g =>
        {
            var inGroup = units.Where(u => u.Result.Group.Id == g.Id).ToList();
            var bands = results.Units.FirstOrDefault(u => u.Group.Id == g.Id)?.CriteriaSet.Classification.Bands ?? [];
            var evaluated = inGroup.Where(u => u.Result.Evaluated).ToList();
            var reviewed = inGroup.Where(u => u.Final is not null).ToList();
            IReadOnlyList<BandCount> Count(IEnumerable<ScoreResult> classes)
            {
                var list = classes.ToList();
                var counts = bands.Select(b => new BandCount(b.Code, b.Label, list.Count(r => r.Band == b.Code))).ToList();
                var others = list.Where(r => bands.All(b => b.Code != r.Band)).GroupBy(r => r.Band)
                    .Select(x => new BandCount(x.Key, x.First().BandLabel, x.Count()));
                return counts.Concat(others).ToList();
            }

            return new GroupResultView(
                new GroupRef(g.Id, g.Code, g.Name), inGroup.Count, evaluated.Count, evaluated.Count(u => u.Result.IsLate), reviewed.Count,
                Count(evaluated.Select(u => u.Result.Self)), Count(reviewed.Select(u => u.Final!)));
        }).Where(g => g.Units > 0).ToList();

        return TypedResults.Ok(new PeriodResultsView(
            new PeriodRef(period.Id, period.Year, period.Name, period.Deadline),
            groups,
            units.Select(u => new UnitResultView(
                u.Result.AssessmentId, UnitRef.From(u.Result.Unit), u.Result.Group.Id, u.Result.Status, u.Result.IsLate, u.Result.Evaluated,
                ClassView.From(u.Result.Self), u.Final is null ? null : ClassView.From(u.Final))).ToList()));
    }
}
