using DanVan.Web.Evaluations;
using DanVan.Accounts;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Evaluations;

/// <summary>An assessment read-only: each layer's values with explanations and reasons, evidence, totals; the actions the user may take.</summary>
[Scoped(ScopeTarget.Assessment, EvaluationPermissions.Read)]
public sealed class View(DanVanDbContext db, CurrentUser current) : PageModel
{
    /// <summary>The assessment.</summary>
    public AssessmentSheet Sheet { get; private set; } = null!;

    /// <summary>What the user may do from here.</summary>
    public Actions Can { get; private set; } = new(false, false, false, false);

    /// <summary>Links offered.</summary>
    public sealed record Actions(bool Edit, bool Appraise, bool Inspect, bool Reopen);

    /// <summary>Shows the assessment.</summary>
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var sheet = await AssessmentSheet.LoadAsync(db, id);
        if (sheet is null) return NotFound();
        Sheet = sheet;
        var scope = await current.GetAsync();
        var may = await EvaluationAccess.ActionsAsync(db, scope, id, sheet.Status, confirmed: true);
        Can = new Actions(may.EnterSelf, may.Appraise, may.Inspect, may.Reopen);
        return Page();
    }

    /// <summary>The assessment as a DOCX form to print and sign: the criteria, the scores, the totals and class, "THỦ TRƯỞNG ĐƠN VỊ".</summary>
    public async Task<IActionResult> OnGetDocxAsync(int id, CancellationToken ct)
    {
        var sheet = await AssessmentSheet.LoadAsync(db, id, ct);
        if (sheet is null) return NotFound();
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        var year = await db.Periods.Where(p => p.Id == sheet.PeriodId).Select(p => p.Year).SingleAsync(ct);
        var document = global::DanVan.Reports.SelfAssessmentDocument.Build(PrintedForm.Of(sheet, units));
        return File(global::DanVan.Reports.DocxWriter.ToBytes(document),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            global::DanVan.Reports.ReportFileNames.For("tu-danh-gia", year, sheet.UnitName, "docx"));
    }
}
