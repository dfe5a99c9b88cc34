using DanVan.Accounts;
using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Periods;
using DanVan.Refusals;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Api.Evaluations;

/// <summary>A document of a unit's register.</summary>
/// <param name="Id">Document id.</param>
/// <param name="UnitId">The unit whose register holds it.</param>
/// <param name="Number">Số, ký hiệu.</param>
/// <param name="IssuedOn">Ngày ban hành.</param>
/// <param name="Issuer">Cơ quan ban hành.</param>
/// <param name="Summary">Trích yếu.</param>
/// <param name="Label">How it is cited.</param>
/// <param name="FileName">Its file's name, when it has one.</param>
/// <param name="ContentType">The file's type found by reading its content.</param>
/// <param name="Size">The file's size in bytes.</param>
/// <param name="Sha256">SHA-256 of the file.</param>
/// <param name="ContentUrl">Where to download the file.</param>
/// <param name="AddedBy">Who registered it.</param>
/// <param name="AddedAt">When (UTC).</param>
public sealed record DocumentView(int Id, int UnitId, string Number, DateOnly IssuedOn, string Issuer, string Summary, string Label,
    string? FileName, string? ContentType, long? Size, string? Sha256, string? ContentUrl, string AddedBy, DateTime AddedAt)
{
    /// <summary>From the entity.</summary>
    public static DocumentView From(UnitDocument d) => new(d.Id, d.UnitId, d.Number, d.IssuedOn, d.Issuer, d.Summary, d.Label,
        d.FileName, d.FileType is { } t ? EvidenceFiles.ContentType(t) : null, d.StoredName is null ? null : d.Size, d.Sha256,
        d.StoredName is null ? null : $"/api/v1/documents/{d.Id}/content", d.AddedBy, d.AddedAt);
}

/// <summary>Units' document registers (sổ văn bản kiểm chứng): register, list and search, read, download.</summary>
public static class DocumentsApi
{
    /// <summary>Maps /api/v1/units/{unitId}/documents and /api/v1/documents/{id}.</summary>
    public static RouteGroupBuilder MapDocumentsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/").WithTags("Documents");
        group.MapPost("/units/{unitId:int}/documents", RegisterDocument)
            .WithName("RegisterDocument")
            .Requires(EvaluationPermissions.RegisterDocument)
            .WithSummary("Register a document in the unit's register: number, issuedOn (yyyy-MM-dd), issuer, summary and optionally one file (multipart/form-data)")
            .WithDescription("The unit's users. A file is checked as evidence files are (type by content and name, 10 MB). Link it as evidence with POST /api/v1/assessments/{id}/evidence and documentId.");
        group.MapGet("/units/{unitId:int}/documents", ListDocuments)
            .WithName("ListDocuments")
            .Requires(EvaluationPermissions.Read)
            .WithSummary("List the unit's registered documents, newest first; q searches number, issuer and summary");
        group.MapGet("/documents/{id:int}", GetDocument)
            .WithName("GetDocument")
            .Requires(EvaluationPermissions.Read)
            .WithSummary("A registered document");
        group.MapGet("/documents/{id:int}/content", GetDocumentContent)
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf",
                [.. Enum.GetValues<EvidenceFileType>().Select(EvidenceFiles.ContentType).Where(t => t != "application/pdf")])
            .WithName("GetDocumentContent")
            .Requires(EvaluationPermissions.Read)
            .WithSummary("Download a registered document's file");
        return group;
    }

    /// <summary>POST /api/v1/units/{unitId}/documents.</summary>
    public static async Task<Results<Created<DocumentView>, NotFoundProblem, ForbiddenProblem, RefusedProblem>> RegisterDocument(
        int unitId, HttpRequest request, DanVanDbContext db, CurrentUser me, EvidenceStore store, ProvinceClock clock, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        switch (await DecideAsync(db, scope, unitId, EvaluationPermissions.RegisterDocument, ct))
        {
            case AccessOutcome.NotFound: return UnitNotFound(unitId);
            case AccessOutcome.Forbidden: return new ForbiddenProblem($"Your role may not do '{EvaluationPermissions.RegisterDocument}' for this unit.");
        }
        if (!request.HasFormContentType) return ApiProblems.Invalid("documents.contentType", Where.AtField("Content-Type"));
        var form = await request.ReadFormAsync(ct);
        DateOnly? issuedOn = DateOnly.TryParseExact(form["issuedOn"].ToString(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var d) ? d : null;
        if (issuedOn is null && !string.IsNullOrWhiteSpace(form["issuedOn"]))
            return ApiProblems.Invalid("documents.issuedOnFormat", Where.AtField("issuedOn"));
        var input = new DocumentInput(form["number"], issuedOn, form["issuer"], form["summary"]);
        if (UnitDocuments.Check(input, clock.Today) is { Count: > 0 } problems) return ApiProblems.Refused(problems);

        var files = form.Files.GetFiles("file");
        if (files.Count > 1) return ApiProblems.Invalid("evidence.oneFilePerRequest", Where.AtField("file"), ("count", files.Count));
        StoredFile? file = null;
        if (files.Count == 1)
        {
            var (saved, refusal) = await store.SaveDocumentFileAsync(files[0], ct);
            if (refusal is not null) return ApiProblems.Refused([refusal]);
            file = saved;
        }
        try
        {
            var document = await UnitDocuments.RegisterAsync(db, unitId, input, file, scope.UserName, clock.UtcNow, clock.Today, ct);
            return TypedResults.Created($"/api/v1/documents/{document.Id}", DocumentView.From(document));
        }
        catch (RefusedException ex)
        {
            if (file is not null) store.Delete(file);
            return ApiProblems.Refused(ex.Refusals);
        }
        catch
        {
            if (file is not null) store.Delete(file);
            throw;
        }
    }

    /// <summary>GET /api/v1/units/{unitId}/documents.</summary>
    public static async Task<Results<Ok<PagedList<DocumentView>>, NotFoundProblem, RefusedProblem>> ListDocuments(
        int unitId, [AsParameters] PageRequest page, string? q, DanVanDbContext db, CurrentUser me, CancellationToken ct)
    {
        if (page.Problems() is { Count: > 0 } problems) return ApiProblems.Refused(problems);
        var scope = await me.GetAsync(ct);
        if (await DecideAsync(db, scope, unitId, EvaluationPermissions.Read, ct) != AccessOutcome.Allowed) return UnitNotFound(unitId);
        var all = await UnitDocuments.SearchAsync(db, unitId, q, ct: ct);
        return TypedResults.Ok(page.Slice(all.Select(DocumentView.From).ToList()));
    }

    /// <summary>GET /api/v1/documents/{id}.</summary>
    public static async Task<Results<Ok<DocumentView>, NotFoundProblem>> GetDocument(int id, DanVanDbContext db, CurrentUser me, CancellationToken ct) =>
        await FindAsync(db, await me.GetAsync(ct), id, ct) is { } d ? TypedResults.Ok(DocumentView.From(d)) : DocumentNotFound(id);

    /// <summary>GET /api/v1/documents/{id}/content.</summary>
    public static async Task<Results<FileStreamHttpResult, NotFoundProblem>> GetDocumentContent(
        int id, HttpResponse response, DanVanDbContext db, CurrentUser me, EvidenceStore store, CancellationToken ct)
    {
        if (await FindAsync(db, await me.GetAsync(ct), id, ct) is not { } document) return DocumentNotFound(id);
        if (document.FileType is not { } type) return new NotFoundProblem($"Document {id} has no file.");
        if (await store.OpenAsync(document, ct) is not { } content) return new NotFoundProblem($"The file of document {id} is missing from the store.");
        response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(content, EvidenceFiles.ContentType(type), document.FileName);
    }

    private static async Task<UnitDocument?> FindAsync(DanVanDbContext db, UserScope scope, int id, CancellationToken ct)
    {
        var document = await db.UnitDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        if (document is null) return null;
        return await DecideAsync(db, scope, document.UnitId, EvaluationPermissions.Read, ct) == AccessOutcome.Allowed ? document : null;
    }

    private static async Task<AccessOutcome> DecideAsync(DanVanDbContext db, UserScope scope, int unitId, string action, CancellationToken ct)
    {
        var path = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Path).SingleOrDefaultAsync(ct);
        return path is null ? AccessOutcome.NotFound : Permissions.Builtin.Decide(scope, action, new Target(path));
    }

    private static NotFoundProblem UnitNotFound(int id) => new($"There is no unit {id} whose documents you may see.");

    private static NotFoundProblem DocumentNotFound(int id) => new($"There is no document {id} that you may see.");
}
