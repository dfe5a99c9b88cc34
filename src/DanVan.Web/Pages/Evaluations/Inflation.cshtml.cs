using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Reports;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Evaluations;

/// <summary>
/// Self-score inflation of a period's scope: self-score against final per unit and per criterion, the yearly trend as a
/// chart, and the units that over-score themselves by more than a threshold in at least two of the last three years.
/// </summary>
/// <remarks>For those who follow the period (coordinators, inspectors, viewers of its scope): the same gaps the consolidated report shows.</remarks>
[Scoped(ScopeTarget.Period, EvaluationPermissions.Monitor)]
public sealed class Inflation(DanVanDbContext db) : PageModel
{
    /// <summary>The gap in points above which a year counts as over-scored.</summary>
    [BindProperty(SupportsGet = true)]
    public decimal Threshold { get; set; } = SelfScoreInflation.DefaultThreshold;

    /// <summary>The period.</summary>
    public EvaluationPeriod Period { get; private set; } = null!;

    /// <summary>The figures.</summary>
    public InflationReport Report { get; private set; } = null!;

    /// <summary>Shows the page.</summary>
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return Page();
    }

    /// <summary>The trend chart as SVG (ScottPlot, drawn on the server).</summary>
    public async Task<IActionResult> OnGetChartAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return Content(ReportCharts.Svg(Report.Chart(UiText.InflationChart, UiText.InflationGap), 1000, 480), "image/svg+xml; charset=utf-8");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var period = await db.Periods.AsNoTracking().Include(p => p.ScopeUnit).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (period is null) return false;
        Period = period;
        Threshold = Math.Clamp(Threshold, 0, 100);
        Report = await SelfScoreInflation.LoadAsync(db, id, threshold: Threshold, ct: ct);
        return true;
    }
}
