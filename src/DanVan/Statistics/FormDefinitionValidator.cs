using System.Text.RegularExpressions;
using DanVan.Refusals;

namespace DanVan.Statistics;

/// <summary>Checks a form definition as a whole; every problem is a refusal at its JSON path.</summary>
public static partial class FormDefinitionValidator
{
    /// <summary>Every refusal of <paramref name="form"/>; empty when it may be stored.</summary>
    public static IReadOnlyList<Refusal> Validate(FormDefinition form)
    {
        var refusals = new List<Refusal>();
        void Refuse(string path, string code, params (string, object?)[] args) => refusals.Add(Refusal.Of(code, Where.AtPath(path), args));

        if (form.FormatVersion != 1) Refuse("$.formatVersion", "forms.formatVersion", ("version", form.FormatVersion));
        if (form.Version < 1) Refuse("$.version", "forms.version", ("version", form.Version));
        if (form.Indicators.Count == 0) Refuse("$.indicators", "forms.noIndicators");

        var byCode = new Dictionary<string, Indicator>(StringComparer.Ordinal);
        for (var i = 0; i < form.Indicators.Count; i++)
        {
            var code = form.Indicators[i].Code;
            if (!CodePattern().IsMatch(code)) Refuse($"$.indicators[{i}].code", "forms.badCode", ("code", code));
            else if (!byCode.TryAdd(code, form.Indicators[i])) Refuse($"$.indicators[{i}].code", "forms.duplicateCode", ("code", code));
        }
        bool IsRatio(string code) => byCode.TryGetValue(code, out var x) && x.Type == IndicatorType.Ratio;

        var uses = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (var i = 0; i < form.Indicators.Count; i++)
        {
            var x = form.Indicators[i];
            var at = $"$.indicators[{i}]";
            if (x.Type == IndicatorType.Choice && x.Choices.Count == 0) Refuse($"{at}.choices", "forms.choicesMissing", ("code", x.Code));
            if (x.Decimals is < 0 or > 6) Refuse($"{at}.decimals", "forms.decimals", ("decimals", x.Decimals));
            if (x.IsFromRegistry)
            {
                if (!DanVan.Registries.RegistryFigures.Catalogue.TryGetValue(x.Registry!, out var figure))
                    Refuse($"{at}.registry", "forms.unknownRegistryFigure", ("figure", x.Registry), ("known", DanVan.Registries.RegistryFigures.Catalogue.Keys.Order().ToList()));
                else if (x.IsComputed) Refuse($"{at}.registry", "forms.registryAndFormula", ("code", x.Code));
                else if (!Fits(figure.Shape, x.Type)) Refuse($"{at}.type", "forms.registryType", ("code", x.Code), ("figure", x.Registry));
            }
            if (x.IsComputed)
            {
                if (x.Aggregation is not null) Refuse($"{at}.aggregation", "forms.computedAggregation", ("code", x.Code));
                if (x.Type is not (IndicatorType.WholeNumber or IndicatorType.Decimal or IndicatorType.Percentage or IndicatorType.YesNo))
                    Refuse($"{at}.type", "forms.computedType", ("code", x.Code));
                if (Formula.TryParse(x.Formula!) is not { } f) Refuse($"{at}.formula", "forms.formulaSyntax", ("formula", x.Formula));
                else
                {
                    var named = f.Names.Select(n => Formula.IndicatorOf(n, IsRatio)).ToList();
                    foreach (var n in named.Where(n => !byCode.ContainsKey(n)).Distinct())
                        Refuse($"{at}.formula", "forms.unknownIndicator", ("name", n));
                    uses[x.Code] = named;
                }
                continue;
            }
            if (x.Aggregation is not { } agg)
            {
                Refuse($"{at}.aggregation", "forms.aggregationMissing", ("code", x.Code));
                continue;
            }
            if (!Fits(agg, x.Type)) Refuse($"{at}.aggregation", "forms.aggregationType", ("code", x.Code), ("aggregation", agg.ToString()), ("type", x.Type.ToString()));
            if (agg == Aggregation.RatioOfSums)
            {
                if (x.Numerator is null) Refuse($"{at}.numerator", "forms.ratioWithoutNumerator", ("code", x.Code));
                if (x.Denominator is null) Refuse($"{at}.denominator", "forms.ratioWithoutDenominator", ("code", x.Code));
            }
            foreach (var (field, code) in new[] { ("numerator", x.Numerator), ("denominator", x.Denominator), ("weight", x.Weight) })
            {
                if (code is null) continue;
                if (!byCode.TryGetValue(code, out var other)) Refuse($"{at}.{field}", "forms.unknownIndicator", ("name", code));
                else if (other.Type is not (IndicatorType.WholeNumber or IndicatorType.Decimal)) Refuse($"{at}.{field}", "forms.partNotNumber", ("name", code));
            }
        }

        foreach (var cycle in Cycles(uses))
            Refuse($"$.indicators[{IndexOf(form, cycle[0])}].formula", "forms.cycle", ("codes", cycle));

        var ruleCodes = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < form.Rules.Count; r++)
        {
            var rule = form.Rules[r];
            var at = $"$.rules[{r}]";
            if (!ruleCodes.Add(rule.Code)) Refuse($"{at}.code", "forms.duplicateCode", ("code", rule.Code));
            if (Formula.TryParse(rule.Expression) is not { } f) Refuse($"{at}.expression", "forms.formulaSyntax", ("formula", rule.Expression));
            else
                foreach (var n in f.Names.Select(n => Formula.IndicatorOf(n, IsRatio)).Where(n => !byCode.ContainsKey(n)).Distinct())
                    Refuse($"{at}.expression", "forms.unknownIndicator", ("name", n));
            if (rule.At is { } target && !byCode.ContainsKey(target)) Refuse($"{at}.at", "forms.unknownIndicator", ("name", target));
        }

        var levels = new HashSet<DanVan.OrgUnits.OrgUnitKind>();
        for (var d = 0; d < form.Deadlines.Count; d++)
        {
            if (!levels.Add(form.Deadlines[d].Level)) Refuse($"$.deadlines[{d}].level", "forms.duplicateCode", ("code", form.Deadlines[d].Level.ToString()));
            if (form.Deadlines[d].DaysAfterPeriodEnd is < 0 or > 366) Refuse($"$.deadlines[{d}].daysAfterPeriodEnd", "forms.deadlineDays", ("days", form.Deadlines[d].DaysAfterPeriodEnd));
        }

        for (var s = 0; s < form.Sections.Count; s++)
        {
            var section = form.Sections[s];
            for (var i = 0; i < section.Indicators.Count; i++)
                if (!byCode.ContainsKey(section.Indicators[i])) Refuse($"$.sections[{s}].indicators[{i}]", "forms.unknownIndicator", ("name", section.Indicators[i]));
            CheckColumns(section.Columns, $"$.sections[{s}].columns");
        }

        void CheckColumns(IReadOnlyList<FormColumn> columns, string path)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var column = columns[c];
                var at = $"{path}[{c}]";
                if (column.Indicator is { } code && !byCode.ContainsKey(code)) Refuse($"{at}.indicator", "forms.unknownIndicator", ("name", code));
                if (column.Indicator is not null && column.Columns.Count > 0) Refuse(at, "forms.columnBoth");
                if (column.MinDigits is < 1 or > 6) Refuse($"{at}.minDigits", "forms.minDigits", ("digits", column.MinDigits));
                CheckColumns(column.Columns, $"{at}.columns");
            }
        }

        return refusals;
    }

    private static bool Fits(Aggregation aggregation, IndicatorType type) => aggregation switch
    {
        Aggregation.Sum => type is IndicatorType.WholeNumber or IndicatorType.Decimal or IndicatorType.Ratio,
        Aggregation.RatioOfSums => type is IndicatorType.Percentage or IndicatorType.Decimal,
        Aggregation.Average or Aggregation.Min or Aggregation.Max => type is IndicatorType.WholeNumber or IndicatorType.Decimal or IndicatorType.Percentage or IndicatorType.Date,
        Aggregation.CountYes => type == IndicatorType.YesNo,
        _ => true,
    };

    private static int IndexOf(FormDefinition form, string code) => form.Indicators.ToList().FindIndex(i => i.Code == code);

    // Each cycle once, as the codes met along it from its first member in form order.
    private static List<List<string>> Cycles(Dictionary<string, IReadOnlyList<string>> uses)
    {
        var cycles = new List<List<string>>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        var stack = new List<string>();
        void Visit(string code)
        {
            if (done.Contains(code)) return;
            var at = stack.IndexOf(code);
            if (at >= 0)
            {
                cycles.Add(stack[at..]);
                return;
            }
            stack.Add(code);
            foreach (var next in uses.GetValueOrDefault(code) ?? []) if (uses.ContainsKey(next)) Visit(next);
            stack.RemoveAt(stack.Count - 1);
            done.Add(code);
        }
        foreach (var code in uses.Keys) Visit(code);
        return cycles;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,63}$")]
    private static partial Regex CodePattern();

    // A count fills a number, a ratio a ratio or a percentage, yes/no a yes/no.
    private static bool Fits(DanVan.Registries.FigureShape shape, IndicatorType type) => shape switch
    {
        DanVan.Registries.FigureShape.Count => type is IndicatorType.WholeNumber or IndicatorType.Decimal,
        DanVan.Registries.FigureShape.Ratio => type is IndicatorType.Ratio or IndicatorType.Percentage,
        _ => type == IndicatorType.YesNo,
    };
}
