using System.Globalization;

namespace DanVan.Statistics;

/// <summary>Writes indicator values the Vietnamese way for tables (3,43%; 26/27; 1.306; 02 where the paper form pads).</summary>
public static class StatisticsFormat
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>
    /// One cell: numbers in vi-VN, rounded half away from zero to the indicator's decimals (1 for a percentage,
    /// 2 for a decimal unless set) with trailing zeros dropped; percentages with "%"; ratios as n/N; empty when missing.
    /// </summary>
    /// <param name="indicator">The indicator the value belongs to.</param>
    /// <param name="value">The value, or null.</param>
    /// <param name="minDigits">Whole numbers are written with at least this many digits ("02").</param>
    public static string Cell(Indicator indicator, IndicatorValue? value, int? minDigits = null) => value switch
    {
        null => "",
        NumberValue { Value: var n } when indicator.Type == IndicatorType.Percentage => Number(n, indicator.Decimals ?? 1) + "%",
        NumberValue { Value: var n } when indicator.Type == IndicatorType.WholeNumber => Whole(n, minDigits),
        NumberValue { Value: var n } => Number(n, indicator.Decimals ?? 2),
        RatioValue r => Whole(r.Part, minDigits) + "/" + Whole(r.Whole, null),
        YesNoValue y => y.Yes ? "Có" : "Không",
        TextValue t => t.Text,
        DateValue d => d.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        _ => "",
    };

    /// <summary>A number in vi-VN with at most <paramref name="decimals"/> decimals (7.554; 93,23; 57,7).</summary>
    public static string Number(decimal value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("#,##0." + new string('#', decimals), Vi);

    private static string Whole(decimal value, int? minDigits) =>
        Math.Round(value, 0, MidpointRounding.AwayFromZero).ToString(Pad(minDigits), Vi);

    private static string Pad(int? minDigits) => minDigits is > 1 ? "#,##" + new string('0', minDigits.Value) : "#,##0";

    /// <summary>The cells of a table section's one data row, left to right over its leaf columns.</summary>
    public static IReadOnlyList<string> Row(FormDefinition form, FormSection section, IReadOnlyDictionary<string, IndicatorValue> values) =>
        [.. section.Columns.SelectMany(c => c.Leaves()).Select(leaf => leaf.Indicator is { } code && form.Find(code) is { } x
            ? Cell(x, values.GetValueOrDefault(code), leaf.MinDigits)
            : "")];

    /// <summary>The printed cells of any section: a table's leaf columns (<see cref="Row"/>), or a list's indicators one after the other.</summary>
    public static IReadOnlyList<string> Cells(FormDefinition form, FormSection section, IReadOnlyDictionary<string, IndicatorValue> values)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(section);
        return section.Columns.Count > 0
            ? Row(form, section, values)
            : [.. section.Indicators.Select(code => form.Find(code) is { } x ? Cell(x, values.GetValueOrDefault(code)) : "")];
    }

    /// <summary>The headers of <see cref="Cells"/>: a table's leaf column headers, or a list's indicator names.</summary>
    public static IReadOnlyList<string> Headers(FormDefinition form, FormSection section)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(section);
        return section.Columns.Count > 0
            ? [.. section.Columns.SelectMany(c => c.Leaves()).Select(leaf => leaf.Header)]
            : [.. section.Indicators.Select(code => form.Find(code)?.Name ?? code)];
    }
}
