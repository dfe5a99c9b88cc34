using DanVan.Web.Evaluations;
using DanVan.Accounts;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

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
}
