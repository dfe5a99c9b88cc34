using DanVan.Refusals;

namespace DanVan.Statistics;

/// <summary>The check of one unit's values: errors block submission; warnings need an explanation.</summary>
/// <param name="Errors">Wrong types, out-of-range values, missing required values and broken error rules.</param>
/// <param name="Warnings">Broken warning rules (<c>forms.ruleWarning</c>), explained or not.</param>
/// <param name="Values">The typed values with every computed indicator added.</param>
/// <param name="Unexplained">The warnings still without an explanation (<c>forms.warningUnexplained</c>).</param>
public sealed record EntryCheck(IReadOnlyList<Refusal> Errors, IReadOnlyList<Refusal> Warnings, IReadOnlyList<Refusal> Unexplained, IReadOnlyDictionary<string, IndicatorValue> Values)
{
    /// <summary>True when the values may be submitted: no error and every warning explained.</summary>
    public bool CanSubmit => Errors.Count == 0 && Unexplained.Count == 0;

    /// <summary>What refuses the submission: the errors, then the unexplained warnings.</summary>
    public IReadOnlyList<Refusal> SubmissionRefusals => [.. Errors, .. Unexplained];
}

/// <summary>Checks and completes a unit's values against a valid form definition.</summary>
public static class FormEntry
{
    /// <summary>
    /// Checks each typed value against its indicator, computes the computed indicators, then applies the rules.
    /// Each refusal points at its indicator (<see cref="Where.Criterion"/>).
    /// </summary>
    /// <param name="form">A valid form.</param>
    /// <param name="entry">The values and explanations.</param>
    /// <param name="forSubmission">Also require the required indicators.</param>
    /// <param name="consolidated">The values are a scope's aggregated figures (a count of yes, an average), not typed ones: their types are not checked.</param>
    public static EntryCheck Check(FormDefinition form, FormValues entry, bool forSubmission = true, bool consolidated = false)
    {
        var errors = new List<Refusal>();
        var values = new Dictionary<string, IndicatorValue>(StringComparer.Ordinal);
        foreach (var (code, value) in entry.Values)
        {
            if (form.Find(code) is not { } indicator) errors.Add(Refusal.Of("forms.valueUnknownIndicator", Where.AtCriterion(code), ("code", code)));
            else if (indicator.IsComputed) { if (!consolidated) errors.Add(Refusal.Of("forms.valueComputed", Where.AtCriterion(code), ("code", code))); }
            else if (!consolidated && CheckValue(indicator, value) is { } refusal) errors.Add(refusal);
            else values[code] = value;
        }
        if (forSubmission)
            foreach (var indicator in form.Indicators.Where(i => i.Required && i.IsTyped && !entry.Values.ContainsKey(i.Code)))
                errors.Add(Refusal.Of("forms.valueRequired", Where.AtCriterion(indicator.Code), ("code", indicator.Code)));

        Compute(form, values);

        var warnings = new List<Refusal>();
        var unexplained = new List<Refusal>();
        foreach (var rule in form.Rules)
        {
            var formula = Formula.TryParse(rule.Expression);
            if (formula?.Evaluate(values) is not false) continue; // holds, or not decidable for want of values
            var at = Where.AtCriterion(rule.At ?? Formula.IndicatorOf(formula.Names[0], c => form.Find(c)?.Type == IndicatorType.Ratio));
            var args = new (string, object?)[] { ("rule", rule.Code), ("expression", rule.Expression), ("description", rule.Description ?? rule.Expression) };
            if (rule.Severity == RuleSeverity.Error) errors.Add(Refusal.Of("forms.ruleBroken", at, args));
            else
            {
                warnings.Add(Refusal.Of("forms.ruleWarning", at, args));
                if (string.IsNullOrWhiteSpace(entry.Explanations?.GetValueOrDefault(rule.Code)))
                    unexplained.Add(Refusal.Of("forms.warningUnexplained", at, args));
            }
        }
        return new(errors, warnings, unexplained, values);
    }

    /// <summary>Adds every computed indicator whose inputs have values, in dependency order (the form has no cycle).</summary>
    public static void Compute(FormDefinition form, Dictionary<string, IndicatorValue> values)
    {
        var pending = form.Indicators.Where(i => i.IsComputed).ToList();
        foreach (var x in pending) values.Remove(x.Code);
        // At most one pass per computed indicator: each pass settles at least one whose inputs are settled.
        for (var pass = 0; pass < pending.Count; pass++)
            foreach (var x in pending.Where(x => !values.ContainsKey(x.Code)))
            {
                if (Formula.TryParse(x.Formula!)?.Evaluate(values) is not { } result) continue;
                values[x.Code] = result switch
                {
                    bool b => new YesNoValue(b),
                    decimal d => new NumberValue(d),
                    _ => throw new InvalidOperationException("unreachable"),
                };
            }
    }

    /// <summary>The refusal of one typed value, or null when it fits the indicator.</summary>
    public static Refusal? CheckValue(Indicator indicator, IndicatorValue value)
    {
        var at = Where.AtCriterion(indicator.Code);
        var expected = indicator.Type switch
        {
            IndicatorType.WholeNumber or IndicatorType.Decimal or IndicatorType.Percentage => value is NumberValue,
            IndicatorType.Ratio => value is RatioValue,
            IndicatorType.YesNo => value is YesNoValue,
            IndicatorType.Text or IndicatorType.Choice => value is TextValue,
            IndicatorType.Date => value is DateValue,
            _ => false,
        };
        if (!expected) return Refusal.Of("forms.valueWrongType", at, ("code", indicator.Code), ("type", indicator.Type.ToString()));
        return (indicator.Type, value) switch
        {
            (IndicatorType.WholeNumber, NumberValue { Value: var n }) when n < 0 || n != decimal.Truncate(n) =>
                Refusal.Of("forms.valueWhole", at, ("value", n)),
            (IndicatorType.Percentage, NumberValue { Value: var p }) when p is < 0 or > 100 =>
                Refusal.Of("forms.percentageRange", at, ("value", p)),
            (IndicatorType.Ratio, RatioValue r) when r.Part < 0 || r.Whole <= 0 || r.Part > r.Whole || r.Part != decimal.Truncate(r.Part) || r.Whole != decimal.Truncate(r.Whole) =>
                Refusal.Of("forms.ratioInvalid", at, ("part", r.Part), ("whole", r.Whole)),
            (IndicatorType.Choice, TextValue t) when !indicator.Choices.Contains(t.Text, StringComparer.Ordinal) =>
                Refusal.Of("forms.choiceUnknown", at, ("value", t.Text), ("choices", indicator.Choices)),
            _ => null,
        };
    }
}
