using DanVan.Audit;
using DanVan.Criteria;
using DanVan.Data;
using DanVan.Refusals;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Evaluations;

/// <summary>A document in a unit's register (sổ văn bản kiểm chứng): số/ký hiệu, date, issuer, trích yếu and
/// optionally its file, registered once and linked as evidence to any criterion of any of the unit's assessments.</summary>
public sealed class UnitDocument
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The unit whose register holds it.</summary>
    public int UnitId { get; set; }

    /// <summary>Số, ký hiệu, e.g. "44-KH/UBND".</summary>
    public required string Number { get; set; }

    /// <summary>Ngày ban hành.</summary>
    public DateOnly IssuedOn { get; set; }

    /// <summary>Cơ quan ban hành, e.g. "UBND huyện Lệ Thủy".</summary>
    public required string Issuer { get; set; }

    /// <summary>Trích yếu: what the document is about; may be empty.</summary>
    public string Summary { get; set; } = "";

    /// <summary>The file name as uploaded (shown, never used as a path); null when no file was given.</summary>
    public string? FileName { get; set; }

    /// <summary>The generated name the file is stored under (content in <see cref="Content"/>, or in the evidence folder).</summary>
    public string? StoredName { get; set; }

    /// <summary>The file's bytes in the database (the default store); never loaded with a list.</summary>
    public UnitDocumentContent? Content { get; set; }

    /// <summary>The type found by reading the content.</summary>
    public EvidenceFileType? FileType { get; set; }

    /// <summary>Size in bytes.</summary>
    public long Size { get; set; }

    /// <summary>SHA-256 of the content, hex.</summary>
    public string? Sha256 { get; set; }

    /// <summary>Who registered it.</summary>
    public required string AddedBy { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTime AddedAt { get; set; }

    /// <summary>How people cite it: "44-KH/UBND ngày 11/02/2024 của UBND huyện Lệ Thủy — trích yếu".</summary>
    public string Label => UnitDocuments.Label(Number, IssuedOn, Issuer, Summary);
}

/// <summary>The bytes of a registered document's file, in their own table (as <see cref="EvidenceContent"/>).</summary>
public sealed class UnitDocumentContent
{
    /// <summary>The document (also the key).</summary>
    public int UnitDocumentId { get; set; }

    /// <summary>The file as uploaded.</summary>
    public required byte[] Bytes { get; set; }
}

/// <summary>A file read and checked by the store, ready to be kept with a document (bytes null when kept in the folder).</summary>
public sealed record StoredFile(string FileName, string StoredName, EvidenceFileType Type, long Size, string Sha256, byte[]? Bytes);

/// <summary>What a user gives to register a document.</summary>
public sealed record DocumentInput(string? Number, DateOnly? IssuedOn, string? Issuer, string? Summary);

/// <summary>The rules of a unit's document register, of linking a document as evidence, and of the appraiser's
/// "chưa đủ căn cứ" mark on an evidence item. Every surface (pages, API) calls these.</summary>
public static class UnitDocuments
{
    /// <summary>Longest số/ký hiệu.</summary>
    public const int MaxNumberLength = 100;

    /// <summary>Longest issuer.</summary>
    public const int MaxIssuerLength = 300;

    /// <summary>Longest trích yếu.</summary>
    public const int MaxSummaryLength = 1000;

    /// <summary>Longest reason of an insufficient mark.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>How a document is cited.</summary>
    public static string Label(string number, DateOnly issuedOn, string issuer, string summary) =>
        $"{number} ngày {issuedOn.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)} của {issuer}"
        + (summary.Length > 0 ? " — " + summary : "");

    /// <summary>The refusals of a document's fields, located at <c>number</c>, <c>issuedOn</c>, <c>issuer</c>, <c>summary</c>.</summary>
    public static List<Refusal> Check(DocumentInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<Refusal>();
        var number = Clean(input.Number);
        if (number.Length == 0) problems.Add(new Refusal("documents.numberRequired", Where.AtField("number")));
        else if (number.Length > MaxNumberLength) problems.Add(Refusal.Of("documents.numberTooLong", Where.AtField("number"), ("max", MaxNumberLength)));
        if (input.IssuedOn is not { } issued) problems.Add(new Refusal("documents.issuedOnRequired", Where.AtField("issuedOn")));
        else if (issued > today) problems.Add(Refusal.Of("documents.issuedOnFuture", Where.AtField("issuedOn"), ("date", issued.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture))));
        var issuer = Clean(input.Issuer);
        if (issuer.Length == 0) problems.Add(new Refusal("documents.issuerRequired", Where.AtField("issuer")));
        else if (issuer.Length > MaxIssuerLength) problems.Add(Refusal.Of("documents.issuerTooLong", Where.AtField("issuer"), ("max", MaxIssuerLength)));
        if (Clean(input.Summary).Length > MaxSummaryLength) problems.Add(Refusal.Of("documents.summaryTooLong", Where.AtField("summary"), ("max", MaxSummaryLength)));
        return problems;
    }

    /// <summary>Registers a document (and its file, when given) in the unit's register, with its audit line, in one save.</summary>
    /// <exception cref="RefusedException">A field is refused, or the unit already registered this số/ký hiệu of this date; nothing is stored.</exception>
    public static async Task<UnitDocument> RegisterAsync(DanVanDbContext db, int unitId, DocumentInput input, StoredFile? file, string user, DateTime now, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var problems = Check(input, today);
        var number = Clean(input.Number);
        if (problems.Count == 0 && await db.UnitDocuments.AnyAsync(d => d.UnitId == unitId && d.Number == number && d.IssuedOn == input.IssuedOn, ct))
            problems.Add(Refusal.Of("documents.duplicate", Where.AtField("number"), ("number", number)));
        if (problems.Count > 0) throw new RefusedException(problems);

        var document = new UnitDocument
        {
            UnitId = unitId,
            Number = number,
            IssuedOn = input.IssuedOn!.Value,
            Issuer = Clean(input.Issuer),
            Summary = Clean(input.Summary),
            FileName = file?.FileName,
            StoredName = file?.StoredName,
            FileType = file?.Type,
            Size = file?.Size ?? 0,
            Sha256 = file?.Sha256,
            Content = file?.Bytes is { } bytes ? new UnitDocumentContent { Bytes = bytes } : null,
            AddedBy = user,
            AddedAt = now,
        };
        db.UnitDocuments.Add(document);
        AuditTrail.Record(db, new AuditLine(user, now, "document.register", AuditSubject.Of(document))
        {
            New = document.Label + (file is null ? "" : $" [{file.FileName}, {file.Size} B, SHA-256 {file.Sha256}]"),
        });
        await db.SaveChangesAsync(ct);
        return document;
    }

    /// <summary>Links a registered document of the assessment's unit as evidence of a criterion, with its audit line, in one save.</summary>
    /// <exception cref="RefusedException">The assessment is not editable by the unit, the criterion is not the unit's,
    /// the document is not in the unit's register (<c>evidence.documentNotFound</c>, the same words whether it exists elsewhere or not),
    /// or it is already linked to that criterion.</exception>
    public static async Task<Evidence> LinkAsync(DanVanDbContext db, Assessment assessment, CriteriaSet set, string? criterionId, int? documentId, string user, DateTime now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(assessment);
        if (!assessment.IsEditableByUnit)
            throw new RefusedException(Refusal.Of("assessment.notEditable", Where.Request, ("status", assessment.Status.ToString())));
        var problems = new List<Refusal>();
        if (AssessmentWorkflow.EvidenceRefusal(set, criterionId) is { } refused) problems.Add(refused);
        var document = documentId is { } did
            ? await db.UnitDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == did && d.UnitId == assessment.UnitId, ct)
            : null;
        if (documentId is null) problems.Add(new Refusal("evidence.documentRequired", Where.AtField("documentId")));
        else if (document is null) problems.Add(Refusal.Of("evidence.documentNotFound", Where.AtField("documentId"), ("id", documentId.Value)));
        if (problems.Count == 0 && await db.Evidence.AnyAsync(e => e.AssessmentId == assessment.Id && e.CriterionId == criterionId && e.UnitDocumentId == documentId, ct))
            problems.Add(Refusal.Of("evidence.documentAlreadyLinked", Where.AtField("documentId"), ("criterion", criterionId!)));
        if (problems.Count > 0) throw new RefusedException(problems);

        var evidence = new Evidence { AssessmentId = assessment.Id, CriterionId = criterionId!, UnitDocumentId = document!.Id, AddedBy = user, AddedAt = now };
        db.Evidence.Add(evidence);
        AuditTrail.Record(db, new AuditLine(user, now, "evidence.link", AuditSubject.Criterion(assessment, evidence.CriterionId)) { New = document.Label });
        await db.SaveChangesAsync(ct);
        return evidence;
    }

    /// <summary>True while an appraiser may mark or clear: submitted, or appraised and not yet approved.</summary>
    public static bool MayMark(Assessment assessment) =>
        assessment?.Status is AssessmentStatus.Submitted or AssessmentStatus.Appraised;

    /// <summary>Marks an evidence item "chưa đủ căn cứ" with the reason the unit will read (a new reason replaces the old), audited, in one save.</summary>
    /// <exception cref="RefusedException">The assessment is not under appraisal, or the reason is missing or too long.</exception>
    public static async Task MarkInsufficientAsync(DanVanDbContext db, Evidence evidence, Assessment assessment, string? reason, string user, DateTime now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(assessment);
        RefuseUnlessMarkable(assessment);
        var text = Clean(reason);
        if (text.Length == 0) throw new RefusedException("evidence.reasonRequired", Where.AtField("reason"));
        if (TextLimit.Check(text, Where.AtField("reason"), "reason", MaxReasonLength) is { } tooLong) throw new RefusedException(tooLong);

        var old = evidence.InsufficientReason;
        evidence.InsufficientReason = text;
        evidence.InsufficientBy = user;
        evidence.InsufficientAt = now;
        AuditTrail.Record(db, new AuditLine(user, now, "evidence.markInsufficient", AuditSubject.Criterion(assessment, evidence.CriterionId))
        {
            Old = old,
            New = $"#{evidence.Id}",
            Reason = text,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Clears the mark, audited, in one save; false (nothing written) when the item was not marked.</summary>
    /// <exception cref="RefusedException">The assessment is not under appraisal.</exception>
    public static async Task<bool> ClearInsufficientAsync(DanVanDbContext db, Evidence evidence, Assessment assessment, string user, DateTime now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(assessment);
        RefuseUnlessMarkable(assessment);
        if (evidence.InsufficientReason is not { } old) return false;
        evidence.InsufficientReason = null;
        evidence.InsufficientBy = null;
        evidence.InsufficientAt = null;
        AuditTrail.Record(db, new AuditLine(user, now, "evidence.clearInsufficient", AuditSubject.Criterion(assessment, evidence.CriterionId))
        {
            Old = old,
            New = $"#{evidence.Id}",
        });
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The unit's documents matching <paramref name="search"/> (in số/ký hiệu, issuer or trích yếu), newest first, at most <paramref name="take"/>.</summary>
    /// <remarks>Diacritics, đ/Đ and case are ignored ("ke hoach" finds "Kế hoạch") on both databases: one unit's register
    /// is small, so it is read whole and matched folded in memory.</remarks>
    public static async Task<List<UnitDocument>> SearchAsync(DanVanDbContext db, int unitId, string? search, int take = int.MaxValue, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var all = await db.UnitDocuments.AsNoTracking().Where(d => d.UnitId == unitId)
            .OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id).ToListAsync(ct);
        var text = Registries.Duplicates.VietnameseText.Fold(search);
        return [.. all.Where(d => text.Length == 0 || Registries.Duplicates.VietnameseText.Fold($"{d.Number} {d.Issuer} {d.Summary}").Contains(text, StringComparison.Ordinal)).Take(take)];
    }

    private static void RefuseUnlessMarkable(Assessment assessment)
    {
        if (!MayMark(assessment))
            throw new RefusedException(Refusal.Of("evidence.markWrongStatus", Where.Request, ("status", assessment.Status.ToString())));
    }

    private static string Clean(string? text) => text?.Trim().Normalize() ?? "";
}
