using DanVan.OrgUnits;

namespace DanVan.Statistics;

/// <summary>A unit as aggregation sees it: its id, its parent, its level and the groups it belongs to.</summary>
public sealed record FormUnit(string Id, string? ParentId, OrgUnitKind Level, IReadOnlyList<string> Groups);

/// <summary>How many units of a scope owe the form, how many submitted it and how many of those on time (tỷ lệ báo cáo).</summary>
public readonly record struct Completeness(int Expected, int Submitted, int? OnTime = null)
{
    /// <summary>Submitted over expected in percent; null when nobody owes the form.</summary>
    public decimal? Percent => Expected == 0 ? null : 100m * Submitted / Expected;

    /// <summary>On time over expected in percent; null when unknown or nobody owes the form.</summary>
    public decimal? OnTimePercent => Expected == 0 || OnTime is null ? null : 100m * OnTime.Value / Expected;
}

/// <summary>Every indicator of a scope aggregated by its rule, with the scope's completeness.</summary>
public sealed record ScopeAggregate(string ScopeId, Completeness Completeness, IReadOnlyDictionary<string, IndicatorValue> Values);

/// <summary>
/// What aggregation needs of one indicator's values over the units of a scope: counts, sums, extremes. The database
/// computes them in one GROUP BY (<c>FormFigures</c>) and <see cref="FormAggregator"/> computes them in memory; both
/// then apply the indicator's rule in <see cref="FormAggregator.Combine"/>.
/// </summary>
public sealed record IndicatorTotals
{
    /// <summary>Number of units with a numeric value.</summary>
    public long Numbers { get; init; }

    /// <summary>Sum of the numeric values.</summary>
    public decimal Sum { get; init; }

    /// <summary>Smallest numeric value.</summary>
    public decimal? Min { get; init; }

    /// <summary>Largest numeric value.</summary>
    public decimal? Max { get; init; }

    /// <summary>Number of units with a ratio.</summary>
    public long Ratios { get; init; }

    /// <summary>Sum of the ratios' n.</summary>
    public decimal SumPart { get; init; }

    /// <summary>Sum of the ratios' N.</summary>
    public decimal SumWhole { get; init; }

    /// <summary>Number of units answering yes or no.</summary>
    public long Answers { get; init; }

    /// <summary>Number of units answering yes.</summary>
    public long Yes { get; init; }

    /// <summary>Earliest date.</summary>
    public DateOnly? MinDate { get; init; }

    /// <summary>Latest date.</summary>
    public DateOnly? MaxDate { get; init; }

    /// <summary>For a weighted average: Σ value × weight over units with both.</summary>
    public decimal WeightedSum { get; init; }

    /// <summary>For a weighted average: Σ weight over units with both.</summary>
    public decimal WeightTotal { get; init; }

    /// <summary>The totals of two sets of units together (every total adds up: counts and sums add, extremes take the extreme).</summary>
    public static IndicatorTotals operator +(IndicatorTotals a, IndicatorTotals b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        static T? Pick<T>(T? x, T? y, Func<T, T, T> f) where T : struct => x is { } p ? (y is { } q ? f(p, q) : p) : y;
        return new IndicatorTotals
        {
            Numbers = a.Numbers + b.Numbers,
            Sum = a.Sum + b.Sum,
            Min = Pick(a.Min, b.Min, Math.Min),
            Max = Pick(a.Max, b.Max, Math.Max),
            Ratios = a.Ratios + b.Ratios,
            SumPart = a.SumPart + b.SumPart,
            SumWhole = a.SumWhole + b.SumWhole,
            Answers = a.Answers + b.Answers,
            Yes = a.Yes + b.Yes,
            MinDate = Pick(a.MinDate, b.MinDate, (p, q) => p < q ? p : q),
            MaxDate = Pick(a.MaxDate, b.MaxDate, (p, q) => p > q ? p : q),
            WeightedSum = a.WeightedSum + b.WeightedSum,
            WeightTotal = a.WeightTotal + b.WeightTotal,
        };
    }

    /// <summary>The totals of two sets of units together.</summary>
    public static IndicatorTotals Add(IndicatorTotals a, IndicatorTotals b) => a + b;

    /// <summary>The totals of one indicator over some units' values.</summary>
    public static IndicatorTotals Of(Indicator x, IEnumerable<IReadOnlyDictionary<string, IndicatorValue>> rows)
    {
        ArgumentNullException.ThrowIfNull(x);
        var list = rows.ToList();
        var given = list.Select(r => r.GetValueOrDefault(x.Code)).OfType<IndicatorValue>().ToList();
        var numbers = given.OfType<NumberValue>().Select(n => n.Value).ToList();
        var ratios = given.OfType<RatioValue>().ToList();
        var answers = given.OfType<YesNoValue>().ToList();
        var dates = given.OfType<DateValue>().Select(d => d.Date).ToList();
        var weighted = x.Weight is null ? [] : list
            .Where(r => r.GetValueOrDefault(x.Code) is NumberValue && r.GetValueOrDefault(x.Weight) is NumberValue)
            .Select(r => (V: ((NumberValue)r[x.Code]).Value, W: ((NumberValue)r[x.Weight]).Value)).ToList();
        return new IndicatorTotals
        {
            Numbers = numbers.Count,
            Sum = numbers.Sum(),
            Min = numbers.Count == 0 ? null : numbers.Min(),
            Max = numbers.Count == 0 ? null : numbers.Max(),
            Ratios = ratios.Count,
            SumPart = ratios.Sum(r => r.Part),
            SumWhole = ratios.Sum(r => r.Whole),
            Answers = answers.Count,
            Yes = answers.Count(a => a.Yes),
            MinDate = dates.Count == 0 ? null : dates.Min(),
            MaxDate = dates.Count == 0 ? null : dates.Max(),
            WeightedSum = weighted.Sum(w => w.V * w.W),
            WeightTotal = weighted.Sum(w => w.W),
        };
    }
}

/// <summary>Aggregates units' values of one form and period up the hierarchy.</summary>
public static class FormAggregator
{
    /// <summary>
    /// The scope's figures: every unit of the scope's subtree (the scope itself included, e.g. a district's own
    /// figures with its communes') that owes the form and submitted contributes, each indicator by its aggregation;
    /// computed indicators are recomputed from the aggregated figures.
    /// </summary>
    /// <param name="form">A valid form.</param>
    /// <param name="units">The unit tree (any order).</param>
    /// <param name="submitted">Submitted values by unit id.</param>
    /// <param name="scopeId">The scope unit.</param>
    public static ScopeAggregate Aggregate(FormDefinition form, IReadOnlyList<FormUnit> units, IReadOnlyDictionary<string, FormValues> submitted, string scopeId)
    {
        ArgumentNullException.ThrowIfNull(form);
        var children = units.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!, StringComparer.Ordinal);
        var inScope = new List<FormUnit>();
        var stack = new Stack<FormUnit>(units.Where(u => u.Id == scopeId));
        while (stack.TryPop(out var unit))
        {
            inScope.Add(unit);
            foreach (var child in children[unit.Id]) stack.Push(child);
        }
        var owing = inScope.Where(u => form.UnitGroups.Count == 0 || u.Groups.Any(form.UnitGroups.Contains)).ToList();
        var rows = owing.Where(u => submitted.ContainsKey(u.Id)).Select(u => submitted[u.Id].Values).ToList();
        var own = submitted.GetValueOrDefault(scopeId)?.Values;
        var totals = form.Indicators.Where(i => !i.IsComputed).ToDictionary(i => i.Code, i => IndicatorTotals.Of(i, rows), StringComparer.Ordinal);
        return new(scopeId, new Completeness(owing.Count, rows.Count), FromTotals(form, totals, own));
    }

    /// <summary>Every indicator's value from its totals (and the scope's own values, for the latest and the not aggregated), computed ones recomputed.</summary>
    public static Dictionary<string, IndicatorValue> FromTotals(FormDefinition form, IReadOnlyDictionary<string, IndicatorTotals> totals, IReadOnlyDictionary<string, IndicatorValue>? own)
    {
        ArgumentNullException.ThrowIfNull(form);
        var values = new Dictionary<string, IndicatorValue>(StringComparer.Ordinal);
        foreach (var x in form.Indicators.Where(i => !i.IsComputed))
            if (Combine(x, totals, own) is { } v) values[x.Code] = v;
        FormEntry.Compute(form, values);
        return values;
    }

    /// <summary>The one rule of each aggregation: the scope's value of <paramref name="x"/> from the totals of its units.</summary>
    public static IndicatorValue? Combine(Indicator x, IReadOnlyDictionary<string, IndicatorTotals> totals, IReadOnlyDictionary<string, IndicatorValue>? own)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(totals);
        var t = totals.GetValueOrDefault(x.Code) ?? new IndicatorTotals();
        switch (x.Aggregation)
        {
            case Aggregation.Sum when x.Type == IndicatorType.Ratio:
                return t.Ratios == 0 ? null : new RatioValue(t.SumPart, t.SumWhole);
            case Aggregation.Sum:
                return t.Numbers == 0 ? null : new NumberValue(t.Sum);
            case Aggregation.RatioOfSums:
                var below = totals.GetValueOrDefault(x.Denominator ?? "")?.Sum ?? 0m;
                // Without the counts below it, the scope's own stated rate stands (a district typing 3,43%).
                if (below == 0) return own?.GetValueOrDefault(x.Code);
                var ratio = (totals.GetValueOrDefault(x.Numerator ?? "")?.Sum ?? 0m) / below;
                return new NumberValue(x.Type == IndicatorType.Percentage ? 100m * ratio : ratio);
            case Aggregation.Average when x.Type == IndicatorType.Date:
                return null;
            case Aggregation.Average when x.Weight is not null:
                return t.WeightTotal == 0 ? null : new NumberValue(t.WeightedSum / t.WeightTotal);
            case Aggregation.Average:
                return t.Numbers == 0 ? null : new NumberValue(t.Sum / t.Numbers);
            case Aggregation.Min when x.Type == IndicatorType.Date:
                return t.MinDate is { } first ? new DateValue(first) : null;
            case Aggregation.Max when x.Type == IndicatorType.Date:
                return t.MaxDate is { } last ? new DateValue(last) : null;
            case Aggregation.Min:
                return t.Min is { } min ? new NumberValue(min) : null;
            case Aggregation.Max:
                return t.Max is { } max ? new NumberValue(max) : null;
            case Aggregation.CountYes:
                return t.Answers == 0 ? null : new NumberValue(t.Yes);
            default:
                // Latest, and not aggregated: the scope states its own value (a district's own text or date).
                return own?.GetValueOrDefault(x.Code);
        }
    }
}
