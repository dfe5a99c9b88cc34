using DanVan.Accounts;
using DanVan.Data;
using DanVan.Statistics;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Statistics;

/// <summary>Finding a form's period within the user's scope: one the user reads the scope unit of, or some unit of (else it is "not found").</summary>
public static class StatisticsAccess
{
    /// <summary>The period with its form and scope unit when the user may see it; else null (out of scope looks like missing).</summary>
    public static async Task<FormPeriod?> FindPeriodAsync(DanVanDbContext db, UserScope scope, int periodId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var period = await db.FormPeriods.AsNoTracking().Include(p => p.Form).Include(p => p.ScopeUnit).SingleOrDefaultAsync(p => p.Id == periodId, ct);
        if (period is null) return null;
        if (scope.CanRead(period.ScopeUnit!.Path)) return period;
        return await ReadableReports(db, scope).AnyAsync(r => r.PeriodId == periodId, ct) ? period : null;
    }

    /// <summary>Reports whose unit the user reads, as a join in SQL.</summary>
    public static IQueryable<FormReport> ReadableReports(DanVanDbContext db, UserScope scope) =>
        db.FormReports.Where(ScopeFilter.On<FormReport>(scope, r => r.Unit));
}
