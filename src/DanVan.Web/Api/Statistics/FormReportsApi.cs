using DanVan.Accounts;
using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.Periods;
using DanVan.Refusals;
using DanVan.Statistics;
using DanVan.Web.Api.Evaluations;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ChangeResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<DanVan.Web.Api.Statistics.FormReportView>,
    DanVan.Web.Api.NotFoundProblem,
    DanVan.Web.Api.ForbiddenProblem,
    DanVan.Web.Api.RefusedProblem,
    DanVan.Web.Api.PreconditionRequiredProblem>;

namespace DanVan.Web.Api.Statistics;

/// <summary>A unit's form (báo cáo số liệu): read and write its values with ETag/If-Match, and move it through the cycle.</summary>
public static class FormReportsApi
{
    private const string VersionRequired =
        "Send the form's version as an If-Match header (the ETag of GET /api/v1/form-reports/{id}) or as the 'version' field.";

    /// <summary>Maps /api/v1/form-reports.</summary>
    public static RouteGroupBuilder MapFormReportsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/form-reports").WithTags("Statistics forms");
        group.MapGet("/{id:int}", GetFormReport)
            .WithName("GetFormReport")
            .Requires(StatisticsPermissions.Read)
            .WithSummary("Read a unit's form: status, version (ETag), values by indicator, computed values, explanations, the check, allowed actions");
        group.MapPut("/{id:int}", PutFormValues)
            .WithName("PutFormValues")
            .Requires(StatisticsPermissions.Enter)
            .WithSummary("Replace the unit's values and explanations (indicators not sent are cleared); needs If-Match")
            .WithDescription("Values: JSON numbers, strings typed the Vietnamese way (\"1.306\", \"93,23\", \"26/27\", \"có\", \"30/10/2018\"), "
                + "{\"n\":26,\"N\":27} for a ratio, booleans for yes/no, null to clear. A value that does not fit is refused at $.values.code; nothing is saved.");
        group.MapPatch("/{id:int}", PatchFormValues)
            .WithName("PatchFormValues")
            .Requires(StatisticsPermissions.Enter)
            .WithSummary("Change some of the unit's values and explanations (the others stay); needs If-Match");
        group.MapPost("/{id:int}/confirm", Confirm)
            .WithName("ConfirmFormReport")
            .Requires(StatisticsPermissions.Confirm)
            .WithSummary("The unit head confirms the figures as saved");
        group.MapPost("/{id:int}/submit", Submit)
            .WithName("SubmitFormReport")
            .Requires(StatisticsPermissions.Submit)
            .WithSummary("Submit the confirmed figures: refused while an error rule is broken or a warning is unexplained; late is judged against the unit's deadline");
        group.MapPost("/{id:int}/accept", Accept)
            .WithName("AcceptFormReport")
            .Requires(StatisticsPermissions.Review)
            .WithSummary("Accept a submission (coordinator of the unit and of the period's scope)");
        group.MapPost("/{id:int}/return", Return)
            .WithName("ReturnFormReport")
            .Requires(StatisticsPermissions.Review)
            .WithSummary("Return a submission with a comment (coordinator); the head must confirm again");
        group.MapPost("/{id:int}/extend", Extend)
            .WithName("ExtendFormDeadline")
            .Requires(StatisticsPermissions.Review)
            .WithSummary("Give the unit a later deadline, with a reason (coordinator)");
        return group;
    }

    /// <summary>GET /api/v1/form-reports/{id}.</summary>
    public static async Task<Results<Ok<FormReportView>, NotFoundProblem>> GetFormReport(
        int id, HttpContext http, DanVanDbContext db, CurrentUser me, Permissions permissions, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        var r = await FormFilling.LoadAsync(db, id, ct);
        if (r is null || permissions.Decide(scope, StatisticsPermissions.Read, StatisticsPermissions.TargetOf(r)) != AccessOutcome.Allowed) return NotFound(id);
        http.Response.Headers.ETag = AssessmentVersion.ETag(r.Version);
        return TypedResults.Ok(await ViewAsync(db, scope, permissions, r, http, ct));
    }

    /// <summary>PUT /api/v1/form-reports/{id}.</summary>
    public static Task<ChangeResult> PutFormValues(
        int id, FormValuesBody body, HttpContext http, DanVanDbContext db, CurrentUser me, Permissions permissions, ProvinceClock clock, CancellationToken ct) =>
        SaveAsync(id, body, replaceAll: true, http, db, me, permissions, clock, ct);

    /// <summary>PATCH /api/v1/form-reports/{id}.</summary>
    public static Task<ChangeResult> PatchFormValues(
        int id, FormValuesBody body, HttpContext http, DanVanDbContext db, CurrentUser me, Permissions permissions, ProvinceClock clock, CancellationToken ct) =>
        SaveAsync(id, body, replaceAll: false, http, db, me, permissions, clock, ct);

    /// <summary>POST /api/v1/form-reports/{id}/confirm.</summary>
    public static Task<ChangeResult> Confirm(
        int id, [FromBody] FormStepBody? body, HttpContext http, DanVanDbContext db, CurrentUser me, Permissions permissions, ProvinceClock clock, CancellationToken ct) =>
        ChangeAsync(id, StatisticsPermissions.Confirm, body?.Version, required: false, http, db, me, permissions,
            (scope, r, version) => FormFilling.ConfirmAsync(db, r, scope.UserName, clock.UtcNow, version, ct), ct);

    /// <summary>POST /api/v1/form-reports/{id}/submit.</summary>
    public static Task<ChangeResult> Submit(
        int id, [FromBody] FormStepBody? body, HttpContext http, DanVanDbContext db, CurrentUser me, Permissions permissions, ProvinceClock clock, CancellationToken ct) =>
        ChangeAsync(id, StatisticsPermissions.Submit, body?.Version, required: false, http, db, me, permissions,
            (scope, r, version) => FormFilling.SubmitAsync(db, r, scope.UserName, clock.UtcNow, clock.Zone, version, ct), ct);

    /// <summary>POST /api/v1/form-reports/{id}/accept.</summary>
    public static Task<ChangeResult> Accept(
        int id, HttpContext http, DanVanDbContext db, CurrentUser me, Permissions permissions, ProvinceClock clock, CancellationToken ct) =>
        ChangeAsync(id, StatisticsPermissions.Review, null, required: false, http, db, me, permissions,
            (scope, r, _) => FormFilling.AcceptAsync(db, r, scope.UserName, clock.UtcNow, ct), ct);

    /// <summary>POST /api/v1/form-reports/{id}/return.</summary>
    public static Task<ChangeResult> Return(
        int id, FormReturnBody body, HttpContext http, DanVanDbContext db, CurrentUser me, Permissions permissions, ProvinceClock clock, CancellationToken ct) =>
        ChangeAsync(id, StatisticsPermissions.Review, null, required: false, http, db, me, permissions,
            (scope, r, _) => FormFilling.ReturnAsync(db, r, body.Comment, scope.UserName, clock.UtcNow, ct), ct);

    /// <summary>POST /api/v1/form-reports/{id}/extend.</summary>
    public static Task<ChangeResult> Extend(
        int id, FormExtendBody body, HttpContext http, DanVanDbContext db, CurrentUser me, Permissions permissions, ProvinceClock clock, CancellationToken ct) =>
        ChangeAsync(id, StatisticsPermissions.Review, null, required: false, http, db, me, permissions,
            (scope, r, _) => FormFilling.ExtendDeadlineAsync(db, r, body.Until, body.Reason, scope.UserName, clock.UtcNow, ct), ct);

    private static Task<ChangeResult> SaveAsync(
        int id, FormValuesBody body, bool replaceAll, HttpContext http, DanVanDbContext db, CurrentUser me, Permissions permissions, ProvinceClock clock, CancellationToken ct) =>
        ChangeAsync(id, StatisticsPermissions.Enter, body.Version, required: true, http, db, me, permissions, async (scope, r, version) =>
        {
            var form = FormFilling.FormOf(r);
            var values = new Dictionary<string, IndicatorValue?>(StringComparer.Ordinal);
            var refusals = new List<Refusal>();
            foreach (var (code, json) in body.Values ?? [])
            {
                // An unknown indicator is the core's to refuse; it is passed on without a value.
                if (form.Find(code) is not { } x) { values[code] = null; continue; }
                var (value, refusal) = IndicatorJson.Read(x, json);
                if (refusal is not null) refusals.Add(refusal);
                else values[code] = value;
            }
            var changes = new FormChanges(values, body.Explanations, replaceAll);
            var now = clock.UtcNow;
            var checks = FormFilling.Check(r, changes, now, clock.Zone, version);
            // A state or version conflict answers alone (409); bad input is answered all at once.
            if (checks.Any(c => FormFilling.ConflictCodes.Contains(c.Code))) throw new RefusedException(checks);
            if (refusals.Count + checks.Count > 0) throw new RefusedException([.. refusals, .. checks]);
            await FormFilling.SaveAsync(db, r, changes, scope.UserName, now, clock.Zone, version, ct);
        }, ct);

    /// <summary>Loads, checks scope and role (404, 403) and the version (428 when required and missing), applies a step of the core, answers the new state with its ETag.</summary>
    private static async Task<ChangeResult> ChangeAsync(
        int id, string action, int? bodyVersion, bool required, HttpContext http, DanVanDbContext db, CurrentUser me, Permissions permissions,
        Func<UserScope, FormReport, int?, Task> apply, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        var r = await FormFilling.LoadAsync(db, id, ct);
        if (r is null) return NotFound(id);
        switch (permissions.Decide(scope, action, StatisticsPermissions.TargetOf(r)))
        {
            case AccessOutcome.NotFound: return NotFound(id);
            case AccessOutcome.Forbidden: return new ForbiddenProblem($"Your role may not do '{action}' on this form.");
        }
        var (version, problem) = AssessmentVersion.Read(http.Request, bodyVersion);
        if (problem is not null) return ApiProblems.Refused([problem]);
        if (required && version is null) return new PreconditionRequiredProblem(VersionRequired);
        try
        {
            await apply(scope, r, version);
        }
        catch (RefusedException ex)
        {
            return ApiProblems.RefusedByCode([.. ex.Refusals.Select(IndicatorJson.AtJson)]);
        }
        http.Response.Headers.ETag = AssessmentVersion.ETag(r.Version);
        return TypedResults.Ok(await ViewAsync(db, scope, permissions, r, http, ct));
    }

    private static async Task<FormReportView> ViewAsync(DanVanDbContext db, UserScope scope, Permissions permissions, FormReport r, HttpContext http, CancellationToken ct)
    {
        var form = FormFilling.FormOf(r);
        var culture = RefusalText.CultureFor(http.Request.Headers.AcceptLanguage.ToString());
        var check = await FormFilling.CheckForSubmissionAsync(db, r, ct);
        var own = r.ToFormValues();
        RefusalView View(Refusal x) => new(x.Code, x.Where.Key, x.Where.Criterion, x.Args, RefusalText.Render(x, culture));
        var computed = form.Indicators.Where(x => x.IsComputed && check.Values.ContainsKey(x.Code))
            .ToDictionary(x => x.Code, x => IndicatorJson.Write(check.Values[x.Code]), StringComparer.Ordinal);
        return new FormReportView(
            r.Id, FormPeriodsApi.Ref(r.Period!), FormPeriodsApi.FormRefOf(r.Period!.Form!), UnitRef.From(r.Unit!), r.Status, r.Version, r.Deadline, r.ExtendedDeadline,
            r.IsLate, r.ConfirmedAt, r.ConfirmedBy, r.SubmittedAt, r.AcceptedAt, r.AcceptedBy, r.ReturnComment,
            form.Indicators.Where(x => own.Values.ContainsKey(x.Code)).ToDictionary(x => x.Code, x => IndicatorJson.Write(own.Values[x.Code]), StringComparer.Ordinal),
            computed,
            form.Indicators.Where(x => check.Values.ContainsKey(x.Code)).ToDictionary(x => x.Code, x => IndicatorJson.Write(check.Values[x.Code]), StringComparer.Ordinal),
            new Dictionary<string, string>(own.Explanations ?? new Dictionary<string, string>(), StringComparer.Ordinal),
            new FormCheckView(check.CanSubmit, [.. check.Errors.Select(View)], [.. check.Warnings.Select(View)], [.. check.Unexplained.Select(View)]),
            StatisticsPermissions.ActionsFor(permissions, scope, r));
    }

    private static NotFoundProblem NotFound(int id) => new($"There is no unit form {id} that you may see.");

    private static readonly HashSet<string> Versioned =
        ["GetFormReport", "PutFormValues", "PatchFormValues", "ConfirmFormReport", "SubmitFormReport", "AcceptFormReport", "ReturnFormReport", "ExtendFormDeadline"];

    /// <summary>Documents the version handshake of unit forms: ETag on answers, If-Match on changes (required for values).</summary>
    internal static Task DescribeVersioning(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var id = operation.OperationId ?? "";
        if (!Versioned.Contains(id)) return Task.CompletedTask;
        if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers["ETag"] = new OpenApiHeader
            {
                Description = "The form's version, quoted (\"7\"); send it back as If-Match with the next change.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }
        if (id is "PutFormValues" or "PatchFormValues" or "ConfirmFormReport" or "SubmitFormReport")
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Description = id.EndsWith("FormValues", StringComparison.Ordinal)
                    ? "The ETag of the version the change is based on (or 'version' in the body). Stale: 409 forms.staleVersion; neither: 428."
                    : "Optional: the ETag of the version the step is based on. Stale: 409 forms.staleVersion.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
        return Task.CompletedTask;
    }
}
