using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Periods;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Evaluations;

/// <summary>Reopens a published result for appraisal; the reason is mandatory and goes to the audit trail.</summary>
[Scoped(ScopeTarget.Assessment, EvaluationPermissions.Reopen)]
public sealed class Reopen(DanVanDbContext db, CurrentUser current, ProvinceClock clock) : PageModel
{
    /// <summary>The form.</summary>
    [BindProperty]
    public Input Data { get; set; } = new();

    /// <summary>The assessment.</summary>
    public AssessmentSheet Sheet { get; private set; } = null!;

    /// <summary>The form's fields.</summary>
    public sealed class Input
    {
        /// <summary>The assessment's version when the page was built.</summary>
        public int Version { get; set; }

        /// <summary>Why the published result is reopened.</summary>
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.Reason))]
        public string? Reason { get; set; }
    }

    /// <summary>Shows the form.</summary>
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var sheet = await AssessmentSheet.LoadAsync(db, id);
        if (sheet is null) return NotFound();
        Sheet = sheet;
        Data.Version = sheet.Version;
        return Page();
    }

    /// <summary>Reopens: the final result is withdrawn and the assessment is back in appraisal.</summary>
    public async Task<IActionResult> OnPostAsync(int id)
    {
        var sheet = await AssessmentSheet.LoadAsync(db, id);
        if (sheet is null) return NotFound();
        Sheet = sheet;
        var scope = await current.GetAsync();
        var a = await db.Assessments.SingleAsync(x => x.Id == id);
        if (!await this.TryRunAsync(async () =>
            {
                AssessmentWorkflow.ExpectVersion(a, Data.Version);
                await AssessmentWorkflow.ReopenAsync(db, a, Data.Reason, scope.UserName, clock.UtcNow);
            }, w => w.Field == "reason" ? "Data.Reason" : null)) return Page();
        db.ExpectVersion(a, Data.Version);
        if (!await this.TrySaveAsync(db)) return Page();
        TempData.Notice(UiText.ReopenedNotice);
        return RedirectToPage("Appraise", new { id });
    }
}
