using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Reconsiderations;
using DanVan.Periods;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Evaluations;

/// <summary>A period's reconsiderations (phúc tra) for its deciders: the window units have after publication, the
/// requests and their progress, and every re-publication with its change list.</summary>
[Scoped(ScopeTarget.Period, EvaluationPermissions.RuleReconsideration)]
public sealed class ReconsiderationBoard(DanVanDbContext db, CurrentUser current, ProvinceClock clock) : PageModel
{
    /// <summary>Days after publication a unit may contest; empty: no reconsideration.</summary>
    [BindProperty]
    public string? Days { get; set; }

    /// <summary>The period.</summary>
    public EvaluationPeriod Period { get; private set; } = null!;

    /// <summary>The requests, newest first.</summary>
    public IReadOnlyList<BoardRow> Requests { get; private set; } = [];

    /// <summary>Re-publications, newest first.</summary>
    public IReadOnlyList<ResultPublication> Publications { get; private set; } = [];

    /// <summary>The band labels of the period's criteria sets, by code.</summary>
    public IReadOnlyDictionary<string, string> BandLabels { get; private set; } = new Dictionary<string, string>();

    /// <summary>One request as listed.</summary>
    public sealed record BoardRow(int AssessmentId, string Unit, DateTime RequestedAt, ReconsiderationStatus Status, int Contested, int Ruled, int? PublicationNumber);

    /// <summary>Shows the board.</summary>
    public async Task<IActionResult> OnGetAsync(int id)
    {
        await LoadAsync(id);
        Days = Period.ReconsiderationDays?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    /// <summary>Sets the window.</summary>
    public async Task<IActionResult> OnPostAsync(int id)
    {
        await LoadAsync(id);
        var scope = await current.GetAsync();
        int? days = null;
        if (!string.IsNullOrWhiteSpace(Days))
        {
            if (!Vi.TryParseInt(Days, out var n))
            {
                ModelState.AddModelError(nameof(Days), UiText.ReconsiderationDaysNotANumber);
                return Page();
            }
            days = n;
        }
        var period = await db.Periods.SingleAsync(p => p.Id == id);
        if (!this.TryRun(() => Reconsiderations.SetWindow(db, period, days, scope.UserName, clock.UtcNow), w => w.Field == "days" ? nameof(Days) : null)) return Page();
        if (!await this.TrySaveAsync(db)) return Page();
        TempData.Notice(UiText.ReconsiderationWindowSaved);
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(int id)
    {
        Period = await db.Periods.AsNoTracking().SingleAsync(p => p.Id == id);
        Requests = await db.Reconsiderations.AsNoTracking().Where(r => r.Assessment!.PeriodId == id)
            .OrderByDescending(r => r.RequestedAt)
            .Select(r => new BoardRow(r.AssessmentId, r.Assessment!.Unit!.Name, r.RequestedAt, r.Status, r.Items.Count, r.Items.Count(i => i.Decision != null), r.PublicationNumber))
            .ToListAsync();
        Publications = await db.ResultPublications.AsNoTracking().Where(p => p.PeriodId == id).OrderByDescending(p => p.Number).ToListAsync();
        var sets = await db.PeriodGroups.AsNoTracking().Where(g => g.PeriodId == id).Select(g => g.CriteriaSet!).Distinct().ToListAsync();
        BandLabels = sets.SelectMany(s => s.Parse().Classification.Bands).GroupBy(b => b.Code).ToDictionary(g => g.Key, g => g.First().Label);
    }
}
