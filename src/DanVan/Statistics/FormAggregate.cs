using DanVan.OrgUnits;

namespace DanVan.Statistics;

/// <summary>A unit as aggregation sees it: its id, its parent, its level and the groups it belongs to.</summary>
public sealed record FormUnit(string Id, string? ParentId, OrgUnitKind Level, IReadOnlyList<string> Groups);

/// <summary>How many units of a scope owe the form and how many submitted it (tỷ lệ báo cáo).</summary>
public readonly record struct Completeness(int Expected, int Submitted)
{
    /// <summary>Submitted over expected in percent; null when nobody owes the form.</summary>
    public decimal? Percent => Expected == 0 ? null : 100m * Submitted / Expected;
}

/// <summary>Every indicator of a scope aggregated by its rule, with the scope's completeness.</summary>
public sealed record ScopeAggregate(string ScopeId, Completeness Completeness, IReadOnlyDictionary<string, IndicatorValue> Values);

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

        var values = new Dictionary<string, IndicatorValue>(StringComparer.Ordinal);
        foreach (var x in form.Indicators.Where(i => !i.IsComputed))
            if (Combine(x, rows, own) is { } v) values[x.Code] = v;
        FormEntry.Compute(form, values);
        return new(scopeId, new Completeness(owing.Count, rows.Count), values);
    }

    private static IndicatorValue? Combine(Indicator x, List<IReadOnlyDictionary<string, IndicatorValue>> rows, IReadOnlyDictionary<string, IndicatorValue>? own)
    {
        var given = rows.Select(r => r.GetValueOrDefault(x.Code)).OfType<IndicatorValue>().ToList();
        decimal Number(IReadOnlyDictionary<string, IndicatorValue> row, string? code) =>
            code is not null && row.GetValueOrDefault(code) is NumberValue n ? n.Value : 0m;
        var numbers = given.OfType<NumberValue>().Select(n => n.Value).ToList();
        switch (x.Aggregation)
        {
            case Aggregation.Sum when x.Type == IndicatorType.Ratio:
                var ratios = given.OfType<RatioValue>().ToList();
                return ratios.Count == 0 ? null : new RatioValue(ratios.Sum(r => r.Part), ratios.Sum(r => r.Whole));
            case Aggregation.Sum:
                return numbers.Count == 0 ? null : new NumberValue(numbers.Sum());
            case Aggregation.RatioOfSums:
                var below = rows.Sum(r => Number(r, x.Denominator));
                if (below == 0) return null;
                var ratio = rows.Sum(r => Number(r, x.Numerator)) / below;
                return new NumberValue(x.Type == IndicatorType.Percentage ? 100m * ratio : ratio);
            case Aggregation.Average when x.Type == IndicatorType.Date:
                return null;
            case Aggregation.Average:
                var weighted = rows.Where(r => r.GetValueOrDefault(x.Code) is NumberValue)
                    .Select(r => (Value: ((NumberValue)r[x.Code]).Value, Weight: x.Weight is null ? 1m : Number(r, x.Weight))).ToList();
                var weights = weighted.Sum(w => w.Weight);
                return weights == 0 ? null : new NumberValue(weighted.Sum(w => w.Value * w.Weight) / weights);
            case Aggregation.Min or Aggregation.Max when x.Type == IndicatorType.Date:
                var dates = given.OfType<DateValue>().Select(d => d.Date).ToList();
                return dates.Count == 0 ? null : new DateValue(x.Aggregation == Aggregation.Min ? dates.Min() : dates.Max());
            case Aggregation.Min:
                return numbers.Count == 0 ? null : new NumberValue(numbers.Min());
            case Aggregation.Max:
                return numbers.Count == 0 ? null : new NumberValue(numbers.Max());
            case Aggregation.CountYes:
                return given.Count == 0 ? null : new NumberValue(given.OfType<YesNoValue>().Count(y => y.Yes));
            case Aggregation.Latest:
                return own?.GetValueOrDefault(x.Code);
            default:
                return null;
        }
    }
}
