using DanVan.Accounts;
using DanVan.Data;
using DanVan.Statistics;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Statistics;

/// <summary>Finding forms' periods and reports within the user's scope, for the pages and the API alike; out of scope looks exactly like missing (404).</summary>
public static class StatisticsAccess
{
    /// <summary>Reports the user may read (their unit within the user's scope), as a join in SQL.</summary>
    public static IQueryable<FormReport> ReadableReports(DanVanDbContext db, UserScope scope) =>
        db.FormReports.Where(ScopeFilter.On<FormReport>(scope, r => r.Unit));

    /// <summary>Periods the user may see: run for a unit the user reads, or owed by a unit the user reads.</summary>
    public static IQueryable<FormPeriod> VisiblePeriods(DanVanDbContext db, UserScope scope)
    {
        if (scope.IsAdministrator) return db.FormPeriods;
        var withMine = ReadableReports(db, scope).Select(r => r.PeriodId);
        return db.FormPeriods.Where(ScopeFilter.On<FormPeriod>(scope, p => p.ScopeUnit)).Union(db.FormPeriods.Where(p => withMine.Contains(p.Id)));
    }

    /// <summary>The period (form and scope unit loaded) if the user may see it, else null.</summary>
    public static async Task<FormPeriod?> FindPeriodAsync(DanVanDbContext db, UserScope scope, int id, CancellationToken ct = default)
    {
        var period = await db.FormPeriods.AsNoTracking().Include(p => p.Form).Include(p => p.ScopeUnit).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (period is null) return null;
        if (scope.CanRead(period.ScopeUnit!.Path)) return period;
        return await ReadableReports(db, scope).AnyAsync(r => r.PeriodId == id, ct) ? period : null;
    }
}
