using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using DanVan.Periods;

namespace DanVan.Web.Pages.Evaluations;

/// <summary>The coordinator returns a whole submission with comments; the unit sees them, revises and resubmits.</summary>
[Scoped(ScopeTarget.Assessment, EvaluationPermissions.Return)]
public sealed class Return(DanVanDbContext db, CurrentUser current, ProvinceClock clock) : PageModel
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

        /// <summary>What the unit must revise.</summary>
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.Comment))]
        public string? Comment { get; set; }
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

    /// <summary>Returns the submission; the confirmation must be given again before resubmitting.</summary>
    public async Task<IActionResult> OnPostAsync(int id)
    {
        var sheet = await AssessmentSheet.LoadAsync(db, id);
        if (sheet is null) return NotFound();
        Sheet = sheet;
        var scope = await current.GetAsync();
        var a = await db.Assessments.SingleAsync(x => x.Id == id);
        if (!this.TryRun(() =>
            {
                AssessmentWorkflow.ExpectVersion(a, Data.Version);
                AssessmentWorkflow.Return(db, a, Data.Comment, scope.UserName, clock.UtcNow);
            }, w => w.Field == "comment" ? "Data.Comment" : null)) return Page();
        db.ExpectVersion(a, Data.Version);
        if (!await this.TrySaveAsync(db)) return Page();
        TempData.Notice(string.Format(Vi.Culture, UiText.ReturnedNotice, sheet.UnitName));
        return RedirectToPage("Queue", new { periodId = sheet.PeriodId });
    }
}
