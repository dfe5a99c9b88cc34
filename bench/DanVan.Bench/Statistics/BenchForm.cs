using System.Globalization;
using System.Text.Json.Nodes;
using DanVan.Statistics;

namespace DanVan.Bench.Statistics;

/// <summary>
/// The 60-indicator form of the statistics benchmarks (59 typed, 1 computed, 2 rules) and the values a unit types
/// into it: deterministic per unit and per round, every typed value different from one round to the next.
/// </summary>
internal static class BenchForm
{
    /// <summary>The form's code.</summary>
    public const string Code = "bench-60";

    private const int Counts = 25, Amounts = 10, Rates = 5, Averages = 5, Answers = 6, Ratios = 6;

    /// <summary>The typed indicators' codes, in form order.</summary>
    public static readonly string[] Typed =
    [
        .. Enumerable.Range(1, Counts).Select(i => $"a{i:D2}"),
        .. Enumerable.Range(1, Amounts).Select(i => $"b{i:D2}"),
        .. Enumerable.Range(1, Rates).Select(i => $"r{i:D2}"),
        .. Enumerable.Range(1, Averages).Select(i => $"p{i:D2}"),
        .. Enumerable.Range(1, Answers).Select(i => $"y{i:D2}"),
        .. Enumerable.Range(1, Ratios).Select(i => $"n{i:D2}"),
        "m01", "m02",
    ];

    /// <summary>
    /// The form file: 25 whole-number sums (pairs a01/a02, a03/a04 … as denominator/numerator), 10 decimal sums,
    /// 5 ratio-of-sums percentages, 5 averages (one weighted), 6 yes/no counted, 6 ratios n/N summed, a minimum,
    /// a maximum, a computed rate; an error rule and a warning rule.
    /// </summary>
    public static string Json()
    {
        var indicators = new JsonArray();
        void Add(JsonObject o) => indicators.Add(o);
        for (var i = 1; i <= Counts; i++)
            Add(new JsonObject { ["code"] = $"a{i:D2}", ["name"] = $"Số lượt {i}", ["unit"] = "lượt", ["type"] = "wholeNumber", ["aggregation"] = "sum", ["required"] = i <= 4 });
        for (var i = 1; i <= Amounts; i++)
            Add(new JsonObject { ["code"] = $"b{i:D2}", ["name"] = $"Kinh phí {i}", ["unit"] = "tỷ đồng", ["type"] = "decimal", ["aggregation"] = "sum", ["decimals"] = 3 });
        for (var i = 1; i <= Rates; i++)
            Add(new JsonObject
            {
                ["code"] = $"r{i:D2}", ["name"] = $"Tỷ lệ {i}", ["unit"] = "%", ["type"] = "percentage", ["aggregation"] = "ratioOfSums",
                ["numerator"] = $"a{2 * i:D2}", ["denominator"] = $"a{2 * i - 1:D2}", ["decimals"] = 2,
            });
        for (var i = 1; i <= Averages; i++)
        {
            var o = new JsonObject { ["code"] = $"p{i:D2}", ["name"] = $"Mức hài lòng {i}", ["unit"] = "%", ["type"] = "percentage", ["aggregation"] = "average", ["decimals"] = 2 };
            if (i == 1) o["weight"] = "a01";
            Add(o);
        }
        for (var i = 1; i <= Answers; i++)
            Add(new JsonObject { ["code"] = $"y{i:D2}", ["name"] = $"Có mô hình {i}", ["type"] = "yesNo", ["aggregation"] = "countYes" });
        for (var i = 1; i <= Ratios; i++)
            Add(new JsonObject { ["code"] = $"n{i:D2}", ["name"] = $"Số đạt/tổng số {i}", ["unit"] = "đơn vị", ["type"] = "ratio", ["aggregation"] = "sum" });
        Add(new JsonObject { ["code"] = "m01", ["name"] = "Chi phí thấp nhất", ["unit"] = "tỷ đồng", ["type"] = "decimal", ["aggregation"] = "min", ["decimals"] = 3 });
        Add(new JsonObject { ["code"] = "m02", ["name"] = "Chi phí cao nhất", ["unit"] = "tỷ đồng", ["type"] = "decimal", ["aggregation"] = "max", ["decimals"] = 3 });
        Add(new JsonObject { ["code"] = "rate", ["name"] = "Tỷ lệ giải quyết", ["unit"] = "%", ["type"] = "percentage", ["formula"] = "100 * a04 / a03", ["decimals"] = 1 });

        var form = new JsonObject
        {
            ["formatVersion"] = 1,
            ["code"] = Code,
            ["name"] = "Biểu số liệu 60 chỉ tiêu (đo hiệu năng)",
            ["version"] = 1,
            ["document"] = new JsonObject { ["kind"] = "Hướng dẫn", ["number"] = "01/HD-BENCH", ["date"] = "2025-01-15", ["issuer"] = "Đo hiệu năng" },
            ["periodKind"] = "year",
            ["deadlines"] = new JsonArray(
                new JsonObject { ["level"] = "commune", ["daysAfterPeriodEnd"] = 5 },
                new JsonObject { ["level"] = "district", ["daysAfterPeriodEnd"] = 10 },
                new JsonObject { ["level"] = "province", ["daysAfterPeriodEnd"] = 20 }),
            ["indicators"] = indicators,
            ["rules"] = new JsonArray(
                new JsonObject { ["code"] = "resolvedWithinReceived", ["expression"] = "a04 <= a03", ["severity"] = "error", ["at"] = "a04", ["description"] = "Số đã giải quyết không vượt số tiếp nhận" },
                new JsonObject { ["code"] = "highRate", ["expression"] = "r01 <= 90", ["severity"] = "warning", ["at"] = "r01", ["description"] = "Tỷ lệ trên 90% cần giải trình" }),
            ["sections"] = new JsonArray(new JsonObject
            {
                ["title"] = "I. Số liệu",
                ["indicators"] = new JsonArray([.. Typed.Append("rate").Select(c => (JsonNode)JsonValue.Create(c))]),
            }),
        };
        return form.ToJsonString();
    }

    /// <summary>What unit <paramref name="unit"/> types in round <paramref name="round"/> (0 when seeding; each later round changes every value).</summary>
    public static Dictionary<string, IndicatorValue?> Values(int unit, int round)
    {
        var values = new Dictionary<string, IndicatorValue?>(StringComparer.Ordinal);
        var h = (uint)unit * 2654435761u ^ 0x5bd1e995u; // not HashCode: its seed changes with every process
        int Mix(int k) => (int)((h ^ (uint)(k * 2654435761u)) % 1_000_003);
        var counts = new long[Counts + 1];
        for (var i = 1; i <= Counts; i++)
        {
            // An even count is a share (0–99%) of the odd count before it, so rates and the error rule hold.
            counts[i] = i % 2 == 1 ? 1000 + Mix(i) % 9000 + round : counts[i - 1] * ((Mix(i) + round) % 100) / 100;
            values[$"a{i:D2}"] = new NumberValue(counts[i]);
        }
        for (var i = 1; i <= Amounts; i++) values[$"b{i:D2}"] = new NumberValue((Mix(100 + i) + round) / 1000m);
        for (var i = 1; i <= Rates; i++)
            values[$"r{i:D2}"] = new NumberValue(Math.Round(100m * counts[2 * i] / counts[2 * i - 1], 2, MidpointRounding.AwayFromZero));
        for (var i = 1; i <= Averages; i++) values[$"p{i:D2}"] = new NumberValue((Mix(200 + i) + round) % 10_000 / 100m);
        for (var i = 1; i <= Answers; i++) values[$"y{i:D2}"] = new YesNoValue((Mix(300 + i) + round) % 2 == 0);
        for (var i = 1; i <= Ratios; i++)
        {
            var whole = 10 + (Mix(400 + i) + round) % 30;
            values[$"n{i:D2}"] = new RatioValue((Mix(500 + i) + round) % (whole + 1), whole);
        }
        values["m01"] = new NumberValue((Mix(601) + round) / 1000m);
        values["m02"] = new NumberValue((Mix(602) + round) / 1000m);
        return values;
    }

    /// <summary>A number as invariant text.</summary>
    public static string Text(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
