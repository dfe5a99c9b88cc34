using DanVan.Data;
using DanVan.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Reports;

/// <summary>Loads what a consolidated report needs from the database.</summary>
public static class ReportQuery
{
    /// <summary>This period's results and those of up to <paramref name="earlierYears"/> earlier periods of the same scope.</summary>
    public static async Task<ReportInput> LoadAsync(DanVanDbContext db, int periodId, int? scopeUnitId = null, int earlierYears = 2, CancellationToken ct = default)
    {
        var current = await PeriodResultsQuery.ComputeAsync(db, periodId, ct);
        var earlierIds = await db.Periods.AsNoTracking()
            .Where(p => p.ScopeUnitId == current.Period.ScopeUnitId && p.Year < current.Period.Year && p.Year >= current.Period.Year - earlierYears)
            .OrderBy(p => p.Year).Select(p => p.Id).ToListAsync(ct);
        var earlier = new List<PeriodResults>();
        foreach (var id in earlierIds) earlier.Add(await PeriodResultsQuery.ComputeAsync(db, id, ct));
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        var successions = await db.Successions.AsNoTracking().ToListAsync(ct);
        return new ReportInput(current, earlier, units, successions, scopeUnitId ?? current.Period.ScopeUnitId);
    }

    /// <summary>The period of a year for a scope: the one whose scope is the unit or, failing that, above it.</summary>
    public static async Task<EvaluationPeriod?> FindPeriodAsync(DanVanDbContext db, int year, int scopeUnitId, CancellationToken ct = default)
    {
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        var tree = new OrgUnits.OrgTree(units);
        var periods = await db.Periods.AsNoTracking().Where(p => p.Year == year).ToListAsync(ct);
        return periods.FirstOrDefault(p => p.ScopeUnitId == scopeUnitId)
            ?? periods.Where(p => tree.IsWithin(scopeUnitId, p.ScopeUnitId)).OrderByDescending(p => p.ScopeUnitId).FirstOrDefault();
    }
}
