using DanVan.Data;
using DanVan.OrgUnits;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Statistics;

/// <summary>One row of an aggregate table: a scope (or one unit under it) with its completeness and figures.</summary>
public sealed record FigureRow(int UnitId, string UnitName, string UnitPath, Completeness Completeness, IReadOnlyDictionary<string, IndicatorValue> Values);

/// <summary>
/// Aggregates stored figures for any scope in SQL: one GROUP BY over the submitted values of the scope's units gives
/// each indicator's <see cref="IndicatorTotals"/>, and <see cref="FormAggregator.Combine"/> applies its rule.
/// </summary>
public static class FormFigures
{
    private static readonly FormReportStatus[] Counting = [FormReportStatus.Submitted, FormReportStatus.Accepted];

    /// <summary>
    /// The figures of the scope at <paramref name="scopePath"/> in the period: the submitted and accepted reports of
    /// its units (and <paramref name="ownReportId"/>'s, whatever its status, for a unit consolidating its own draft).
    /// </summary>
    public static async Task<FigureRow> AggregateAsync(DanVanDbContext db, FormPeriod period, OrgUnit scope, int? ownReportId = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(scope);
        var form = (period.Form ?? await db.Set<StoredForm>().SingleAsync(f => f.Id == period.FormId, ct)).Definition();
        var own = ownReportId ?? -1;
        var reports = db.Set<FormReport>().Where(r => r.PeriodId == period.Id && r.Unit!.Path.StartsWith(scope.Path));
        var counted = reports.Where(r => Counting.Contains(r.Status) || r.Id == own);
        // A join rather than EXISTS per value: SQLite then walks the counted reports and their values by key instead of
        // testing every value row of the database (a province of 80 units among 5,000 on SQLite: 750 ms → about 100 ms).
        var values = counted.Join(db.Set<FormReportValue>(), r => r.Id, v => v.ReportId, (r, v) => v);

        var completeness = await reports.GroupBy(r => 1).Select(g => new
        {
            Expected = g.Count(),
            Submitted = g.Count(r => Counting.Contains(r.Status)),
            OnTime = g.Count(r => Counting.Contains(r.Status) && !r.IsLate),
        }).SingleOrDefaultAsync(ct);

        var sums = await values
            .GroupBy(v => v.Indicator)
            .Select(g => new
            {
                g.Key,
                Numbers = g.Count(v => v.Number != null),
                Sum = g.Sum(v => v.Number),
                Min = g.Min(v => v.Number),
                Max = g.Max(v => v.Number),
                Ratios = g.Count(v => v.Part != null),
                SumPart = g.Sum(v => v.Part),
                SumWhole = g.Sum(v => v.Whole),
                Answers = g.Count(v => v.Flag != null),
                Yes = g.Count(v => v.Flag == true),
            }).ToListAsync(ct);
        var totals = sums.ToDictionary(s => s.Key, s => new IndicatorTotals
        {
            Numbers = s.Numbers,
            Sum = (s.Sum ?? 0) / FormReportValue.Scale,
            Min = s.Min / FormReportValue.Scale,
            Max = s.Max / FormReportValue.Scale,
            Ratios = s.Ratios,
            SumPart = s.SumPart ?? 0,
            SumWhole = s.SumWhole ?? 0,
            Answers = s.Answers,
            Yes = s.Yes,
        }, StringComparer.Ordinal);

        // A weighted average needs each unit's value beside its weight: Σ value × weight and Σ weight over the units
        // with both, summed in SQL over the pairs (exact: numbers are whole ten-thousandths, so products are scaled twice).
        foreach (var x in form.Indicators.Where(i => !i.IsComputed && i.Type != IndicatorType.Date && i.Aggregation == Aggregation.Average && i.Weight is not null))
        {
            var (code, weight) = (x.Code, x.Weight!);
            var pairs = from v in values.Where(v => v.Indicator == code && v.Number != null)
                        join w in db.Set<FormReportValue>().Where(w => w.Indicator == weight && w.Number != null) on v.ReportId equals w.ReportId
                        select new { V = (decimal)v.Number!.Value, W = (decimal)w.Number!.Value };
            var s = await pairs.GroupBy(p => 1).Select(g => new { Products = g.Sum(p => p.V * p.W), Weights = g.Sum(p => p.W) }).SingleOrDefaultAsync(ct);
            totals[code] = (totals.GetValueOrDefault(code) ?? new IndicatorTotals()) with
            {
                WeightedSum = (s?.Products ?? 0) / (FormReportValue.Scale * FormReportValue.Scale),
                WeightTotal = (s?.Weights ?? 0) / FormReportValue.Scale,
            };
        }

        // Dates need their values read; they are few, so they are read and totalled here.
        foreach (var x in form.Indicators.Where(i => !i.IsComputed && i.Type == IndicatorType.Date))
        {
            var codes = new[] { x.Code, x.Weight ?? x.Code };
            var rows = (await values.Where(v => codes.Contains(v.Indicator)).AsNoTracking().ToListAsync(ct))
                .GroupBy(v => v.ReportId)
                .Select(g => (IReadOnlyDictionary<string, IndicatorValue>)g.Where(v => v.ToValue() is not null).ToDictionary(v => v.Indicator, v => v.ToValue()!, StringComparer.Ordinal));
            var inMemory = IndicatorTotals.Of(x, rows);
            totals[x.Code] = (totals.GetValueOrDefault(x.Code) ?? new IndicatorTotals()) with
            {
                MinDate = inMemory.MinDate, MaxDate = inMemory.MaxDate, WeightedSum = inMemory.WeightedSum, WeightTotal = inMemory.WeightTotal,
            };
        }

        var ownValues = await OwnValuesAsync(db, period.Id, scope.Id, ct);
        return new FigureRow(scope.Id, scope.DisplayName, scope.Path,
            new Completeness(completeness?.Expected ?? 0, completeness?.Submitted ?? 0, completeness?.OnTime ?? 0),
            FormAggregator.FromTotals(form, totals, ownValues));
    }

    /// <summary>A unit's figures as it would submit them: its own (whatever their status) with its units' submitted ones.</summary>
    public static async Task<IReadOnlyDictionary<string, IndicatorValue>> ConsolidatedAsync(DanVanDbContext db, FormReport r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var hasUnits = await db.Set<FormReport>().AnyAsync(x => x.PeriodId == r.PeriodId && x.Id != r.Id && x.Unit!.Path.StartsWith(r.Unit!.Path), ct);
        if (!hasUnits)
        {
            // A unit alone is a scope of one: its rates of sums come from its own counts, as they would above it.
            var form = FormFilling.FormOf(r);
            var own = r.ToFormValues().Values;
            return FormAggregator.FromTotals(form, form.Indicators.ToDictionary(i => i.Code, i => IndicatorTotals.Of(i, [own]), StringComparer.Ordinal), own);
        }
        return (await AggregateAsync(db, r.Period!, r.Unit!, r.Id, ct)).Values;
    }

    /// <summary>The scope's row, then one row per unit directly under it that owes the form or has units that do (drill-down).</summary>
    public static async Task<IReadOnlyList<FigureRow>> DrillDownAsync(DanVanDbContext db, FormPeriod period, OrgUnit scope, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(scope);
        var paths = await db.Set<FormReport>().Where(r => r.PeriodId == period.Id && r.Unit!.Path.StartsWith(scope.Path))
            .Select(r => r.Unit!.Path).ToListAsync(ct);
        var childIds = paths.Where(p => p.Length > scope.Path.Length)
            .Select(p => UnitPaths.IdOf(p[..(p.IndexOf('/', scope.Path.Length) + 1)])).Distinct().ToList();
        var children = await db.Units.AsNoTracking().Where(u => childIds.Contains(u.Id)).OrderBy(u => u.Code).ToListAsync(ct);
        var rows = new List<FigureRow> { await AggregateAsync(db, period, scope, null, ct) };
        foreach (var child in children) rows.Add(await AggregateAsync(db, period, child, null, ct));
        return rows;
    }

    /// <summary>The same form's period for the same scope just before this one (kỳ trước), or null.</summary>
    public static async Task<FormPeriod?> PreviousAsync(DanVanDbContext db, FormPeriod period, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (period.Reporting.Previous() is not { } previous) return null;
        var code = period.Form?.Code ?? await db.Set<StoredForm>().Where(f => f.Id == period.FormId).Select(f => f.Code).SingleAsync(ct);
        return await db.Set<FormPeriod>().Include(p => p.Form)
            .FirstOrDefaultAsync(p => p.Form!.Code == code && p.ScopeUnitId == period.ScopeUnitId && p.Kind == previous.Kind && p.Year == previous.Year && p.Number == previous.Number, ct);
    }

    private static async Task<IReadOnlyDictionary<string, IndicatorValue>> OwnValuesAsync(DanVanDbContext db, int periodId, int unitId, CancellationToken ct)
    {
        var rows = await db.Set<FormReportValue>().AsNoTracking()
            .Where(v => db.Set<FormReport>().Any(r => r.Id == v.ReportId && r.PeriodId == periodId && r.UnitId == unitId)).ToListAsync(ct);
        return rows.Where(v => v.ToValue() is not null).ToDictionary(v => v.Indicator, v => v.ToValue()!, StringComparer.Ordinal);
    }
}
