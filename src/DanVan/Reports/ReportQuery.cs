using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Periods;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Reports;

/// <summary>Loads what a consolidated report needs from the database.</summary>
public static class ReportQuery
{
    /// <summary>
    /// This period's results and those of the comparable periods (same kind and number: cùng kỳ) of up to
    /// <paramref name="earlierYears"/> earlier years of the same scope; an ad hoc period has none.
    /// </summary>
    public static async Task<ReportInput> LoadAsync(DanVanDbContext db, int periodId, int? scopeUnitId = null, int earlierYears = 2, CancellationToken ct = default)
    {
        var current = await PeriodResultsQuery.ComputeAsync(db, periodId, ct);
        var p0 = current.Period;
        var earlierIds = p0.Kind == PeriodKind.AdHoc
            ? []
            : await Comparable(db, p0).Where(p => p.Year < p0.Year && p.Year >= p0.Year - earlierYears)
                .OrderBy(p => p.Year).ThenBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        var earlier = new List<PeriodResults>();
        foreach (var id in earlierIds) earlier.Add(await PeriodResultsQuery.ComputeAsync(db, id, ct));
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        var successions = await db.Successions.AsNoTracking().ToListAsync(ct);
        return new ReportInput(current, earlier, units, successions, scopeUnitId ?? p0.ScopeUnitId);
    }

    /// <summary>The periods of the same scope, kind and number as <paramref name="period"/> (any year): those a report compares with.</summary>
    public static IQueryable<EvaluationPeriod> Comparable(DanVanDbContext db, EvaluationPeriod period) =>
        db.Periods.AsNoTracking().Where(p => p.ScopeUnitId == period.ScopeUnitId && p.Kind == period.Kind && p.Number == period.Number);

    /// <summary>The yearly period of a year for a scope (see the overload taking a kind and number).</summary>
    public static Task<EvaluationPeriod?> FindPeriodAsync(DanVanDbContext db, int year, int scopeUnitId, CancellationToken ct = default) =>
        FindPeriodAsync(db, PeriodKind.Year, year, 1, scopeUnitId, ct);

    /// <summary>The period of a kind, year and number for a scope: the one whose scope is the unit or, failing that, above it.</summary>
    public static async Task<EvaluationPeriod?> FindPeriodAsync(DanVanDbContext db, PeriodKind kind, int year, int number, int scopeUnitId, CancellationToken ct = default)
    {
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        var tree = new OrgUnits.OrgTree(units);
        var periods = await db.Periods.AsNoTracking().Where(p => p.Year == year && p.Kind == kind && p.Number == number).ToListAsync(ct);
        return periods.FirstOrDefault(p => p.ScopeUnitId == scopeUnitId)
            ?? periods.Where(p => tree.IsWithin(scopeUnitId, p.ScopeUnitId)).OrderByDescending(p => p.ScopeUnitId).FirstOrDefault();
    }
}
