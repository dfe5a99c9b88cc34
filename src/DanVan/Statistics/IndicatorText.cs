using System.Globalization;
using DanVan.Refusals;

namespace DanVan.Statistics;

/// <summary>
/// Reads and writes an indicator's value as people type it (pages, XLSX and CSV cells): numbers the Vietnamese way
/// ("1.306", "93,23"), ratios "26/27", "có"/"không", dates dd/MM/yyyy.
/// </summary>
public static class IndicatorText
{
    private static readonly string[] Yes = ["có", "co", "x", "yes", "true", "1", "đạt"];
    private static readonly string[] No = ["không", "khong", "no", "false", "0", "chưa"];

    /// <summary>The value typed for <paramref name="indicator"/>: null when blank; a refusal when it cannot be read.</summary>
    public static (IndicatorValue? Value, Refusal? Refusal) Parse(Indicator indicator, string? text)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        var t = text.Trim();
        var at = Where.AtCriterion(indicator.Code);
        IndicatorValue? value = indicator.Type switch
        {
            IndicatorType.WholeNumber or IndicatorType.Decimal => VietnameseNumber.TryParse(t, out var n) ? new NumberValue(n) : null,
            IndicatorType.Percentage => VietnameseNumber.TryParse(t.TrimEnd('%', ' '), out var p) ? new NumberValue(p) : null,
            IndicatorType.Ratio => ParseRatio(t),
            IndicatorType.YesNo => Yes.Contains(t.ToLowerInvariant()) ? new YesNoValue(true) : No.Contains(t.ToLowerInvariant()) ? new YesNoValue(false) : null,
            IndicatorType.Date => ParseDate(t),
            _ => new TextValue(t.Normalize(System.Text.NormalizationForm.FormC)),
        };
        if (value is null) return (null, Refusal.Of("forms.valueUnreadable", at, ("code", indicator.Code), ("text", t), ("type", indicator.Type.ToString())));
        return FormEntry.CheckValue(indicator, value) is { } refusal ? (null, refusal) : (value, null);
    }

    /// <summary>The value as an input field shows it, so that <see cref="Parse"/> reads it back.</summary>
    public static string Write(IndicatorValue? value) => value switch
    {
        null => "",
        NumberValue n => VietnameseNumber.Write(n.Value),
        RatioValue r => string.Create(CultureInfo.InvariantCulture, $"{r.Part:0}/{r.Whole:0}"),
        YesNoValue y => y.Yes ? "có" : "không",
        DateValue d => d.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        TextValue t => t.Text,
        _ => "",
    };

    private static RatioValue? ParseRatio(string t)
    {
        var parts = t.Split('/');
        return parts.Length == 2 && VietnameseNumber.TryParse(parts[0], out var n) && VietnameseNumber.TryParse(parts[1], out var d) ? new RatioValue(n, d) : null;
    }

    private static DateValue? ParseDate(string t) =>
        DateOnly.TryParseExact(t, ["d/M/yyyy", "dd/MM/yyyy", "yyyy-MM-dd", "d-M-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? new DateValue(d) : null;
}
