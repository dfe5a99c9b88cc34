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
    /// The figures of the scope at <paramref name="scope"/> in the period: the submitted and accepted reports of
    /// its units (and <paramref name="ownReportId"/>'s, whatever its status, for a unit consolidating its own draft).
    /// </summary>
    public static async Task<FigureRow> AggregateAsync(DanVanDbContext db, FormPeriod period, OrgUnit scope, int? ownReportId = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(scope);
        var form = await FormAsync(db, period, ct);
        var own = ownReportId ?? -1;
        var reports = db.Set<FormReport>().Where(r => r.PeriodId == period.Id && r.Unit!.Path.StartsWith(scope.Path));
        var keyed = reports.Select(r => new KeyedReport { Key = 0, Report = r });
        var totals = await TotalsAsync(db, form, keyed, own, ct);
        var completeness = (await CompletenessAsync(keyed, ct)).GetValueOrDefault(0);
        var ownValues = await OwnValuesAsync(db, period.Id, [scope.Id], ct);
        return new FigureRow(scope.Id, scope.DisplayName, scope.Path, completeness,
            FormAggregator.FromTotals(form, totals.GetValueOrDefault(0) ?? new Dictionary<string, IndicatorTotals>(), ownValues.GetValueOrDefault(scope.Id)));
    }

    /// <summary>A report with the key of the row it is counted in (a drill-down's unit under the scope).</summary>
    private sealed class KeyedReport
    {
        public int Key { get; init; }

        public FormReport Report { get; init; } = null!;
    }

    /// <summary>A value with the key of its row.</summary>
    private sealed class KeyedValue
    {
        public int Key { get; init; }

        public FormReportValue Value { get; init; } = null!;
    }

    private static async Task<FormDefinition> FormAsync(DanVanDbContext db, FormPeriod period, CancellationToken ct) =>
        (period.Form ?? await db.Set<StoredForm>().SingleAsync(f => f.Id == period.FormId, ct)).Definition();

    /// <summary>Expected, submitted and on time per key.</summary>
    private static async Task<Dictionary<int, Completeness>> CompletenessAsync(IQueryable<KeyedReport> keyed, CancellationToken ct) =>
        (await keyed.GroupBy(k => k.Key).Select(g => new
        {
            g.Key,
            Expected = g.Count(),
            Submitted = g.Count(k => Counting.Contains(k.Report.Status)),
            OnTime = g.Count(k => Counting.Contains(k.Report.Status) && !k.Report.IsLate),
        }).ToListAsync(ct)).ToDictionary(c => c.Key, c => new Completeness(c.Expected, c.Submitted, c.OnTime));

    /// <summary>
    /// Each key's totals of each indicator, in one GROUP BY (key, indicator) over the counted reports' values, plus the
    /// weighted averages' products and the dates, which need values side by side.
    /// </summary>
    private static async Task<Dictionary<int, Dictionary<string, IndicatorTotals>>> TotalsAsync(
        DanVanDbContext db, FormDefinition form, IQueryable<KeyedReport> keyed, int ownReportId, CancellationToken ct)
    {
        var counted = keyed.Where(k => Counting.Contains(k.Report.Status) || k.Report.Id == ownReportId);
        // A join rather than EXISTS per value: SQLite then walks the counted reports and their values by key instead of
        // testing every value row of the database (a province of 80 units among 5,000 on SQLite: 750 ms → about 100 ms).
        var values = counted.Join(db.Set<FormReportValue>(), k => k.Report.Id, v => v.ReportId, (k, v) => new KeyedValue { Key = k.Key, Value = v });
        var sums = await values
            .GroupBy(k => new { k.Key, k.Value.Indicator })
            .Select(g => new
            {
                g.Key.Key,
                g.Key.Indicator,
                Numbers = g.Count(k => k.Value.Number != null),
                Sum = g.Sum(k => k.Value.Number),
                Min = g.Min(k => k.Value.Number),
                Max = g.Max(k => k.Value.Number),
                Ratios = g.Count(k => k.Value.Part != null),
                SumPart = g.Sum(k => k.Value.Part),
                SumWhole = g.Sum(k => k.Value.Whole),
                Answers = g.Count(k => k.Value.Flag != null),
                Yes = g.Count(k => k.Value.Flag == true),
            }).ToListAsync(ct);
        var totals = new Dictionary<int, Dictionary<string, IndicatorTotals>>();
        Dictionary<string, IndicatorTotals> Of(int key) => totals.TryGetValue(key, out var t) ? t : totals[key] = new(StringComparer.Ordinal);
        foreach (var s in sums)
        {
            Of(s.Key)[s.Indicator] = new IndicatorTotals
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
            };
        }

        // A weighted average needs each unit's value beside its weight: Σ value × weight and Σ weight over the units
        // with both, summed in SQL over the pairs (exact: numbers are whole ten-thousandths, so products are scaled twice).
        foreach (var x in form.Indicators.Where(i => !i.IsComputed && i.Type != IndicatorType.Date && i.Aggregation == Aggregation.Average && i.Weight is not null))
        {
            var (code, weight) = (x.Code, x.Weight!);
            var pairs = from k in values.Where(k => k.Value.Indicator == code && k.Value.Number != null)
                        join w in db.Set<FormReportValue>().Where(w => w.Indicator == weight && w.Number != null) on k.Value.ReportId equals w.ReportId
                        select new { k.Key, V = (decimal)k.Value.Number!.Value, W = (decimal)w.Number!.Value };
            var products = await pairs.GroupBy(p => p.Key).Select(g => new { g.Key, Products = g.Sum(p => p.V * p.W), Weights = g.Sum(p => p.W) }).ToListAsync(ct);
            foreach (var s in products)
            {
                var byCode = Of(s.Key);
                byCode[code] = (byCode.GetValueOrDefault(code) ?? new IndicatorTotals()) with
                {
                    WeightedSum = s.Products / (FormReportValue.Scale * FormReportValue.Scale),
                    WeightTotal = s.Weights / FormReportValue.Scale,
                };
            }
        }

        // Dates need their values read; they are few, so they are read and totalled here.
        foreach (var x in form.Indicators.Where(i => !i.IsComputed && i.Type == IndicatorType.Date))
        {
            var code = x.Code;
            var rows = await values.Where(k => k.Value.Indicator == code && k.Value.Date != null).Select(k => new { k.Key, k.Value.Date }).ToListAsync(ct);
            foreach (var g in rows.GroupBy(r => r.Key))
            {
                var byCode = Of(g.Key);
                byCode[code] = (byCode.GetValueOrDefault(code) ?? new IndicatorTotals()) with { MinDate = g.Min(r => r.Date), MaxDate = g.Max(r => r.Date) };
            }
        }
        return totals;
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

    /// <summary>
    /// The scope's row, then one row per unit directly under it that owes the form or has units that do (drill-down),
    /// in one pass: the values are grouped by (unit under the scope, indicator), and the scope's row adds those totals
    /// up with its own report's (totals add up, whatever the aggregation).
    /// </summary>
    public static async Task<IReadOnlyList<FigureRow>> DrillDownAsync(DanVanDbContext db, FormPeriod period, OrgUnit scope, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(scope);
        var form = await FormAsync(db, period, ct);
        var reports = db.Set<FormReport>().Where(r => r.PeriodId == period.Id);
        // A join on the path prefix (not a correlated subquery, which SQLite cannot run): each report under one child.
        var underChildren = from c in db.Units
                            from r in reports
                            where c.ParentId == scope.Id && r.Unit!.Path.StartsWith(c.Path)
                            select new KeyedReport { Key = c.Id, Report = r };
        var ownReport = reports.Where(r => r.UnitId == scope.Id).Select(r => new KeyedReport { Key = scope.Id, Report = r });

        var completeness = await CompletenessAsync(underChildren, ct);
        foreach (var (key, c) in await CompletenessAsync(ownReport, ct)) completeness[key] = c;
        var totals = await TotalsAsync(db, form, underChildren, -1, ct);
        foreach (var (key, t) in await TotalsAsync(db, form, ownReport, -1, ct)) totals[key] = t;

        var childIds = completeness.Keys.Where(k => k != scope.Id).ToList();
        var children = await db.Units.AsNoTracking().Where(u => childIds.Contains(u.Id)).OrderBy(u => u.Code).ToListAsync(ct);
        var own = await OwnValuesAsync(db, period.Id, [scope.Id, .. childIds], ct);
        var empty = new Dictionary<string, IndicatorTotals>();

        var whole = new Dictionary<string, IndicatorTotals>(StringComparer.Ordinal);
        foreach (var byCode in totals.Values)
            foreach (var (code, t) in byCode)
                whole[code] = whole.TryGetValue(code, out var sum) ? sum + t : t;
        var all = completeness.Values.Aggregate(new Completeness(0, 0, 0), (a, b) => new Completeness(a.Expected + b.Expected, a.Submitted + b.Submitted, a.OnTime + b.OnTime));

        var rows = new List<FigureRow> { new(scope.Id, scope.DisplayName, scope.Path, all, FormAggregator.FromTotals(form, whole, own.GetValueOrDefault(scope.Id))) };
        rows.AddRange(children.Select(c => new FigureRow(c.Id, c.DisplayName, c.Path, completeness[c.Id],
            FormAggregator.FromTotals(form, totals.GetValueOrDefault(c.Id) ?? empty, own.GetValueOrDefault(c.Id)))));
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

    /// <summary>The units' own stored values, whatever their reports' status (for the latest and the not aggregated).</summary>
    private static async Task<Dictionary<int, IReadOnlyDictionary<string, IndicatorValue>>> OwnValuesAsync(DanVanDbContext db, int periodId, List<int> unitIds, CancellationToken ct)
    {
        var rows = await (from r in db.Set<FormReport>().Where(r => r.PeriodId == periodId && unitIds.Contains(r.UnitId))
                          join v in db.Set<FormReportValue>() on r.Id equals v.ReportId
                          select new { r.UnitId, Value = v }).AsNoTracking().ToListAsync(ct);
        return rows.GroupBy(r => r.UnitId).ToDictionary(g => g.Key,
            g => (IReadOnlyDictionary<string, IndicatorValue>)g.Where(r => r.Value.ToValue() is not null).ToDictionary(r => r.Value.Indicator, r => r.Value.ToValue()!, StringComparer.Ordinal));
    }
}
