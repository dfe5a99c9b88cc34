using DanVan.Accounts;
using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.Periods;
using DanVan.Statistics;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Statistics;

/// <summary>
/// The statistics forms the user sees: a unit's own report per period (status, deadline, late), and for those who
/// follow a scope the completeness of each period within it (n/N, %).
/// </summary>
[Permission(StatisticsPermissions.Read)]
public sealed class Index(DanVanDbContext db, CurrentUser current, ProvinceClock clock, Permissions permissions) : PageModel
{
    /// <summary>The user's own unit's reports, newest period first.</summary>
    public IReadOnlyList<MineRow> Mine { get; private set; } = [];

    /// <summary>Completeness per period within the user's scope.</summary>
    public IReadOnlyList<PeriodRow> Periods { get; private set; } = [];

    /// <summary>The user may follow scopes (completeness, aggregates).</summary>
    public bool Monitors { get; private set; }

    /// <summary>The user manages form definitions.</summary>
    public bool ManagesForms { get; private set; }

    /// <summary>The user opens periods.</summary>
    public bool OpensPeriods { get; private set; }

    /// <summary>Today in the province.</summary>
    public DateOnly Today => clock.Today;

    /// <summary>One of the user's unit's reports.</summary>
    public sealed record MineRow(int Id, string Period, string Unit, FormReportStatus Status, DateOnly Deadline, bool Extended, bool IsLate, bool Counts);

    /// <summary>A period's completeness within the user's scope.</summary>
    public sealed record PeriodRow(int Id, string Name, string Scope, int Expected, int Submitted, int OnTime)
    {
        /// <summary>Share submitted, in percent.</summary>
        public decimal? Percent => Expected == 0 ? null : 100m * Submitted / Expected;
    }

    /// <summary>Shows both lists.</summary>
    public async Task OnGetAsync()
    {
        var scope = await current.GetAsync();
        Monitors = permissions.MayAnywhere(scope, StatisticsPermissions.Monitor);
        ManagesForms = permissions.MayAnywhere(scope, StatisticsPermissions.ManageForms);
        OpensPeriods = permissions.MayAnywhere(scope, StatisticsPermissions.OpenPeriod);
        var units = scope.Roles.Where(r => r.Role is Role.UnitUser or Role.UnitHead && r.ScopeUnitId is not null).Select(r => r.ScopeUnitId!.Value).Distinct().ToList();
        if (units.Count > 0)
        {
            var reports = await db.FormReports.AsNoTracking().Include(r => r.Period).Include(r => r.Unit)
                .Where(r => units.Contains(r.UnitId)).OrderByDescending(r => r.Period!.Year).ThenByDescending(r => r.PeriodId).ToListAsync();
            Mine = reports.Select(r => new MineRow(r.Id, r.Period!.Name, r.Unit!.DisplayName, r.Status, r.Deadline, r.ExtendedDeadline is not null, r.IsLate, r.Counts)).ToList();
        }
        if (Monitors)
        {
            var readable = db.FormReports.Where(ScopeFilter.On<FormReport>(scope, r => r.Unit));
            var counts = await readable.GroupBy(r => r.PeriodId).Select(g => new
            {
                PeriodId = g.Key,
                Expected = g.Count(),
                Submitted = g.Count(r => r.Status == FormReportStatus.Submitted || r.Status == FormReportStatus.Accepted),
                OnTime = g.Count(r => (r.Status == FormReportStatus.Submitted || r.Status == FormReportStatus.Accepted) && !r.IsLate),
            }).ToListAsync();
            var ids = counts.Select(c => c.PeriodId).ToList();
            var periods = await db.FormPeriods.AsNoTracking().Where(p => ids.Contains(p.Id))
                .Select(p => new { p.Id, p.Name, p.Year, Scope = p.ScopeUnit!.Name }).ToListAsync();
            Periods = periods.OrderByDescending(p => p.Year).ThenByDescending(p => p.Id)
                .Select(p => counts.Single(c => c.PeriodId == p.Id) is var c ? new PeriodRow(p.Id, p.Name, p.Scope, c.Expected, c.Submitted, c.OnTime) : null!)
                .ToList();
        }
    }
}
