using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Evaluations;

/// <summary>Downloads an evidence file (or the file of the registered document it links); the filter checks the file's assessment is within the user's scope.</summary>
[Scoped(ScopeTarget.Evidence, EvaluationPermissions.Read)]
public sealed class Download(DanVanDbContext db, EvidenceStore store) : PageModel
{
    /// <summary>The file, as an attachment, with the type found by its content.</summary>
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var evidence = await db.Evidence.AsNoTracking().Include(e => e.UnitDocument).SingleOrDefaultAsync(e => e.Id == id);
        // A linked document's file is served under the evidence's own scope check (the filter above).
        if (evidence?.UnitDocument is { FileType: { } docType } document)
        {
            if (await store.OpenAsync(document, HttpContext.RequestAborted) is not { } file) return NotFound();
            Response.Headers.XContentTypeOptions = "nosniff";
            return File(file, EvidenceFiles.ContentType(docType), document.FileName ?? $"evidence-{id}");
        }
        if (evidence?.StoredName is null || evidence.FileType is not { } type) return NotFound();
        if (await store.OpenAsync(evidence, HttpContext.RequestAborted) is not { } stream) return NotFound();
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(stream, EvidenceFiles.ContentType(type), evidence.FileName ?? $"evidence-{id}");
    }
}
