using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Periods;
using DanVan.Refusals;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Evaluations;

/// <summary>
/// A unit's document register (sổ văn bản kiểm chứng): each document registered once, with its số/ký hiệu, date,
/// issuer, trích yếu and optionally its file, then linked as evidence from any assessment of the unit. Anyone whose
/// scope covers the unit reads and searches; the unit's own users register.
/// </summary>
[Scoped(ScopeTarget.Unit, EvaluationPermissions.Read, PostAction = EvaluationPermissions.RegisterDocument)]
[RequestFormLimits(MultipartBodyLengthLimit = EvidenceFiles.MaxBytes + 1024 * 1024)]
[RequestSizeLimit(EvidenceFiles.MaxBytes + 1024 * 1024)]
public sealed class Documents(DanVanDbContext db, CurrentUser current, EvidenceStore store, ProvinceClock clock, Permissions permissions) : PageModel
{
    /// <summary>The registration form.</summary>
    [BindProperty]
    public Input Data { get; set; } = new();

    /// <summary>The search words.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    /// <summary>The unit.</summary>
    public string UnitName { get; private set; } = "";

    /// <summary>True when the user may register documents for this unit.</summary>
    public bool CanRegister { get; private set; }

    /// <summary>The documents found.</summary>
    public IReadOnlyList<Row> List { get; private set; } = [];

    /// <summary>The registration form's fields.</summary>
    public sealed class Input
    {
        /// <summary>Số, ký hiệu.</summary>
        public string? Number { get; set; }

        /// <summary>Ngày ban hành.</summary>
        public DateOnly? IssuedOn { get; set; }

        /// <summary>Cơ quan ban hành.</summary>
        public string? Issuer { get; set; }

        /// <summary>Trích yếu.</summary>
        public string? Summary { get; set; }

        /// <summary>The file, optional.</summary>
        public IFormFile? File { get; set; }
    }

    /// <summary>A registered document as listed, with where it backs a criterion.</summary>
    public sealed record Row(int Id, string Number, DateOnly IssuedOn, string Issuer, string Summary, string? FileName, EvidenceFileType? FileType, long Size,
        string AddedBy, DateTime AddedAt, IReadOnlyList<Use> Uses);

    /// <summary>One link of a document as evidence.</summary>
    public sealed record Use(int AssessmentId, string PeriodName, string CriterionId);

    /// <summary>Lists (and searches) the register.</summary>
    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        return Page();
    }

    /// <summary>Registers a document; a refused field or file leaves nothing stored.</summary>
    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        ViewData[PageRefusals.AnchorKey] = (Func<Where, string?>)(where => where.File is not null ? "document-file" : where.Field is { } f ? "document-" + f : null);
        var input = new DocumentInput(Data.Number, Data.IssuedOn, Data.Issuer, Data.Summary);
        ModelState.Clear(); // the core words every field's refusal (a date that does not parse is a missing date)
        var problems = UnitDocuments.Check(input, clock.Today);
        if (problems.Count > 0)
        {
            this.Show(problems, FieldKey);
            return Page();
        }

        StoredFile? file = null;
        if (Data.File is { Length: > 0 } upload)
        {
            var (saved, refusal) = await store.SaveDocumentFileAsync(upload, HttpContext.RequestAborted);
            if (refusal is not null)
            {
                this.Show([refusal], _ => "Data.File");
                return Page();
            }
            file = saved;
        }

        var scope = await current.GetAsync();
        try
        {
            var document = await UnitDocuments.RegisterAsync(db, id, input, file, scope.UserName, clock.UtcNow, clock.Today, HttpContext.RequestAborted);
            TempData.Notice(string.Format(Vi.Culture, UiText.DocumentRegistered, document.Number));
            return RedirectToPage(new { id });
        }
        catch (RefusedException ex)
        {
            if (file is not null) store.Delete(file);
            this.Show(ex.Refusals, FieldKey);
            return Page();
        }
        catch
        {
            if (file is not null) store.Delete(file);
            throw;
        }
    }

    /// <summary>Downloads a registered document's file; a document of another unit is not found.</summary>
    public async Task<IActionResult> OnGetFileAsync(int id, int documentId)
    {
        var document = await db.UnitDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId && d.UnitId == id);
        if (document?.FileType is not { } type) return NotFound();
        if (await store.OpenAsync(document, HttpContext.RequestAborted) is not { } stream) return NotFound();
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(stream, EvidenceFiles.ContentType(type), document.FileName ?? $"van-ban-{documentId}");
    }

    private static string? FieldKey(Where where) => where.Field switch
    {
        "number" => "Data.Number",
        "issuedOn" => "Data.IssuedOn",
        "issuer" => "Data.Issuer",
        "summary" => "Data.Summary",
        _ => where.File is not null ? "Data.File" : null,
    };

    private async Task<bool> LoadAsync(int id)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id);
        if (unit is null) return false;
        UnitName = unit.Name;
        var scope = await current.GetAsync();
        CanRegister = permissions.May(scope, EvaluationPermissions.RegisterDocument, Target.Unit(unit));
        var docs = await UnitDocuments.SearchAsync(db, id, Search, 200);
        var ids = docs.Select(d => d.Id).ToList();
        var uses = await db.Evidence.AsNoTracking().Where(e => e.UnitDocumentId != null && ids.Contains(e.UnitDocumentId.Value))
            .Join(db.Assessments, e => e.AssessmentId, a => a.Id, (e, a) => new { DocumentId = e.UnitDocumentId!.Value, a.Id, Period = a.Period!.Name, e.CriterionId })
            .ToListAsync();
        var byDocument = uses.ToLookup(u => u.DocumentId);
        List = [.. docs.Select(d => new Row(d.Id, d.Number, d.IssuedOn, d.Issuer, d.Summary, d.FileName, d.FileType, d.Size, d.AddedBy, d.AddedAt,
            [.. byDocument[d.Id].OrderBy(u => u.Period, StringComparer.Ordinal).ThenBy(u => u.CriterionId, StringComparer.Ordinal).Select(u => new Use(u.Id, u.Period, u.CriterionId))]))];
        return true;
    }
}
