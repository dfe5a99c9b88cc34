using DanVan.Accounts;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Scoring;
using DanVan.Web.Evaluations;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.EntityFrameworkCore;
using ChangeResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<DanVan.Web.Api.Evaluations.AssessmentDetails>,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem,
    DanVan.Web.Api.NotFoundProblem,
    DanVan.Web.Api.ForbiddenProblem,
    DanVan.Web.Api.ConflictProblem,
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
        return TypedResults.Ok(await AssessmentViews.BuildAsync(db, scope, a, ct));
    }

    /// <summary>PUT /api/v1/assessments/{id}/entries/{criterionId}.</summary>
    public static Task<ChangeResult> SetEntry(
        int id, string criterionId, EntryBody body, HttpContext http, DanVanDbContext db, CurrentUser me, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, body.Version, http, db, me,
            EvaluationPermissions.EntryAction(body.Layer),
            async (scope, a) =>
            {
                if (AssessmentEntries.StateRefusal(a, body.Layer) is { } state) return ConflictProblem.WrongStatus(state);
                var set = (await db.CriteriaSets.AsNoTracking().SingleAsync(s => s.Id == a.CriteriaSetId, ct)).Parse();
                try
                {
                    AssessmentEntries.Set(db, a, set, body.ToInput(criterionId), scope.UserName, Now(clock));
                }
                catch (RefusedInputException ex)
                {
                    return ApiProblems.Invalid(ex.Problems, $"The value for criterion {criterionId} is refused; nothing was saved.");
                }

                return null;
            }, ct);

    /// <summary>POST /api/v1/assessments/{id}/confirm.</summary>
    public static Task<ChangeResult> Confirm(
        int id, [FromBody] VersionBody? body, HttpContext http, DanVanDbContext db, CurrentUser me, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, body?.Version, http, db, me,
            EvaluationPermissions.Confirm,
            (scope, a) => Workflow(() => AssessmentWorkflow.Confirm(db, a, scope.UserName, Now(clock))), ct);

    /// <summary>POST /api/v1/assessments/{id}/submit.</summary>
    public static Task<ChangeResult> Submit(
        int id, [FromBody] VersionBody? body, HttpContext http, DanVanDbContext db, CurrentUser me, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, body?.Version, http, db, me,
            EvaluationPermissions.Submit,
            async (scope, a) =>
            {
                var set = (await db.CriteriaSets.AsNoTracking().SingleAsync(s => s.Id == a.CriteriaSetId, ct)).Parse();
                return await Workflow(() => AssessmentWorkflow.Submit(db, a, a.Period!, set, scope.UserName, Now(clock)));
            }, ct);

    /// <summary>POST /api/v1/assessments/{id}/return.</summary>
    public static Task<ChangeResult> Return(
        int id, ReturnBody body, HttpContext http, DanVanDbContext db, CurrentUser me, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, body.Version, http, db, me,
            EvaluationPermissions.Return,
            (scope, a) => string.IsNullOrWhiteSpace(body.Comment)
                ? Task.FromResult<ChangeResult?>(ApiProblems.Invalid("comment", "say what the unit must revise"))
                : Workflow(() => AssessmentWorkflow.Return(db, a, body.Comment.Trim().Normalize(), scope.UserName, Now(clock))), ct);

    /// <summary>POST /api/v1/assessments/{id}/appraised.</summary>
    public static Task<ChangeResult> MarkAppraised(
        int id, [FromBody] VersionBody? body, HttpContext http, DanVanDbContext db, CurrentUser me, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, body?.Version, http, db, me,
            EvaluationPermissions.Appraise,
            (scope, a) => Workflow(() => AssessmentWorkflow.MarkAppraised(db, a, scope.UserName, Now(clock))), ct);

    /// <summary>POST /api/v1/assessments/{id}/approve.</summary>
    public static Task<ChangeResult> Approve(
        int id, [FromBody] VersionBody? body, HttpContext http, DanVanDbContext db, CurrentUser me, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, body?.Version, http, db, me,
            EvaluationPermissions.Approve,
            async (scope, a) =>
            {
                var set = (await db.CriteriaSets.AsNoTracking().SingleAsync(s => s.Id == a.CriteriaSetId, ct)).Parse();
                return await WorkflowAsync(() => AssessmentWorkflow.ApproveAsync(db, a, set, scope.UserName, Now(clock), ct));
            }, ct);

    /// <summary>POST /api/v1/assessments/{id}/reopen.</summary>
    public static Task<ChangeResult> Reopen(
        int id, ReopenBody body, HttpContext http, DanVanDbContext db, CurrentUser me, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, body.Version, http, db, me,
            EvaluationPermissions.Reopen,
            (scope, a) => string.IsNullOrWhiteSpace(body.Reason)
                ? Task.FromResult<ChangeResult?>(ApiProblems.Invalid("reason", "say why the result is reopened"))
                : WorkflowAsync(() => AssessmentWorkflow.ReopenAsync(db, a, body.Reason.Trim().Normalize(), scope.UserName, Now(clock), ct)), ct);

    /// <summary>PUT /api/v1/assessments/{id}/flags.</summary>
    public static Task<ChangeResult> SetFlags(
        int id, FlagsBody body, HttpContext http, DanVanDbContext db, CurrentUser me, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, body.Version, http, db, me,
            EvaluationPermissions.SetFlags,
            async (scope, a) =>
            {
                if (a.Status is not (AssessmentStatus.Submitted or AssessmentStatus.Appraised))
                    return ConflictProblem.WrongStatus($"the assessment is {a.Status}; flags are recorded while it is submitted or appraised");
                var set = (await db.CriteriaSets.AsNoTracking().SingleAsync(s => s.Id == a.CriteriaSetId, ct)).Parse();
                var flags = body.Flags ?? [];
                var problems = flags.Select((f, i) => (f, i)).Where(x => set.Flags.All(d => d.Code != x.f))
                    .Select(x => new InputProblem($"flags[{x.i}]", $"no flag '{x.f}' in the criteria set (flags: {string.Join(", ", set.Flags.Select(d => d.Code))})"))
                    .ToList();
                if (string.IsNullOrWhiteSpace(body.Reason)) problems.Add(new("reason", "say why the flags change"));
                if (problems.Count > 0) return ApiProblems.Invalid(problems);
                AssessmentWorkflow.SetFlags(db, a, flags, body.Reason!.Trim().Normalize(), scope.UserName, Now(clock));
                return null;
            }, ct);

    /// <summary>GET /api/v1/assessments/{id}/audit.</summary>
    public static async Task<Results<Ok<PagedList<AuditLine>>, ValidationProblem, NotFoundProblem>> ListAudit(
        int id, [AsParameters] PageRequest page, DanVanDbContext db, CurrentUser me, CancellationToken ct)
    {
        if (page.Problems() is { Count: > 0 } problems) return ApiProblems.Invalid(problems);
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

    /// <summary>Loads, checks role, version and then applies a change; saves once; answers the new state with its ETag.</summary>
    private static async Task<ChangeResult> ChangeAsync(
        int id, int? bodyVersion, HttpContext http, DanVanDbContext db, CurrentUser me,
        string action, Func<UserScope, Assessment, Task<ChangeResult?>> apply, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        var a = await EvaluationAccess.FindAssessmentAsync(db, scope, id, ct);
        if (a is null) return AssessmentNotFound(id);
        if (!EvaluationAccess.May(scope, a, action)) return Forbidden(action);

        var (version, problem) = AssessmentVersion.Read(http.Request, bodyVersion);
        if (problem is not null) return ApiProblems.Invalid([problem]);
        if (version is not { } sent) return new PreconditionRequiredProblem();
        if (sent != a.Version) return ConflictProblem.StaleVersion(sent, a.Version);

        if (await apply(scope, a) is { } refused) return refused;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ConflictProblem.LostRace();
        }

        http.Response.Headers.ETag = AssessmentVersion.ETag(a.Version);
        return TypedResults.Ok(await AssessmentViews.BuildAsync(db, scope, a, ct));
    }

    /// <summary>Runs a workflow step; a status that does not allow it is a 409, not bad input.</summary>
    private static Task<ChangeResult?> Workflow(Action step)
    {
        try
        {
            step();
            return Task.FromResult<ChangeResult?>(null);
        }
        catch (RefusedInputException ex) when (ex.Problems.All(p => p.Where == "status"))
        {
            return Task.FromResult<ChangeResult?>(ConflictProblem.WrongStatus(string.Join(" ", ex.Problems.Select(p => p.Message))));
        }
    }

    /// <summary>Runs an asynchronous workflow step; a status that does not allow it is a 409, not bad input.</summary>
    private static async Task<ChangeResult?> WorkflowAsync(Func<Task> step)
    {
        try
        {
            await step();
            return null;
        }
        catch (RefusedInputException ex) when (ex.Problems.All(p => p.Where == "status"))
        {
            return ConflictProblem.WrongStatus(string.Join(" ", ex.Problems.Select(p => p.Message)));
        }
    }
}
