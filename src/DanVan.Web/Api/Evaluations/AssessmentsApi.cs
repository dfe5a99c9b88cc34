using DanVan.Accounts;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Scoring;
using DanVan.Refusals;
using DanVan.Web.Evaluations;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.EntityFrameworkCore;
using ChangeResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<DanVan.Web.Api.Evaluations.AssessmentDetails>,
    DanVan.Web.Api.NotFoundProblem,
    DanVan.Web.Api.ForbiddenProblem,
    DanVan.Web.Api.RefusedProblem,
    DanVan.Web.Api.PreconditionRequiredProblem>;

namespace DanVan.Web.Api.Evaluations;

/// <summary>Assessments: read the criteria tree with entries, set entries per layer, move through the cycle, read the audit trail.</summary>
/// <remarks>Every change names the version it is based on (If-Match or <c>version</c>); a stale one gets 409 and changes nothing.</remarks>
public static class AssessmentsApi
{
    /// <summary>Maps /api/v1/assessments.</summary>
    public static RouteGroupBuilder MapAssessmentsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/assessments").WithTags("Assessments");

        group.MapGet("/{id:int}", GetAssessment)
            .WithName("GetAssessment")
            .Requires(EvaluationPermissions.Read)
            .WithSummary("Read an assessment: criteria tree, entries per layer, totals, status, version")
            .WithDescription("The ETag header carries the version; send it back as If-Match (or as 'version') with any change.");
        group.MapPut("/{id:int}/entries/{criterionId}", SetEntry)
            .WithName("SetEntry")
            // The layer in the body chooses the action (EvaluationPermissions.EntryAction).
            .Requires(EvaluationPermissions.EnterSelf).Requires(EvaluationPermissions.Appraise).Requires(EvaluationPermissions.Inspect)
            .WithSummary("Set the value of one criterion in one layer")
            .WithDescription("Layer Self: unit users and heads while the assessment is editable (not started, draft, returned). "
                + "Appraisal: coordinators; Inspection: inspectors and coordinators; both only when submitted or appraised, with a mandatory reason in 'note'.");
        group.MapPost("/{id:int}/confirm", Confirm)
            .WithName("ConfirmAssessment")
            .Requires(EvaluationPermissions.Confirm)
            .WithSummary("The unit head confirms (signs off) the self-assessment");
        group.MapPost("/{id:int}/submit", Submit)
            .WithName("SubmitAssessment")
            .Requires(EvaluationPermissions.Submit)
            .WithSummary("Submit the confirmed self-assessment; the self total and self-claimed class are stored");
        group.MapPost("/{id:int}/return", Return)
            .WithName("ReturnAssessment")
            .Requires(EvaluationPermissions.Return)
            .WithSummary("Return a submission for revision with a comment (coordinator)");
        group.MapPost("/{id:int}/appraised", MarkAppraised)
            .WithName("MarkAssessmentAppraised")
            .Requires(EvaluationPermissions.Appraise)
            .WithSummary("Mark the appraisal done (coordinator)");
        group.MapPost("/{id:int}/approve", Approve)
            .WithName("ApproveAssessment")
            .Requires(EvaluationPermissions.Approve)
            .WithSummary("Approve: compute and publish the final total and class (coordinator)");
        group.MapPost("/{id:int}/reopen", Reopen)
            .WithName("ReopenAssessment")
            .Requires(EvaluationPermissions.Reopen)
            .WithSummary("Reopen an approved result for appraisal, with a reason (coordinator)");
        group.MapPut("/{id:int}/flags", SetFlags)
            .WithName("SetAssessmentFlags")
            .Requires(EvaluationPermissions.SetFlags)
            .WithSummary("Set the flags the criteria set's rules use (e.g. a disciplinary violation), with a reason (reviewers)");
        group.MapGet("/{id:int}/audit", ListAudit)
            .WithName("ListAssessmentAudit")
            .Requires(EvaluationPermissions.Read)
            .WithSummary("Read the assessment's audit trail: who, when, old, new, why; oldest first");
        return group;
    }

    /// <summary>GET /api/v1/assessments/{id}.</summary>
    public static async Task<Results<Ok<AssessmentDetails>, NotFoundProblem>> GetAssessment(
        int id, HttpResponse response, DanVanDbContext db, CurrentUser me, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        var a = await EvaluationAccess.FindAssessmentAsync(db, scope, id, ct);
        if (a is null) return AssessmentNotFound(id);
        response.Headers.ETag = AssessmentVersion.ETag(a.Version);
        return TypedResults.Ok(await AssessmentViews.BuildAsync(db, scope, a, ct, RefusalText.CultureFor(response.HttpContext.Request.Headers.AcceptLanguage.ToString())));
    }

    /// <summary>PUT /api/v1/assessments/{id}/entries/{criterionId}.</summary>
    public static Task<ChangeResult> SetEntry(
        int id, string criterionId, EntryBody body, HttpContext http, DanVanDbContext db, CurrentUser me, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, body.Version, http, db, me,
            EvaluationPermissions.EntryAction(body.Layer),
            async (scope, a) =>
            {
                var set = (await db.CriteriaSets.AsNoTracking().SingleAsync(s => s.Id == a.CriteriaSetId, ct)).Parse();
                var input = body.ToInput(criterionId);
                // Based on this criterion's stamp: only someone else's change of it meanwhile refuses (the page's rule).
                if (body.BasedOn is { } basedOn && EntryConflicts.Check(a, criterionId, body.Layer, basedOn, input) is { } changed)
                    throw new RefusedException(changed);
                // The unit's save takes the values the registries give, as the page's does.
                if (body.Layer == ScoreLayer.Self && a.IsEditableByUnit) await RegistryChecks.TakeValuesAsync(db, a, set, scope.UserName, Now(clock), ct);
                AssessmentEntries.Set(db, a, set, input, scope.UserName, Now(clock));
            }, ct, perCriterion: body.BasedOn is not null);

    /// <summary>POST /api/v1/assessments/{id}/confirm.</summary>
    public static Task<ChangeResult> Confirm(
        int id, [FromBody] VersionBody? body, HttpContext http, DanVanDbContext db, CurrentUser me, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, body?.Version, http, db, me,
            EvaluationPermissions.Confirm,
            async (scope, a) =>
            {
                // The head confirms the registries' values as they stand.
                if (a.IsEditableByUnit)
                {
                    var set = (await db.CriteriaSets.AsNoTracking().SingleAsync(s => s.Id == a.CriteriaSetId, ct)).Parse();
                    await RegistryChecks.TakeValuesAsync(db, a, set, scope.UserName, Now(clock), ct);
                }
                AssessmentWorkflow.Confirm(db, a, scope.UserName, Now(clock));
            }, ct);

    /// <summary>POST /api/v1/assessments/{id}/submit.</summary>
    public static Task<ChangeResult> Submit(
        int id, [FromBody] VersionBody? body, HttpContext http, DanVanDbContext db, CurrentUser me, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, body?.Version, http, db, me,
            EvaluationPermissions.Submit,
            async (scope, a) =>
            {
                var set = (await db.CriteriaSets.AsNoTracking().SingleAsync(s => s.Id == a.CriteriaSetId, ct)).Parse();
                AssessmentWorkflow.Submit(db, a, a.Period!, set, scope.UserName, Now(clock));
            }, ct);

    /// <summary>POST /api/v1/assessments/{id}/return.</summary>
    public static Task<ChangeResult> Return(
        int id, ReturnBody body, HttpContext http, DanVanDbContext db, CurrentUser me, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, body.Version, http, db, me,
            EvaluationPermissions.Return,
            (scope, a) => Step(() => AssessmentWorkflow.Return(db, a, body.Comment, scope.UserName, Now(clock))), ct);

    /// <summary>POST /api/v1/assessments/{id}/appraised.</summary>
    public static Task<ChangeResult> MarkAppraised(
        int id, [FromBody] VersionBody? body, HttpContext http, DanVanDbContext db, CurrentUser me, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, body?.Version, http, db, me,
            EvaluationPermissions.Appraise,
            (scope, a) => Step(() => AssessmentWorkflow.MarkAppraised(db, a, scope.UserName, Now(clock))), ct);

    /// <summary>POST /api/v1/assessments/{id}/approve.</summary>
    public static Task<ChangeResult> Approve(
        int id, [FromBody] VersionBody? body, HttpContext http, DanVanDbContext db, CurrentUser me, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, body?.Version, http, db, me,
            EvaluationPermissions.Approve,
            async (scope, a) =>
            {
                var set = (await db.CriteriaSets.AsNoTracking().SingleAsync(s => s.Id == a.CriteriaSetId, ct)).Parse();
                await AssessmentWorkflow.ApproveAsync(db, a, set, scope.UserName, Now(clock), ct);
            }, ct);

    /// <summary>POST /api/v1/assessments/{id}/reopen.</summary>
    public static Task<ChangeResult> Reopen(
        int id, ReopenBody body, HttpContext http, DanVanDbContext db, CurrentUser me, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, body.Version, http, db, me,
            EvaluationPermissions.Reopen,
            (scope, a) => AssessmentWorkflow.ReopenAsync(db, a, body.Reason, scope.UserName, Now(clock), ct), ct);

    /// <summary>PUT /api/v1/assessments/{id}/flags.</summary>
    public static Task<ChangeResult> SetFlags(
        int id, FlagsBody body, HttpContext http, DanVanDbContext db, CurrentUser me, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, body.Version, http, db, me,
            EvaluationPermissions.SetFlags,
            async (scope, a) =>
            {
                var set = (await db.CriteriaSets.AsNoTracking().SingleAsync(s => s.Id == a.CriteriaSetId, ct)).Parse();
                AssessmentWorkflow.SetFlags(db, a, set, body.Flags ?? [], body.Reason, scope.UserName, Now(clock));
            }, ct);

    /// <summary>GET /api/v1/assessments/{id}/audit.</summary>
    public static async Task<Results<Ok<PagedList<AuditLine>>, RefusedProblem, NotFoundProblem>> ListAudit(
        int id, [AsParameters] PageRequest page, DanVanDbContext db, CurrentUser me, CancellationToken ct)
    {
        if (page.Problems() is { Count: > 0 } problems) return ApiProblems.Refused(problems);
        var scope = await me.GetAsync(ct);
        if (!await EvaluationAccess.ReadableAssessments(db, scope).AnyAsync(a => a.Id == id, ct)) return AssessmentNotFound(id);
        var list = await page.ReadAsync(
            db.Audit.AsNoTracking().Where(x => x.AssessmentId == id).OrderBy(x => x.Id)
                .Select(x => new AuditLine(x.Id, x.At, x.User, x.Action, x.CriterionId, x.OldValue, x.NewValue, x.Reason)),
            ct);
        return TypedResults.Ok(list);
    }

    private static readonly HashSet<string> Changes =
    [
        "SetEntry", "ConfirmAssessment", "SubmitAssessment", "ReturnAssessment", "MarkAssessmentAppraised",
        "ApproveAssessment", "ReopenAssessment", "SetAssessmentFlags",
    ];

    /// <summary>Documents the version handshake: ETag on answers, If-Match on changes.</summary>
    internal static Task DescribeVersioning(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var id = operation.OperationId ?? "";
        if (id != "GetAssessment" && !Changes.Contains(id)) return Task.CompletedTask;
        if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers["ETag"] = new OpenApiHeader
            {
                Description = "The assessment's version, quoted (\"7\"); send it back as If-Match with the next change.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }

        if (Changes.Contains(id))
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Description = "The ETag of the version the change is based on; or send 'version' in the body. Stale: 409; neither: 428.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        return Task.CompletedTask;
    }

    /// <summary>403 naming the action the caller's role may not do here (the same rule as the page's).</summary>
    internal static ForbiddenProblem Forbidden(string action) => new($"Your role may not do '{action}' on this assessment.");

    internal static NotFoundProblem AssessmentNotFound(int id) => new($"There is no assessment {id} that you may see.");

    internal static DateTime Now(TimeProvider clock) => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Loads, checks role and version, applies a change through the core, builds the answer, then saves once and
    /// answers the new state with its ETag. The answer is built before the save, so no failure can follow a commit.
    /// </summary>
    private static async Task<ChangeResult> ChangeAsync(
        int id, int? bodyVersion, HttpContext http, DanVanDbContext db, CurrentUser me,
        string action, Func<UserScope, Assessment, Task> apply, CancellationToken ct, bool perCriterion = false)
    {
        var scope = await me.GetAsync(ct);
        var a = await EvaluationAccess.FindAssessmentAsync(db, scope, id, ct);
        if (a is null) return AssessmentNotFound(id);
        if (!EvaluationAccess.May(scope, a, action)) return Forbidden(action);

        var (version, problem) = AssessmentVersion.Read(http.Request, bodyVersion);
        if (problem is not null) return ApiProblems.Refused([problem]);
        // A change based on one criterion's stamp checks that criterion instead of the whole sheet's version.
        if (version is null && !perCriterion) return new PreconditionRequiredProblem();
        var sent = version ?? a.Version;

        AssessmentDetails answer;
        try
        {
            if (!perCriterion) AssessmentWorkflow.ExpectVersion(a, sent);
            await apply(scope, a);
            answer = await AssessmentViews.BuildAsync(db, scope, a, ct, RefusalText.CultureFor(http.Request.Headers.AcceptLanguage.ToString()));
            await db.SaveChangesAsync(ct);
        }
        catch (RefusedException ex)
        {
            return Refused(ex.Refusals);
        }
        catch (Exception ex) when (SaveConflicts.IsLostRace(ex))
        {
            return Refused([AssessmentWorkflow.StaleVersion(sent, null)]);
        }

        http.Response.Headers.ETag = AssessmentVersion.ETag(a.Version);
        return TypedResults.Ok(answer with { Version = a.Version });
    }

    /// <summary>The core's refusals: 409 when the assessment's state or version does not allow the change now, else 400.</summary>
    internal static RefusedProblem Refused(IReadOnlyList<Refusal> refusals) => ApiProblems.RefusedByCode(refusals);

    private static Task Step(Action step)
    {
        step();
        return Task.CompletedTask;
    }
}
