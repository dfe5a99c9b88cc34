using DanVan.Web.Evaluations;
using DanVan.Audit;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Scoring;
using DanVan.Refusals;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using DanVan.Periods;

namespace DanVan.Web.Pages.Evaluations;

/// <summary>
/// Evidence of an assessment by criterion: uploaded files (PDF, DOC, DOCX, XLS, XLSX, JPG, PNG up to 10 MB each,
/// several at once, type checked by content and name, stored outside the web root under a generated name) and
/// document references. Anyone in scope reads; the unit adds and removes while it may still edit, a removal only
/// after a confirmation step (no script needed).
/// </summary>
[Scoped(ScopeTarget.Assessment, EvaluationPermissions.Read, PostAction = EvaluationPermissions.AddEvidence)]
[RequestFormLimits(MultipartBodyLengthLimit = 3 * EvidenceFiles.MaxBytes)]
[RequestSizeLimit(EvidenceFiles.MaxFilesAtOnce * EvidenceFiles.MaxBytes + 1024 * 1024)] // every file of one form, with room for the fields
public sealed class Evidence(DanVanDbContext db, CurrentUser current, EvidenceStore store, ProvinceClock clock) : PageModel
{
    /// <summary>The form.</summary>
    [BindProperty]
    public Input Data { get; set; } = new();

    /// <summary>The assessment.</summary>
    public AssessmentSheet Sheet { get; private set; } = null!;

    /// <summary>True when the user may add and remove evidence now.</summary>
    public bool CanChange { get; private set; }

    /// <summary>True when the user may mark items "chưa đủ căn cứ" now (an appraiser, while the assessment is under appraisal).</summary>
    public bool CanMark { get; private set; }

    /// <summary>The unit's registered documents, to link one (only when the user may change).</summary>
    public IReadOnlyList<(int Id, string Label)> Registered { get; private set; } = [];

    /// <summary>The document chosen to link.</summary>
    [BindProperty]
    public LinkInput Link { get; set; } = new();

    /// <summary>The link form's fields: a criterion and a registered document.</summary>
    public sealed class LinkInput
    {
        /// <summary>The criterion.</summary>
        public string? CriterionId { get; set; }

        /// <summary>The registered document.</summary>
        public int? DocumentId { get; set; }
    }

    /// <summary>The item the user asked to remove, shown with the question before anything is deleted; null otherwise.</summary>
    public DanVan.Evaluations.Evidence? Removing { get; private set; }

    /// <summary>The form's fields: files, a document reference, or both, for one criterion.</summary>
    public sealed class Input
    {
        /// <summary>The criterion.</summary>
        public string? CriterionId { get; set; }

        /// <summary>The uploaded files, each its own evidence item.</summary>
        public List<IFormFile> Files { get; set; } = [];

        /// <summary>A document reference, e.g. "Kế hoạch số 44-KH/BDVTU-BCSĐUBND ngày 11/02/2019".</summary>
        public string? DocumentRef { get; set; }
    }

    /// <summary>Lists the evidence; the criterion in the query is preselected. With <paramref name="remove"/>, asks
    /// whether to remove that item (the list's "Xóa" leads here; nothing is deleted by a link).</summary>
    public async Task<IActionResult> OnGetAsync(int id, string? criterion, int? remove)
    {
        if (!await LoadAsync(id)) return NotFound();
        Data.CriterionId = criterion;
        if (remove is { } evidenceId && CanChange)
        {
            Removing = await db.Evidence.AsNoTracking().Include(e => e.UnitDocument).SingleOrDefaultAsync(e => e.Id == evidenceId && e.AssessmentId == id);
            if (Removing is null) return NotFound();
            Data.CriterionId ??= Removing.CriterionId;
        }
        return Page();
    }

    /// <summary>Adds files and/or a reference, one item each; when any file is refused nothing is stored, and every
    /// refused file is named.</summary>
    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        ShowAnchors();
        if (!CanChange) ModelState.AddModelError("", UiText.AssessmentNotEditable);
        var leaf = Sheet.Rows.FirstOrDefault(r => r.Id == Data.CriterionId);
        if (AssessmentWorkflow.EvidenceRefusal(Sheet.Set, Data.CriterionId) is { } refused) this.Show([refused], _ => "Data.CriterionId");
        var reference = string.IsNullOrWhiteSpace(Data.DocumentRef) ? null : Data.DocumentRef.Trim().Normalize();
        if (AssessmentWorkflow.EvidenceReferenceRefusal(reference) is { } tooLong) this.Show([tooLong], _ => "Data.DocumentRef");
        if (Data.Files.Count == 0 && reference is null) ModelState.AddModelError(FilesKey, UiText.EvidenceNeedsFileOrRef);
        if (EvidenceFiles.CountRefusal(Data.Files.Count) is { } tooMany) this.Show([tooMany], _ => FilesKey);
        if (!ModelState.IsValid) return Page();

        // Every file is checked before any is stored: one refused file leaves the others (and the reference) unsaved.
        var refusedFiles = new List<Refusal>();
        foreach (var upload in Data.Files)
            if (await store.CheckAsync(upload, HttpContext.RequestAborted) is { } refusal) refusedFiles.Add(refusal);
        if (refusedFiles.Count > 0)
        {
            ShowFileRefusals(refusedFiles);
            return Page();
        }

        var scope = await current.GetAsync();
        var at = clock.UtcNow;
        var stored = new List<DanVan.Evaluations.Evidence>();
        try
        {
            foreach (var upload in Data.Files)
            {
                var (file, refusal) = await store.SaveAsync(upload, id, leaf!.Id, scope.UserName, at, HttpContext.RequestAborted);
                if (refusal is not null) throw new RefusedException(refusal); // checked just above: the upload cannot change
                stored.Add(file!);
                db.Evidence.Add(file!);
                AuditTrail.Record(db, new AuditLine(scope.UserName, at, "evidence.add", AuditSubject.Named(nameof(Assessment), Key(id), leaf.Id)) { New = $"{file!.FileName} ({file.FileType}, {file.Size} B)" });
            }
            if (reference is not null)
            {
                db.Evidence.Add(new DanVan.Evaluations.Evidence { AssessmentId = id, CriterionId = leaf!.Id, DocumentRef = reference, AddedBy = scope.UserName, AddedAt = at });
                AuditTrail.Record(db, new AuditLine(scope.UserName, at, "evidence.add", AuditSubject.Named(nameof(Assessment), Key(id), leaf.Id)) { New = reference });
            }
            await db.SaveChangesAsync();
        }
        catch
        {
            foreach (var file in stored) store.Delete(file);
            throw;
        }

        var added = stored.Count + (reference is null ? 0 : 1);
        TempData.Notice(added == 1
            ? string.Format(Vi.Culture, UiText.EvidenceAdded, leaf!.Id)
            : string.Format(Vi.Culture, UiText.EvidenceAddedMany, added, leaf!.Id));
        return RedirectToPage(new { id, criterion = leaf.Id });
    }

    /// <summary>Removes one evidence item of this assessment (and its file) once confirmed; without the confirmation
    /// (a form of an older page, a forged post) it only asks, as the list's "Xóa" does.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, int evidenceId, bool confirmed)
    {
        if (!await LoadAsync(id)) return NotFound();
        var item = await db.Evidence.Include(e => e.UnitDocument).SingleOrDefaultAsync(e => e.Id == evidenceId && e.AssessmentId == id);
        if (item is null) return NotFound();
        if (!CanChange)
        {
            ModelState.AddModelError("", UiText.AssessmentNotEditable);
            return Page();
        }
        if (!confirmed)
        {
            Removing = item;
            Data.CriterionId = item.CriterionId;
            return Page();
        }

        var scope = await current.GetAsync();
        db.Evidence.Remove(item);
        AuditTrail.Record(db, new AuditLine(scope.UserName, clock.UtcNow, "evidence.remove", AuditSubject.Named(nameof(Assessment), Key(id), item.CriterionId)) { Old = item.FileName ?? item.DocumentRef ?? item.UnitDocument?.Label });
        await db.SaveChangesAsync();
        store.Delete(item);
        TempData.Notice(UiText.EvidenceRemoved);
        return RedirectToPage(new { id, criterion = item.CriterionId });
    }

    /// <summary>Links a document of the unit's register as evidence of a criterion (no file is uploaded again).</summary>
    public async Task<IActionResult> OnPostLinkAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        ViewData[PageRefusals.AnchorKey] = (Func<Where, string?>)(where =>
            where.Field == "criterionId" ? "link-criterion" : where.Field == "documentId" ? "link-document" : null);
        ModelState.Clear();
        var a = await db.Assessments.AsNoTracking().SingleAsync(x => x.Id == id);
        var scope = await current.GetAsync();
        try
        {
            await UnitDocuments.LinkAsync(db, a, Sheet.Set, Link.CriterionId, Link.DocumentId, scope.UserName, clock.UtcNow, HttpContext.RequestAborted);
        }
        catch (RefusedException ex)
        {
            this.Show(ex.Refusals, where => where.Field == "criterionId" ? "Link.CriterionId" : where.Field == "documentId" ? "Link.DocumentId" : null);
            return Page();
        }
        TempData.Notice(string.Format(Vi.Culture, UiText.EvidenceLinked, Link.CriterionId));
        return RedirectToPage(new { id, criterion = Link.CriterionId });
    }

    private const string FilesKey = "Data.Files";

    /// <summary>Shows each refused file at the file field with its name first, and in the page's summary.</summary>
    /// <remarks>The summary names a refusal's place itself; a field message does not, and one field holds several files.</remarks>
    private void ShowFileRefusals(IReadOnlyList<Refusal> refusals)
    {
        foreach (var r in refusals) ModelState.AddModelError(FilesKey, RefusalText.RenderWithPlace(r, RefusalText.Vietnamese));
        if (Data.Files.Count > 1 || !string.IsNullOrWhiteSpace(Data.DocumentRef)) ModelState.AddModelError("", UiText.EvidenceNothingSaved);
        PageRefusals.Shown(ViewData).AddRange(refusals);
    }

    // The summary's items link to the field they concern.
    private void ShowAnchors() => ViewData[PageRefusals.AnchorKey] = (Func<Where, string?>)(where =>
        where.File is not null || where.Field == "file" ? "evidence-file"
        : where.Field == "criterionId" ? "evidence-criterion"
        : where.Field == "documentRef" ? "evidence-ref"
        : null);

    private static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<bool> LoadAsync(int id)
    {
        var sheet = await AssessmentSheet.LoadAsync(db, id);
        if (sheet is null) return false;
        Sheet = sheet;
        var scope = await current.GetAsync();
        CanChange = (await EvaluationAccess.ActionsAsync(db, scope, id, sheet.Status, confirmed: false)).AddEvidence;
        var target = await EvaluationAccess.TargetAsync(db, id);
        CanMark = sheet.Status is AssessmentStatus.Submitted or AssessmentStatus.Appraised
            && EvaluationAccess.May(scope, EvaluationPermissions.MarkEvidence, target);
        if (CanChange)
        {
            Registered = [.. (await UnitDocuments.SearchAsync(db, sheet.UnitId, null, 500)).Select(d => (d.Id, d.Label))];
        }
        return true;
    }
}
