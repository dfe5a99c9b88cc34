namespace DanVan.Statistics;

/// <summary>A value of one indicator for one unit and period (giá trị chỉ tiêu); one subtype per kind of value.</summary>
public abstract record IndicatorValue;

/// <summary>A whole number, decimal or percentage (0–100, not 0–1).</summary>
public sealed record NumberValue(decimal Value) : IndicatorValue;

/// <summary>A ratio n/N ("26/27"): <paramref name="Part"/> of <paramref name="Whole"/>.</summary>
public sealed record RatioValue(decimal Part, decimal Whole) : IndicatorValue;

/// <summary>Yes or no.</summary>
public sealed record YesNoValue(bool Yes) : IndicatorValue;

/// <summary>Text, or the answer of a choice indicator.</summary>
public sealed record TextValue(string Text) : IndicatorValue;

/// <summary>A date.</summary>
public sealed record DateValue(DateOnly Date) : IndicatorValue;

/// <summary>One unit's values for one form and period, with the explanations it gives for warnings (by rule code).</summary>
public sealed record FormValues(IReadOnlyDictionary<string, IndicatorValue> Values, IReadOnlyDictionary<string, string>? Explanations = null)
{
    /// <summary>No values.</summary>
    public static readonly FormValues Empty = new(new Dictionary<string, IndicatorValue>());

    /// <summary>Values from code/value pairs.</summary>
    public static FormValues Of(params (string Code, IndicatorValue Value)[] values) =>
        new(values.ToDictionary(v => v.Code, v => v.Value, StringComparer.Ordinal));
}
