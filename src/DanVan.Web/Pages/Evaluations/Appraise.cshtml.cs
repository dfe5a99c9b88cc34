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

/// <summary>The coordinator appraises a submission: self-scores with evidence, any criterion adjusted with a mandatory reason; then marks it appraised.</summary>
[Scoped(ScopeTarget.Assessment, EvaluationPermissions.Appraise)]
public sealed class Appraise(DanVanDbContext db, CurrentUser current, ProvinceClock clock) : PageModel
{
    /// <summary>The form.</summary>
    [BindProperty]
    public AdjustmentInput Data { get; set; } = new();

    /// <summary>The assessment.</summary>
    public AssessmentSheet Sheet { get; private set; } = null!;

    /// <summary>The period is appraised by a council (its consensus fills the appraisal layer).</summary>
    public bool ByCouncil { get; private set; }

    /// <summary>Shows the submission with the adjustment form.</summary>
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var sheet = await AssessmentSheet.LoadAsync(db, id);
        if (sheet is null) return NotFound();
        Sheet = sheet;
        ByCouncil = await db.Councils.AnyAsync(c => c.PeriodId == sheet.PeriodId);
        Data = Adjustments.Form(sheet, ScoreLayer.Appraisal);
        return Page();
    }

    /// <summary>Stores the adjustments (each with its reason); nothing is stored while one field is wrong.</summary>
    public async Task<IActionResult> OnPostSaveAsync(int id)
    {
        var sheet = await AssessmentSheet.LoadAsync(db, id);
        if (sheet is null) return NotFound();
        Sheet = sheet;
        var scope = await current.GetAsync();
        var changed = await Adjustments.ApplyAsync(db, this, sheet, Data, ScoreLayer.Appraisal, scope.UserName, clock.UtcNow);
        if (changed is null) return Page();
        TempData.Notice(string.Format(Vi.Culture, UiText.AdjustmentsSaved, changed));
        return RedirectToPage(new { id });
    }

    /// <summary>Marks the appraisal done (status "appraised").</summary>
    public async Task<IActionResult> OnPostDoneAsync(int id)
    {
        var sheet = await AssessmentSheet.LoadAsync(db, id);
        if (sheet is null) return NotFound();
        Sheet = sheet;
        var scope = await current.GetAsync();
        var a = await db.Assessments.SingleAsync(x => x.Id == id);
        if (!this.TryRun(() =>
            {
                AssessmentWorkflow.ExpectVersion(a, Data.Version);
                AssessmentWorkflow.MarkAppraised(db, a, scope.UserName, clock.UtcNow);
            })) return Page();
        db.ExpectVersion(a, Data.Version);
        if (!await this.TrySaveAsync(db)) return Page();
        TempData.Notice(UiText.AppraisalDone);
        return RedirectToPage(new { id });
    }
}
