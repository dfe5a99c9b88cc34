using DanVan.Evaluations;
using DanVan.Data;
using DanVan.Evaluations.Scoring;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using DanVan.Periods;

namespace DanVan.Web.Pages.Evaluations;

/// <summary>An inspector records findings per criterion; each adjusts the score (over self and appraisal) with a reason.</summary>
[Scoped(ScopeTarget.Assessment, EvaluationPermissions.Inspect)]
public sealed class Inspect(DanVanDbContext db, CurrentUser current, ProvinceClock clock) : PageModel
{
    /// <summary>The form.</summary>
    [BindProperty]
    public AdjustmentInput Data { get; set; } = new();

    /// <summary>The assessment.</summary>
    public AssessmentSheet Sheet { get; private set; } = null!;

    /// <summary>Shows the submission with the findings form.</summary>
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var sheet = await AssessmentSheet.LoadAsync(db, id);
        if (sheet is null) return NotFound();
        Sheet = sheet;
        Data = Adjustments.Form(sheet, ScoreLayer.Inspection);
        return Page();
    }

    /// <summary>Stores the findings (each with its reason); nothing is stored while one field is wrong.</summary>
    public async Task<IActionResult> OnPostAsync(int id)
    {
        var sheet = await AssessmentSheet.LoadAsync(db, id);
        if (sheet is null) return NotFound();
        Sheet = sheet;
        var scope = await current.GetAsync();
        var changed = await Adjustments.ApplyAsync(db, this, sheet, Data, ScoreLayer.Inspection, scope.UserName, clock.UtcNow);
        if (changed is null) return Page();
        TempData.Notice(string.Format(Vi.Culture, UiText.FindingsSaved, changed));
        return RedirectToPage(new { id });
    }
}
