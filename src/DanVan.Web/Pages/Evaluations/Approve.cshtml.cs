using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Scoring;
using DanVan.Periods;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Evaluations;

/// <summary>Approval computes the final total and class from every layer (never typed) and publishes them; the result is then read-only.</summary>
[Scoped(ScopeTarget.Assessment, EvaluationPermissions.Approve)]
public sealed class Approve(DanVanDbContext db, CurrentUser current, ProvinceClock clock) : PageModel
{
    /// <summary>The form: the version the page was built from.</summary>
    [BindProperty]
    public Input Data { get; set; } = new();

    /// <summary>The assessment.</summary>
    public AssessmentSheet Sheet { get; private set; } = null!;

    /// <summary>The final result approval would publish.</summary>
    public ScoreResult Final { get; private set; } = null!;

    /// <summary>The form's fields.</summary>
    public sealed class Input
    {
        /// <summary>The assessment's version when the page was built.</summary>
        public int Version { get; set; }
    }

    /// <summary>Shows the final result that approval would publish, and how it is computed.</summary>
    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Data.Version = Sheet.Version;
        return Page();
    }

    /// <summary>Approves and publishes.</summary>
    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var scope = await current.GetAsync();
        var a = await db.Assessments.Include(x => x.Entries).Include(x => x.Unit).SingleAsync(x => x.Id == id);
        ScoreResult final = null!;
        if (!await this.TryRunAsync(async () =>
            {
                AssessmentWorkflow.ExpectVersion(a, Data.Version);
                final = await AssessmentWorkflow.ApproveAsync(db, a, Sheet.Set, scope.UserName, clock.UtcNow);
            })) return Page();
        db.ExpectVersion(a, Data.Version);
        if (!await this.TrySaveAsync(db)) return Page();
        TempData.Notice(string.Format(Vi.Culture, UiText.ApprovedNotice, Vi.Num(final.Total), final.BandLabel));
        return RedirectToPage("View", new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var sheet = await AssessmentSheet.LoadAsync(db, id);
        if (sheet is null) return false;
        Sheet = sheet;
        var a = await db.Assessments.AsNoTracking().Include(x => x.Entries).SingleAsync(x => x.Id == id);
        Final = ScoringEngine.Compute(sheet.Set, new ScoringInput { Entries = a.ToScoreEntries(), Flags = a.FlagSet, PreviousBand = await PreviousBandAsync(a.UnitId) });
        return true;
    }

    /// <summary>The unit's final class of the previous year in the same scope (rules may cap the class by it).</summary>
    private async Task<string?> PreviousBandAsync(int unitId) =>
        await PeriodResultsQuery.PreviousBandAsync(db, await db.Periods.AsNoTracking().SingleAsync(p => p.Id == Sheet.PeriodId), unitId);
}
