using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DanVan.Refusals;

namespace DanVan.Statistics;

/// <summary>
/// Indicator values in the API's JSON: numbers as JSON numbers, ratios as {"n":26,"N":27}, yes/no as booleans, dates
/// as "yyyy-MM-dd", text as strings. A JSON string is read as a person types it (<see cref="IndicatorText.Parse"/>),
/// so "1.306", "93,23" and "26/27" are taken too.
/// </summary>
public static class IndicatorJson
{
    /// <summary>The JSON of a value; null when there is none.</summary>
    public static JsonNode? Write(IndicatorValue? value) => value switch
    {
        null => null,
        NumberValue n => JsonValue.Create(n.Value / 1.0000000000000000000000000000m),
        RatioValue r => new JsonObject { ["n"] = r.Part / 1.0000000000000000000000000000m, ["N"] = r.Whole / 1.0000000000000000000000000000m },
        YesNoValue y => JsonValue.Create(y.Yes),
        DateValue d => JsonValue.Create(d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        TextValue t => JsonValue.Create(t.Text),
        _ => null,
    };

    /// <summary>
    /// Reads the JSON given for <paramref name="indicator"/>: null clears; a string is parsed as typed text; a number,
    /// boolean or {"n","N"} object must fit the indicator's type, else <c>forms.valueWrongType</c>. The value's range
    /// is the core's to check when it is saved.
    /// </summary>
    public static (IndicatorValue? Value, Refusal? Refusal) Read(Indicator indicator, JsonElement json)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var at = Where.AtCriterion(indicator.Code);
        var wrongType = Refusal.Of("forms.valueWrongType", at, ("code", indicator.Code), ("type", indicator.Type.ToString()));
        var number = indicator.Type is IndicatorType.WholeNumber or IndicatorType.Decimal or IndicatorType.Percentage;
        switch (json.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return (null, null);
            case JsonValueKind.String:
                var text = json.GetString();
                if (string.IsNullOrWhiteSpace(text)) return (null, null);
                return IndicatorText.Parse(indicator, text);
            case JsonValueKind.Number when number:
                return json.TryGetDecimal(out var n)
                    ? (new NumberValue(n), null)
                    : (null, Refusal.Of("forms.valueTooLarge", at, ("max", FormFilling.MaxNumber)));
            case JsonValueKind.True or JsonValueKind.False when indicator.Type == IndicatorType.YesNo:
                return (new YesNoValue(json.GetBoolean()), null);
            case JsonValueKind.Object when indicator.Type == IndicatorType.Ratio:
                return json.TryGetProperty("n", out var part) && json.TryGetProperty("N", out var whole)
                    && part.ValueKind == JsonValueKind.Number && whole.ValueKind == JsonValueKind.Number
                    && part.TryGetDecimal(out var p) && whole.TryGetDecimal(out var w)
                    ? (new RatioValue(p, w), null)
                    : (null, Refusal.Of("forms.valueUnreadable", at, ("code", indicator.Code), ("text", json.GetRawText()), ("type", indicator.Type.ToString())));
            default:
                return (null, wrongType);
        }
    }

    /// <summary>A refusal of the core placed at the request's JSON: <c>$.values.code</c> for a value, <c>$.explanations.rule</c> for an explanation.</summary>
    public static Refusal AtJson(Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Where switch
        {
            { Criterion: { } rule, Field: "explanation" } => refusal.At(Where.AtPath($"$.explanations.{rule}")),
            { Criterion: { } code, Field: null } => refusal.At(Where.AtPath($"$.values.{code}")),
            _ => refusal,
        };
    }
}
