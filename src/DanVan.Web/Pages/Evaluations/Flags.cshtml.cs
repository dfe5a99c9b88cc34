using System.ComponentModel.DataAnnotations;
using DanVan.Refusals;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using DanVan.Periods;

namespace DanVan.Web.Pages.Evaluations;

/// <summary>The coordinator records the flags the criteria set defines (e.g. a disciplinary violation), with a reason; classification rules use them.</summary>
[Scoped(ScopeTarget.Assessment, EvaluationPermissions.SetFlags)]
public sealed class Flags(DanVanDbContext db, CurrentUser current, ProvinceClock clock) : PageModel
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

        /// <summary>The flag codes recorded.</summary>
        public List<string> Codes { get; set; } = [];

        /// <summary>Why they change.</summary>
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.Reason))]
        public string? Reason { get; set; }
    }

    /// <summary>Shows the flags of the set with the recorded ones checked.</summary>
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var sheet = await AssessmentSheet.LoadAsync(db, id);
        if (sheet is null) return NotFound();
        Sheet = sheet;
        Data = new Input { Version = sheet.Version, Codes = sheet.Flags.ToList() };
        return Page();
    }

    /// <summary>Records the flags and the reason in the audit trail.</summary>
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
                AssessmentWorkflow.SetFlags(db, a, sheet.Set, Data.Codes, Data.Reason, scope.UserName, clock.UtcNow);
            }, w => w.Field == "reason" ? "Data.Reason" : w.Path?.StartsWith("flags", StringComparison.Ordinal) == true ? "Data.Codes" : null)) return Page();
        db.ExpectVersion(a, Data.Version);
        if (!await this.TrySaveAsync(db)) return Page();
        TempData.Notice(UiText.FlagsSaved);
        return RedirectToPage("Appraise", new { id });
    }
}
