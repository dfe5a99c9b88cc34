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

/// <summary>An appraiser marks one evidence item "chưa đủ căn cứ" with the reason the unit will read, or clears the
/// mark, while the assessment is under appraisal; the rules and the audit line are the core's.</summary>
[Scoped(ScopeTarget.Evidence, EvaluationPermissions.MarkEvidence)]
public sealed class EvidenceMark(DanVanDbContext db, CurrentUser current, ProvinceClock clock) : PageModel
{
    /// <summary>The reason typed.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The item.</summary>
    public EvidenceItem Item { get; private set; } = null!;

    /// <summary>The assessment it belongs to.</summary>
    public int AssessmentId { get; private set; }

    /// <summary>The unit's name.</summary>
    public string UnitName { get; private set; } = "";

    /// <summary>False when the assessment is not under appraisal (the forms are not offered).</summary>
    public bool Open { get; private set; }

    /// <summary>Shows the item, its mark and the form.</summary>
    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Reason = Item.InsufficientReason;
        return Page();
    }

    /// <summary>Marks the item (a new reason replaces the old one).</summary>
    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        ViewData[PageRefusals.AnchorKey] = (Func<Where, string?>)(where => where.Field == "reason" ? "mark-reason" : null);
        var (evidence, assessment) = await FindAsync(id);
        var scope = await current.GetAsync();
        if (!await this.TryRunAsync(() => UnitDocuments.MarkInsufficientAsync(db, evidence, assessment, Reason, scope.UserName, clock.UtcNow, HttpContext.RequestAborted),
                where => where.Field == "reason" ? nameof(Reason) : null))
            return Page();
        TempData.Notice(UiText.EvidenceMarked);
        return RedirectToPage("Evidence", new { id = AssessmentId, criterion = evidence.CriterionId });
    }

    /// <summary>Clears the mark.</summary>
    public async Task<IActionResult> OnPostClearAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var (evidence, assessment) = await FindAsync(id);
        var scope = await current.GetAsync();
        if (!await this.TryRunAsync(() => UnitDocuments.ClearInsufficientAsync(db, evidence, assessment, scope.UserName, clock.UtcNow, HttpContext.RequestAborted)))
            return Page();
        TempData.Notice(UiText.EvidenceMarkCleared);
        return RedirectToPage("Evidence", new { id = AssessmentId, criterion = evidence.CriterionId });
    }

    private async Task<(DanVan.Evaluations.Evidence Evidence, Assessment Assessment)> FindAsync(int id)
    {
        var evidence = await db.Evidence.SingleAsync(e => e.Id == id);
        var assessment = await db.Assessments.AsNoTracking().SingleAsync(a => a.Id == evidence.AssessmentId);
        return (evidence, assessment);
    }

    private async Task<bool> LoadAsync(int id)
    {
        var items = await EvidenceItem.OfAsync(db.Evidence.Where(e => e.Id == id));
        if (items.Count == 0) return false;
        Item = items[0];
        var assessmentId = await db.Evidence.AsNoTracking().Where(e => e.Id == id).Select(e => e.AssessmentId).SingleAsync();
        var a = await db.Assessments.AsNoTracking().Include(x => x.Unit).SingleAsync(x => x.Id == assessmentId);
        AssessmentId = a.Id;
        UnitName = a.Unit!.Name;
        Open = UnitDocuments.MayMark(a);
        return true;
    }
}
