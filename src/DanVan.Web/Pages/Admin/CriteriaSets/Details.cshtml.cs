using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using DanVan.Periods;

namespace DanVan.Web.Pages.Admin.CriteriaSets;

/// <summary>One stored version: its tree, and activating it for new periods.</summary>
public sealed class Details(DanVanDbContext db, CurrentUser current, ProvinceClock clock) : PageModel
{
    /// <summary>The version.</summary>
    public Shown? Set { get; private set; }

    /// <summary>A stored version with its parsed tree.</summary>
    public sealed record Shown(int Id, string Key, int Version, bool IsActive, bool Frozen, CriteriaSet Content);

    /// <summary>Shows the version.</summary>
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var stored = await db.CriteriaSets.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id);
        if (stored is null) return NotFound();
        Set = new Shown(stored.Id, stored.Key, stored.Version, stored.IsActive, await CriteriaSetStore.IsFrozenAsync(db, id), stored.Parse());
        return Page();
    }

    /// <summary>Activates the version: periods can now choose it.</summary>
    public Task<IActionResult> OnPostActivateAsync(int id) => SetActiveAsync(id, true);

    /// <summary>Deactivates the version: new periods no longer offer it (periods using it keep it).</summary>
    public Task<IActionResult> OnPostDeactivateAsync(int id) => SetActiveAsync(id, false);

    private async Task<IActionResult> SetActiveAsync(int id, bool active)
    {
        var scope = await current.GetAsync();
        if (!await CriteriaSetStore.SetActiveAsync(db, id, active, scope.UserName, clock.Time)) return NotFound();
        TempData.Notice(active ? UiText.CriteriaActivated : UiText.CriteriaDeactivated);
        return RedirectToPage(new { id });
    }
}
