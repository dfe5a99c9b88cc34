using DanVan.Web.Evaluations;
using DanVan.Audit;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Scoring;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using DanVan.Periods;

namespace DanVan.Web.Pages.Evaluations;

/// <summary>
/// Evidence of an assessment by criterion: uploaded files (PDF, DOCX, XLSX, JPG, PNG up to 10 MB, type checked by
/// content, stored outside the web root under a generated name) and document references. Anyone in scope reads;
/// the unit adds and removes while it may still edit.
/// </summary>
[Scoped(ScopeTarget.Assessment, EvaluationPermissions.Read, PostAction = EvaluationPermissions.AddEvidence)]
[RequestFormLimits(MultipartBodyLengthLimit = 3 * EvidenceFiles.MaxBytes)]
public sealed class Evidence(DanVanDbContext db, CurrentUser current, EvidenceStore store, ProvinceClock clock) : PageModel
{
    /// <summary>The form.</summary>
    [BindProperty]
    public Input Data { get; set; } = new();

    /// <summary>The assessment.</summary>
    public AssessmentSheet Sheet { get; private set; } = null!;

    /// <summary>True when the user may add and remove evidence now.</summary>
    public bool CanChange { get; private set; }

    /// <summary>The form's fields: a file, a document reference, or both, for one criterion.</summary>
    public sealed class Input
    {
        /// <summary>The criterion.</summary>
        public string? CriterionId { get; set; }

        /// <summary>The uploaded file.</summary>
        public IFormFile? File { get; set; }

        /// <summary>A document reference, e.g. "Kế hoạch số 44-KH/BDVTU-BCSĐUBND ngày 11/02/2019".</summary>
        public string? DocumentRef { get; set; }
    }

    /// <summary>Lists the evidence; the criterion in the query is preselected.</summary>
    public async Task<IActionResult> OnGetAsync(int id, string? criterion)
    {
        if (!await LoadAsync(id)) return NotFound();
        Data.CriterionId = criterion;
        return Page();
    }

    /// <summary>Adds a file and/or a reference; a refused file is not stored and nothing else is either.</summary>
    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!CanChange) ModelState.AddModelError("", UiText.AssessmentNotEditable);
        var leaf = Sheet.Rows.FirstOrDefault(r => r.Id == Data.CriterionId);
        if (AssessmentWorkflow.EvidenceRefusal(Sheet.Set, Data.CriterionId) is { } refused) this.Show([refused], _ => "Data.CriterionId");
        var reference = string.IsNullOrWhiteSpace(Data.DocumentRef) ? null : Data.DocumentRef.Trim().Normalize();
        if (AssessmentWorkflow.EvidenceReferenceRefusal(reference) is { } tooLong) this.Show([tooLong], _ => "Data.DocumentRef");
        if (Data.File is null && reference is null) ModelState.AddModelError("Data.File", UiText.EvidenceNeedsFileOrRef);
        if (!ModelState.IsValid) return Page();

        var scope = await current.GetAsync();
        var at = clock.UtcNow;
        DanVan.Evaluations.Evidence? file = null;
        if (Data.File is { } upload)
        {
            var (saved, error) = await store.SaveAsync(upload, id, leaf!.Id, scope.UserName, at, HttpContext.RequestAborted);
            if (error is not null)
            {
                ModelState.AddModelError("Data.File", error);
                return Page();
            }
            file = saved!;
            db.Evidence.Add(file);
            AuditTrail.Record(db, new AuditLine(scope.UserName, at, "evidence.add", AuditSubject.Named(nameof(Assessment), Key(id), leaf.Id)) { New = $"{file.FileName} ({file.FileType}, {file.Size} B)" });
        }
        if (reference is not null)
        {
            db.Evidence.Add(new DanVan.Evaluations.Evidence { AssessmentId = id, CriterionId = leaf!.Id, DocumentRef = reference, AddedBy = scope.UserName, AddedAt = at });
            AuditTrail.Record(db, new AuditLine(scope.UserName, at, "evidence.add", AuditSubject.Named(nameof(Assessment), Key(id), leaf.Id)) { New = reference });
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch
        {
            if (file is not null) store.Delete(file);
            throw;
        }

        TempData.Notice(string.Format(Vi.Culture, UiText.EvidenceAdded, leaf!.Id));
        return RedirectToPage(new { id, criterion = leaf.Id });
    }

    /// <summary>Removes one evidence item of this assessment (and its file).</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, int evidenceId)
    {
        if (!await LoadAsync(id)) return NotFound();
        var item = await db.Evidence.SingleOrDefaultAsync(e => e.Id == evidenceId && e.AssessmentId == id);
        if (item is null) return NotFound();
        if (!CanChange)
        {
            ModelState.AddModelError("", UiText.AssessmentNotEditable);
            return Page();
        }

        var scope = await current.GetAsync();
        db.Evidence.Remove(item);
        AuditTrail.Record(db, new AuditLine(scope.UserName, clock.UtcNow, "evidence.remove", AuditSubject.Named(nameof(Assessment), Key(id), item.CriterionId)) { Old = item.FileName ?? item.DocumentRef });
        await db.SaveChangesAsync();
        store.Delete(item);
        TempData.Notice(UiText.EvidenceRemoved);
        return RedirectToPage(new { id, criterion = item.CriterionId });
    }

    private static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<bool> LoadAsync(int id)
    {
        var sheet = await AssessmentSheet.LoadAsync(db, id);
        if (sheet is null) return false;
        Sheet = sheet;
        var scope = await current.GetAsync();
        CanChange = (await EvaluationAccess.ActionsAsync(db, scope, id, sheet.Status, confirmed: false)).AddEvidence;
        return true;
    }
}
