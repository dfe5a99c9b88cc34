using DanVan.Refusals;
using System.ComponentModel;
using System.Text.Json;
using DanVan.Audit;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Web.Evaluations;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace DanVan.Web.Api.Evaluations;

/// <summary>An evidence item: a stored file or a document reference.</summary>
/// <param name="Id">Evidence id.</param>
/// <param name="AssessmentId">The assessment.</param>
/// <param name="CriterionId">The criterion it backs.</param>
/// <param name="DocumentRef">For a document reference, the reference, e.g. "Kế hoạch số 44-KH/UBND ngày 11/02/2024".</param>
/// <param name="FileName">For a file, its name as uploaded.</param>
/// <param name="ContentType">For a file, the type found by reading its content.</param>
/// <param name="Size">For a file, its size in bytes.</param>
/// <param name="Sha256">For a file, SHA-256 of its content.</param>
/// <param name="ContentUrl">For a file, where to download it.</param>
/// <param name="AddedBy">Who added it.</param>
/// <param name="AddedAt">When (UTC).</param>
/// <param name="DocumentId">For a link to a document of the unit's register, the document (its words are in DocumentRef, its file in FileName and ContentUrl).</param>
/// <param name="Insufficient">The appraiser's "chưa đủ căn cứ" mark, when the item has one.</param>
public sealed record EvidenceView(
    int Id,
    int AssessmentId,
    string CriterionId,
    string? DocumentRef,
    string? FileName,
    string? ContentType,
    long? Size,
    string? Sha256,
    string? ContentUrl,
    string AddedBy,
    DateTime AddedAt,
    int? DocumentId,
    InsufficientMark? Insufficient)
{
    /// <summary>From the entity (with its <see cref="Evidence.UnitDocument"/> loaded when it links one).</summary>
    public static EvidenceView From(Evidence e)
    {
        var mark = e.InsufficientReason is { } reason ? new InsufficientMark(reason, e.InsufficientBy ?? "", e.InsufficientAt ?? default) : null;
        if (e.UnitDocument is { } d)
            return new(e.Id, e.AssessmentId, e.CriterionId, d.Label, d.FileName,
                d.FileType is { } dt ? EvidenceFiles.ContentType(dt) : null,
                d.StoredName is null ? null : d.Size, d.Sha256,
                d.StoredName is null ? null : $"/api/v1/evidence/{e.Id}/content",
                e.AddedBy, e.AddedAt, d.Id, mark);
        return new(
            e.Id, e.AssessmentId, e.CriterionId, e.DocumentRef, e.FileName,
            e.FileType is { } t ? EvidenceFiles.ContentType(t) : null,
            e.StoredName is null ? null : e.Size,
            e.Sha256,
            e.StoredName is null ? null : $"/api/v1/evidence/{e.Id}/content",
            e.AddedBy, e.AddedAt, e.UnitDocumentId, mark);
    }
}

/// <summary>An appraiser's mark that an evidence item is insufficient ("chưa đủ căn cứ").</summary>
/// <param name="Reason">Why, in the appraiser's words (the unit reads it).</param>
/// <param name="By">Who marked it.</param>
/// <param name="At">When (UTC).</param>
public sealed record InsufficientMark(string Reason, string By, DateTime At);

/// <summary>The reason of an insufficient mark (JSON body of POST /api/v1/evidence/{id}/insufficient).</summary>
public sealed record InsufficientBody
{
    /// <summary>Why the evidence is insufficient; the unit reads it.</summary>
    public string? Reason { get; init; }
}

/// <summary>A document reference given as evidence (JSON body of POST .../evidence).</summary>
public sealed record EvidenceReferenceBody
{
    /// <summary>The criterion it backs.</summary>
    public string? CriterionId { get; init; }

    /// <summary>The reference.</summary>
    [Description("The document, e.g. \"Kế hoạch số 44-KH/UBND ngày 11/02/2024\".")]
    public string? DocumentRef { get; init; }

    /// <summary>Instead of a reference: a document of the unit's register to link (nothing is uploaded again).</summary>
    [Description("A document of the unit's register (GET /api/v1/units/{unitId}/documents) to link instead of a reference.")]
    public int? DocumentId { get; init; }
}

/// <summary>Evidence (tài liệu kiểm chứng) of assessments: add a file or a reference, list, download, delete.</summary>
public static class EvidenceApi
{
    /// <summary>Maps /api/v1/assessments/{id}/evidence and /api/v1/evidence/{id}.</summary>
    public static RouteGroupBuilder MapEvidenceApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/").WithTags("Evidence");

        group.MapPost("/assessments/{id:int}/evidence", AddEvidence)
            .Accepts<EvidenceReferenceBody>("application/json", "multipart/form-data")
            .WithName("AddEvidence")
            .Requires(EvaluationPermissions.AddEvidence)
            .WithSummary("Add evidence for a criterion: a file (multipart/form-data) or a document reference (JSON)")
            .WithDescription("Unit users while the assessment is editable. One file per request, checked by content (PDF, DOC, DOCX, XLS, XLSX, JPEG, PNG), "
                + "by name (its extension must say the type the content has) and by size (10 MB); a refused file leaves nothing stored.");
        group.MapGet("/assessments/{id:int}/evidence", ListEvidence)
            .WithName("ListEvidence")
            .Requires(EvaluationPermissions.Read)
            .WithSummary("List an assessment's evidence, optionally for one criterion");
        group.MapGet("/evidence/{id:int}/content", GetEvidenceContent)
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf",
                [.. Enum.GetValues<EvidenceFileType>().Select(EvidenceFiles.ContentType).Where(t => t != "application/pdf")])
            .WithName("GetEvidenceContent")
            .Requires(EvaluationPermissions.Read)
            .WithSummary("Download an evidence file with its content type");
        group.MapPost("/evidence/{id:int}/insufficient", MarkInsufficient)
            .WithName("MarkEvidenceInsufficient")
            .Requires(EvaluationPermissions.MarkEvidence)
            .WithSummary("Mark an evidence item insufficient (chưa đủ căn cứ) with the reason the unit reads")
            .WithDescription("Appraisers, while the assessment is submitted or appraised and not yet approved; a new reason replaces the old one.");
        group.MapDelete("/evidence/{id:int}/insufficient", ClearInsufficient)
            .WithName("ClearEvidenceInsufficient")
            .Requires(EvaluationPermissions.MarkEvidence)
            .WithSummary("Clear an evidence item's insufficient mark");
        group.MapDelete("/evidence/{id:int}", DeleteEvidence)
            .WithName("DeleteEvidence")
            .Requires(EvaluationPermissions.AddEvidence)
            .WithSummary("Delete an evidence item while the assessment is editable by the unit");
        return group;
    }

    /// <summary>POST /api/v1/assessments/{id}/evidence.</summary>
    public static async Task<Results<Created<EvidenceView>, NotFoundProblem, ForbiddenProblem, RefusedProblem, ContentTooLargeProblem>> AddEvidence(
        int id, HttpRequest request, DanVanDbContext db, CurrentUser me, EvidenceStore store, IOptions<JsonOptions> json,
        TimeProvider clock, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        var a = await EvaluationAccess.FindAssessmentAsync(db, scope, id, ct);
        if (a is null) return AssessmentsApi.AssessmentNotFound(id);
        if (!EvaluationAccess.May(scope, a, EvaluationPermissions.AddEvidence)) return AssessmentsApi.Forbidden(EvaluationPermissions.AddEvidence);
        if (!a.IsEditableByUnit)
            return AssessmentsApi.Refused([DanVan.Refusals.Refusal.Of("assessment.notEditable", DanVan.Refusals.Where.Request, ("status", a.Status.ToString()))]);
        var set = (await db.CriteriaSets.AsNoTracking().SingleAsync(s => s.Id == a.CriteriaSetId, ct)).Parse();
        var user = scope.UserName;
        var now = AssessmentsApi.Now(clock);

        Evidence evidence;
        if (request.HasFormContentType)
        {
            // Refuse an oversized upload before reading it; the 10 MB rule itself is checked on the file below.
            if (request.ContentLength > EvidenceFiles.MaxBytes + FormOverhead) return TooLarge();
            if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                limit.MaxRequestBodySize = EvidenceFiles.MaxBytes + FormOverhead;
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(ct);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return TooLarge();
            }
            catch (InvalidDataException ex)
            {
                return ApiProblems.Invalid("request.unreadableForm", Where.AtField("file"), ("detail", ex.Message));
            }

            var criterionId = form["criterionId"].ToString();
            var files = form.Files.GetFiles("file");
            if (AssessmentWorkflow.EvidenceRefusal(set, criterionId) is { } refused) return AssessmentsApi.Refused([refused]);
            if (files.Count == 0) return ApiProblems.Invalid("evidence.fileRequired", Where.AtField("file"));
            // The answer is one item at one address; a second file is refused rather than silently dropped.
            if (files.Count > 1) return ApiProblems.Invalid("evidence.oneFilePerRequest", Where.AtField("file"), ("count", files.Count));
            var file = files[0];
            if (file.Length > EvidenceFiles.MaxBytes) return TooLarge(file.FileName);

            var (saved, refusal) = await store.SaveAsync(file, a.Id, criterionId, user, clock.GetUtcNow().UtcDateTime, ct);
            if (saved is null) return ApiProblems.Refused([refusal!]);
            evidence = saved;
            evidence.AddedAt = now;
        }
        else if (request.HasJsonContentType())
        {
            EvidenceReferenceBody? body;
            try
            {
                body = await request.ReadFromJsonAsync<EvidenceReferenceBody>(json.Value.SerializerOptions, ct);
            }
            catch (JsonException ex)
            {
                return ApiProblems.Invalid("request.jsonType", Where.AtField(ApiExceptionHandler.JsonPath(ex.Path)));
            }

            if (body?.DocumentId is not null)
            {
                try
                {
                    var linked = await UnitDocuments.LinkAsync(db, a, set, body.CriterionId, body.DocumentId, user, now, ct);
                    linked.UnitDocument = await db.UnitDocuments.AsNoTracking().SingleAsync(d => d.Id == linked.UnitDocumentId, ct);
                    return TypedResults.Created($"/api/v1/evidence/{linked.Id}", EvidenceView.From(linked));
                }
                catch (RefusedException ex)
                {
                    return AssessmentsApi.Refused(ex.Refusals);
                }
            }
            if (AssessmentWorkflow.EvidenceRefusal(set, body?.CriterionId) is { } refused) return AssessmentsApi.Refused([refused]);
            var problems = new List<Refusal>();
            var reference = body?.DocumentRef?.Trim().Normalize() ?? "";
            if (reference.Length == 0) problems.Add(Refusal.Of("evidence.referenceRequired", Where.AtField("documentRef")));
            if (problems.Count > 0) return ApiProblems.Refused(problems);
            if (AssessmentWorkflow.EvidenceReferenceRefusal(reference) is { } tooLong) return AssessmentsApi.Refused([tooLong]);
            evidence = new Evidence { AssessmentId = a.Id, CriterionId = body!.CriterionId!, DocumentRef = reference, AddedBy = user, AddedAt = now };
        }
        else
        {
            return ApiProblems.Invalid("evidence.contentType", Where.AtField("Content-Type"));
        }

        db.Evidence.Add(evidence);
        AuditTrail.Record(db, new DanVan.Audit.AuditLine(user, now, "evidence.add", AuditSubject.Criterion(a, evidence.CriterionId))
        {
            New = evidence.DocumentRef ?? $"{evidence.FileName} ({evidence.Size} bytes, SHA-256 {evidence.Sha256})",
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            store.Delete(evidence);
            throw;
        }

        return TypedResults.Created($"/api/v1/evidence/{evidence.Id}", EvidenceView.From(evidence));
    }

    /// <summary>GET /api/v1/assessments/{id}/evidence.</summary>
    public static async Task<Results<Ok<PagedList<EvidenceView>>, RefusedProblem, NotFoundProblem>> ListEvidence(
        int id, [AsParameters] PageRequest page, string? criterionId, DanVanDbContext db, CurrentUser me, CancellationToken ct)
    {
        if (page.Problems() is { Count: > 0 } problems) return ApiProblems.Refused(problems);
        var scope = await me.GetAsync(ct);
        if (!await EvaluationAccess.ReadableAssessments(db, scope).AnyAsync(a => a.Id == id, ct)) return AssessmentsApi.AssessmentNotFound(id);
        var query = db.Evidence.AsNoTracking().Include(e => e.UnitDocument).Where(e => e.AssessmentId == id);
        if (!string.IsNullOrEmpty(criterionId)) query = query.Where(e => e.CriterionId == criterionId);
        var all = await query.OrderBy(e => e.CriterionId).ThenBy(e => e.Id).ToListAsync(ct);
        return TypedResults.Ok(page.Slice(all.Select(EvidenceView.From).ToList()));
    }

    /// <summary>GET /api/v1/evidence/{id}/content.</summary>
    public static async Task<Results<FileStreamHttpResult, NotFoundProblem>> GetEvidenceContent(
        int id, HttpResponse response, DanVanDbContext db, CurrentUser me, EvidenceStore store, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        if (await EvaluationAccess.FindEvidenceAsync(db, scope, id, ct) is not { } found) return EvidenceNotFound(id);
        var (evidence, _) = found;
        if (evidence.UnitDocumentId is { } documentId)
        {
            var document = await db.UnitDocuments.AsNoTracking().SingleAsync(d => d.Id == documentId, ct);
            if (document.FileType is not { } documentType) return new NotFoundProblem($"Evidence {id} links a registered document without a file.");
            if (await store.OpenAsync(document, ct) is not { } file) return new NotFoundProblem($"The file of evidence {id} is missing from the store.");
            response.Headers.XContentTypeOptions = "nosniff";
            return TypedResults.File(file, EvidenceFiles.ContentType(documentType), document.FileName);
        }
        if (evidence.StoredName is null || evidence.FileType is not { } type)
            return new NotFoundProblem($"Evidence {id} is a document reference; it has no file.");
        if (await store.OpenAsync(evidence, ct) is not { } content) return new NotFoundProblem($"The file of evidence {id} is missing from the store.");
        response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(content, EvidenceFiles.ContentType(type), evidence.FileName);
    }

    /// <summary>DELETE /api/v1/evidence/{id}.</summary>
    public static async Task<Results<NoContent, NotFoundProblem, ForbiddenProblem, ConflictProblem>> DeleteEvidence(
        int id, DanVanDbContext db, CurrentUser me, EvidenceStore store, TimeProvider clock, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        if (await EvaluationAccess.FindEvidenceAsync(db, scope, id, ct) is not { } found) return EvidenceNotFound(id);
        var (evidence, a) = found;
        if (!EvaluationAccess.May(scope, a, EvaluationPermissions.AddEvidence)) return AssessmentsApi.Forbidden(EvaluationPermissions.AddEvidence);
        if (!a.IsEditableByUnit) return ConflictProblem.WrongStatus($"the assessment is {a.Status}; its evidence can no longer be removed");
        db.Evidence.Remove(evidence);
        AuditTrail.Record(db, new DanVan.Audit.AuditLine(scope.UserName, AssessmentsApi.Now(clock), "evidence.remove", AuditSubject.Criterion(a, evidence.CriterionId))
        {
            Old = evidence.DocumentRef ?? evidence.FileName,
        });
        await db.SaveChangesAsync(ct);
        store.Delete(evidence);
        return TypedResults.NoContent();
    }

    /// <summary>POST /api/v1/evidence/{id}/insufficient.</summary>
    public static async Task<Results<Ok<EvidenceView>, NotFoundProblem, ForbiddenProblem, RefusedProblem>> MarkInsufficient(
        int id, InsufficientBody? body, DanVanDbContext db, CurrentUser me, TimeProvider clock, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        if (await EvaluationAccess.FindEvidenceAsync(db, scope, id, ct) is not { } found) return EvidenceNotFound(id);
        var (evidence, a) = found;
        if (!EvaluationAccess.May(scope, a, EvaluationPermissions.MarkEvidence)) return AssessmentsApi.Forbidden(EvaluationPermissions.MarkEvidence);
        try
        {
            await UnitDocuments.MarkInsufficientAsync(db, evidence, a, body?.Reason, scope.UserName, AssessmentsApi.Now(clock), ct);
        }
        catch (RefusedException ex)
        {
            return AssessmentsApi.Refused(ex.Refusals);
        }
        await db.Entry(evidence).Reference(e => e.UnitDocument).LoadAsync(ct);
        return TypedResults.Ok(EvidenceView.From(evidence));
    }

    /// <summary>DELETE /api/v1/evidence/{id}/insufficient.</summary>
    public static async Task<Results<NoContent, NotFoundProblem, ForbiddenProblem, RefusedProblem>> ClearInsufficient(
        int id, DanVanDbContext db, CurrentUser me, TimeProvider clock, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        if (await EvaluationAccess.FindEvidenceAsync(db, scope, id, ct) is not { } found) return EvidenceNotFound(id);
        var (evidence, a) = found;
        if (!EvaluationAccess.May(scope, a, EvaluationPermissions.MarkEvidence)) return AssessmentsApi.Forbidden(EvaluationPermissions.MarkEvidence);
        try
        {
            await UnitDocuments.ClearInsufficientAsync(db, evidence, a, scope.UserName, AssessmentsApi.Now(clock), ct);
        }
        catch (RefusedException ex)
        {
            return AssessmentsApi.Refused(ex.Refusals);
        }
        return TypedResults.NoContent();
    }

    /// <summary>Describes the two bodies of POST .../evidence: a multipart file, or a JSON document reference.</summary>
    internal static Task DescribeUpload(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (operation.OperationId != "AddEvidence" || operation.RequestBody?.Content is not { } content) return Task.CompletedTask;
        content["multipart/form-data"] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { "criterionId", "file" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["criterionId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The criterion the file backs." },
                    ["file"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Format = "binary",
                        Description = "One file: PDF, DOC, DOCX, XLS, XLSX, JPEG or PNG, at most 10 MB; the type is read from the content, and the name's extension must agree with it.",
                    },
                },
            },
        };
        return Task.CompletedTask;
    }

    // Multipart boundaries and the criterionId field around a 10 MB file.
    private const long FormOverhead = 64 * 1024;

    private static NotFoundProblem EvidenceNotFound(int id) => new($"There is no evidence {id} that you may see.");

    private static ContentTooLargeProblem TooLarge(string? fileName = null) =>
        new($"Tệp{(fileName is null ? "" : $" \"{Path.GetFileName(fileName)}\"")} vượt quá dung lượng cho phép 10 MB. (The file is larger than 10 MB; nothing was stored.)");
}
