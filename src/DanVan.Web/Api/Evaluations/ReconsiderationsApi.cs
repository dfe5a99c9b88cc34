using System.ComponentModel;
using DanVan.Accounts;
using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Reconsiderations;
using DanVan.Evaluations.Scoring;
using DanVan.Periods;
using DanVan.Refusals;
using DanVan.Web.Evaluations;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Api.Evaluations;

/// <summary>Reconsideration after publication (phúc tra): the unit contests, the deciders rule and publish again; a period's window and publications.</summary>
public static class ReconsiderationsApi
{
    /// <summary>Maps the routes under /api/v1.</summary>
    public static RouteGroupBuilder MapReconsiderationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Reconsiderations");
        group.MapGet("/assessments/{id:int}/reconsideration", Get)
            .WithName("GetReconsideration")
            .Requires(EvaluationPermissions.Read)
            .WithSummary("Read the reconsideration of a published result: contested criteria, rulings, the result published again");
        group.MapPost("/assessments/{id:int}/reconsideration", Request)
            .WithName("RequestReconsideration")
            .Requires(EvaluationPermissions.RequestReconsideration)
            .WithSummary("Contest named criteria of the published result, each with its reason (the unit head, within the period's window)");
        group.MapPut("/assessments/{id:int}/reconsideration/rulings/{criterionId}", Rule)
            .WithName("RuleReconsideration")
            .Requires(EvaluationPermissions.RuleReconsideration)
            .WithSummary("Rule on one contested criterion: Accepted with the value it takes, or Rejected; reasons always")
            .WithDescription("The value fields are those of the criterion's method, as in SetEntry. Send 'version' (the reconsideration's) to refuse a stale ruling.");
        group.MapPost("/assessments/{id:int}/reconsideration/publish", Publish)
            .WithName("PublishReconsideration")
            .Requires(EvaluationPermissions.RuleReconsideration)
            .WithSummary("Publish the result again once every contested criterion is ruled on: recomputed, group rules applied, a new numbered publication");
        group.MapPut("/periods/{id:int}/reconsideration-window", SetWindow)
            .WithName("SetReconsiderationWindow")
            .Requires(EvaluationPermissions.RuleReconsideration)
            .WithSummary("Set how many days after its publication a unit may contest its result (null: no reconsideration)");
        group.MapGet("/periods/{id:int}/publications", ListPublications)
            .WithName("ListResultPublications")
            .Requires(EvaluationPermissions.Read)
            .WithSummary("The period's publications after the first, newest first, each with its change list");
        return group;
    }

    /// <summary>GET /api/v1/assessments/{id}/reconsideration.</summary>
    public static async Task<Results<Ok<ReconsiderationView>, NotFoundProblem>> Get(int id, DanVanDbContext db, CurrentUser me, ProvinceClock clock, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        var a = await EvaluationAccess.FindAssessmentAsync(db, scope, id, ct);
        if (a is null) return AssessmentsApi.AssessmentNotFound(id);
        var r = await db.Reconsiderations.AsNoTracking().Include(x => x.Items).SingleOrDefaultAsync(x => x.AssessmentId == id, ct);
        if (r is null) return new NotFoundProblem($"Assessment {id} has no reconsideration.");
        return TypedResults.Ok(ReconsiderationView.From(r, Reconsiderations.LastDay(a, a.Period!, clock.Zone)));
    }

    /// <summary>POST /api/v1/assessments/{id}/reconsideration.</summary>
    public static Task<Results<Created<ReconsiderationView>, NotFoundProblem, ForbiddenProblem, RefusedProblem>> Request(
        int id, ReconsiderationRequestBody body, DanVanDbContext db, CurrentUser me, ProvinceClock clock, CancellationToken ct) =>
        ChangeAsync(id, EvaluationPermissions.RequestReconsideration, db, me, clock, async (scope, a, set, existing) =>
        {
            var items = (body.Items ?? []).Select(i => new ContestedCriterion(i.CriterionId ?? "", i.Reason, i.DocumentRef)).ToList();
            return Reconsiderations.Request(db, a, a.Period!, set, existing is not null, items, scope.UserName, clock.UtcNow, clock.Zone);
        }, (r, lastDay) => TypedResults.Created($"/api/v1/assessments/{id}/reconsideration", ReconsiderationView.From(r, lastDay)), ct);

    /// <summary>PUT /api/v1/assessments/{id}/reconsideration/rulings/{criterionId}.</summary>
    public static Task<Results<Ok<ReconsiderationView>, NotFoundProblem, ForbiddenProblem, RefusedProblem>> Rule(
        int id, string criterionId, RulingBody body, DanVanDbContext db, CurrentUser me, ProvinceClock clock, CancellationToken ct) =>
        ChangeAsync(id, EvaluationPermissions.RuleReconsideration, db, me, clock, (scope, a, set, r) =>
        {
            var found = r ?? throw new RefusedException("reconsideration.notOpen", Where.Request);
            Reconsiderations.ExpectVersion(found, body.Version);
            Reconsiderations.Rule(db, found, a, set, criterionId, new ReconsiderationRuling(body.Decision, body.Reason, body.Value()), scope.UserName, clock.UtcNow);
            return Task.FromResult(found);
        }, (r, lastDay) => TypedResults.Ok(ReconsiderationView.From(r, lastDay)), ct);

    /// <summary>POST /api/v1/assessments/{id}/reconsideration/publish.</summary>
    public static Task<Results<Ok<ReconsiderationView>, NotFoundProblem, ForbiddenProblem, RefusedProblem>> Publish(
        int id, [FromBody] PublishBody? body, DanVanDbContext db, CurrentUser me, ProvinceClock clock, CancellationToken ct) =>
        ChangeAsync(id, EvaluationPermissions.RuleReconsideration, db, me, clock, async (scope, a, set, r) =>
        {
            var found = r ?? throw new RefusedException("reconsideration.notOpen", Where.Request);
            Reconsiderations.ExpectVersion(found, body?.Version);
            await Reconsiderations.PublishAsync(db, found, a, set, scope.UserName, clock.UtcNow, ct);
            return found;
        }, (r, lastDay) => TypedResults.Ok(ReconsiderationView.From(r, lastDay)), ct);

    /// <summary>PUT /api/v1/periods/{id}/reconsideration-window.</summary>
    public static async Task<Results<Ok<ReconsiderationWindowBody>, NotFoundProblem, ForbiddenProblem, RefusedProblem>> SetWindow(
        int id, ReconsiderationWindowBody body, DanVanDbContext db, CurrentUser me, ScopeCheck check, ProvinceClock clock, CancellationToken ct)
    {
        switch (await check.CheckAsync(ScopeTarget.Period, id, EvaluationPermissions.RuleReconsideration, ct))
        {
            case AccessOutcome.NotFound: return PeriodsApiNotFound(id);
            case AccessOutcome.Forbidden: return new ForbiddenProblem($"Your role may not do '{EvaluationPermissions.RuleReconsideration}' for this period.");
        }
        var scope = await me.GetAsync(ct);
        var period = await db.Periods.SingleAsync(p => p.Id == id, ct);
        try
        {
            Reconsiderations.SetWindow(db, period, body.Days, scope.UserName, clock.UtcNow);
            await db.SaveChangesAsync(ct);
        }
        catch (RefusedException ex)
        {
            return ApiProblems.RefusedByCode(ex.Refusals);
        }
        return TypedResults.Ok(new ReconsiderationWindowBody { Days = period.ReconsiderationDays });
    }

    /// <summary>GET /api/v1/periods/{id}/publications.</summary>
    public static async Task<Results<Ok<IReadOnlyList<ResultPublication>>, NotFoundProblem>> ListPublications(int id, DanVanDbContext db, CurrentUser me, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        if (await EvaluationAccess.FindPeriodAsync(db, scope, id, ct) is null) return PeriodsApiNotFound(id);
        IReadOnlyList<ResultPublication> list = await db.ResultPublications.AsNoTracking().Where(p => p.PeriodId == id).OrderByDescending(p => p.Number).ToListAsync(ct);
        return TypedResults.Ok(list);
    }

    private static NotFoundProblem PeriodsApiNotFound(int id) => new($"There is no period {id} that you may see.");

    // Loads the assessment in scope, checks the role, applies the core's change, saves once; the answer is built from what was saved.
    private static async Task<Results<TOk, NotFoundProblem, ForbiddenProblem, RefusedProblem>> ChangeAsync<TOk>(
        int id, string action, DanVanDbContext db, CurrentUser me, ProvinceClock clock,
        Func<UserScope, Assessment, DanVan.Criteria.CriteriaSet, Reconsideration?, Task<Reconsideration>> apply,
        Func<Reconsideration, DateOnly?, TOk> answer, CancellationToken ct) where TOk : IResult
    {
        var scope = await me.GetAsync(ct);
        var a = await EvaluationAccess.FindAssessmentAsync(db, scope, id, ct);
        if (a is null) return AssessmentsApi.AssessmentNotFound(id);
        if (!EvaluationAccess.May(scope, a, action)) return AssessmentsApi.Forbidden(action);
        var existing = await db.Reconsiderations.Include(x => x.Items).SingleOrDefaultAsync(x => x.AssessmentId == id, ct);
        try
        {
            var set = (await db.CriteriaSets.AsNoTracking().SingleAsync(s => s.Id == a.CriteriaSetId, ct)).Parse();
            var r = await apply(scope, a, set, existing);
            await Reconsiderations.SaveAsync(db, ct);
            return answer(r, Reconsiderations.LastDay(a, a.Period!, clock.Zone));
        }
        catch (RefusedException ex)
        {
            return ApiProblems.RefusedByCode(ex.Refusals);
        }
    }
}

/// <summary>A reconsideration as the API shows it.</summary>
public sealed record ReconsiderationView(
    int Id, int AssessmentId, ReconsiderationStatus Status, string RequestedBy, DateTime RequestedAt, DateOnly? LastDay,
    decimal? OldTotal, string? OldBand, decimal? NewTotal, string? NewBand, int? PublicationNumber, DateTime? PublishedAt, string? PublishedBy,
    int Version, IReadOnlyList<ContestedItemView> Items)
{
    /// <summary>From the stored reconsideration.</summary>
    public static ReconsiderationView From(Reconsideration r, DateOnly? lastDay) => new(
        r.Id, r.AssessmentId, r.Status, r.RequestedBy, r.RequestedAt, lastDay, r.OldTotal, r.OldBand, r.NewTotal, r.NewBand,
        r.PublicationNumber, r.PublishedAt, r.PublishedBy, r.Version,
        r.Items.Select(i => new ContestedItemView(i.CriterionId, i.Reason, i.DocumentRef, i.Decision, i.Ruling, i.RuledBy, i.RuledAt)).ToList());
}

/// <summary>One contested criterion and its ruling.</summary>
public sealed record ContestedItemView(string CriterionId, string Reason, string? DocumentRef, ReconsiderationDecision? Decision, string? Ruling, string? RuledBy, DateTime? RuledAt);

/// <summary>The criteria a unit contests.</summary>
public sealed record ReconsiderationRequestBody
{
    /// <summary>The contested criteria.</summary>
    public IReadOnlyList<ContestedItemBody>? Items { get; init; }
}

/// <summary>One contested criterion.</summary>
public sealed record ContestedItemBody
{
    /// <summary>The criterion id.</summary>
    public string? CriterionId { get; init; }

    /// <summary>Why the unit contests the published value (mandatory).</summary>
    public string? Reason { get; init; }

    /// <summary>The document cited, e.g. "Báo cáo số 12/BC-UBND ngày 05/01/2025".</summary>
    public string? DocumentRef { get; init; }
}

/// <summary>A ruling on one contested criterion.</summary>
public sealed record RulingBody
{
    /// <summary>Accepted or Rejected.</summary>
    [Description("Accepted (the criterion takes the value given here) or Rejected (the published value stands).")]
    public ReconsiderationDecision? Decision { get; init; }

    /// <summary>The ruling's reasons (mandatory), which the unit reads.</summary>
    public string? Reason { get; init; }

    /// <summary>Points method.</summary>
    public decimal? Points { get; init; }

    /// <summary>Levels method: the level code.</summary>
    public string? Level { get; init; }

    /// <summary>Checklist method: ids of the checked items.</summary>
    public IReadOnlyList<string>? Checked { get; init; }

    /// <summary>Ratio method: achieved figure.</summary>
    public decimal? Achieved { get; init; }

    /// <summary>Ratio method: target, when the set does not fix it.</summary>
    public decimal? Target { get; init; }

    /// <summary>Count method.</summary>
    public int? Count { get; init; }

    /// <summary>The criterion does not apply to the unit (only where the set allows it).</summary>
    public bool NotApplicable { get; init; }

    /// <summary>The reconsideration's version the ruling is based on (optional).</summary>
    public int? Version { get; init; }

    /// <summary>The value given.</summary>
    public CriterionValue Value() => new()
    {
        Points = Points, Level = Level, Checked = Checked, Achieved = Achieved, Target = Target, Count = Count, NotApplicable = NotApplicable,
    };
}

/// <summary>Publishing a reconsideration's result again.</summary>
public sealed record PublishBody
{
    /// <summary>The reconsideration's version the publication is based on (optional).</summary>
    public int? Version { get; init; }
}

/// <summary>A period's reconsideration window.</summary>
public sealed record ReconsiderationWindowBody
{
    /// <summary>Days after its publication a unit may contest its result; null: no reconsideration.</summary>
    public int? Days { get; init; }
}
