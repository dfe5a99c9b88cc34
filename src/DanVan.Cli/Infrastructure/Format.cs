using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using DanVan.Evaluations;

namespace DanVan.Cli.Infrastructure;

/// <summary>Vietnamese presentation of numbers, dates and statuses, and option parsers shared by commands.</summary>
public static class Format
{
    /// <summary>vi-VN: "93,25", "7.554".</summary>
    public static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Points as "93,25" (at most two decimals).</summary>
    public static string Points(decimal? value) => value?.ToString("0.##", Vi) ?? "";

    /// <summary>A count as "7.554".</summary>
    public static string Count(int value) => value.ToString("#,0", Vi);

    /// <summary>Shares of a whole in percent with one decimal ("44", "28,3"), adding up to exactly 100 (largest remainder).</summary>
    /// <remarks>When the counts do not add up to the whole, each share is rounded on its own.</remarks>
    public static string[] Percentages(IReadOnlyList<int> counts, int whole)
    {
        if (whole <= 0) return counts.Select(_ => "").ToArray();
        var tenths = counts.Select(c => 1000m * c / whole).ToArray();
        decimal[] rounded;
        if (counts.Sum() == whole)
        {
            rounded = tenths.Select(decimal.Floor).ToArray();
            var missing = (int)(1000 - rounded.Sum());
            foreach (var i in Enumerable.Range(0, tenths.Length).OrderByDescending(i => tenths[i] - rounded[i]).ThenBy(i => i).Take(missing))
                rounded[i]++;
        }
        else rounded = tenths.Select(t => Math.Round(t, MidpointRounding.AwayFromZero)).ToArray();
        return rounded.Select(t => (t / 10).ToString("0.#", Vi)).ToArray();
    }

    /// <summary>dd/MM/yyyy.</summary>
    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Machine form of a number: "93.25".</summary>
    public static string Invariant(decimal? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";

    /// <summary>The value without trailing zeros (PostgreSQL numeric keeps its scale: 13.50 → 13.5), so both databases print alike.</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary>The Vietnamese name of a status.</summary>
    public static string Status(AssessmentStatus status) => status switch
    {
        AssessmentStatus.NotStarted => "Chưa thực hiện",
        AssessmentStatus.Draft => "Đang soạn",
        AssessmentStatus.Submitted => "Đã nộp",
        AssessmentStatus.Returned => "Trả lại",
        AssessmentStatus.Appraised => "Đã thẩm định",
        AssessmentStatus.Approved => "Đã phê duyệt",
        _ => status.ToString(),
    };

    /// <summary>A date option accepting yyyy-MM-dd or dd/MM/yyyy.</summary>
    public static Option<DateOnly?> DateOption(string name, string description) => new(name)
    {
        Description = description + " (yyyy-MM-dd or dd/MM/yyyy)",
        HelpName = "date",
        CustomParser = ParseDate,
    };

    private static DateOnly? ParseDate(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        result.AddError($"'{text}' is not a date; write yyyy-MM-dd or dd/MM/yyyy");
        return null;
    }

    /// <summary>Refuses at parse time a file argument whose extension is not .csv or .xlsx.</summary>
    public static void TableFileOnly(Argument<string> argument) =>
        argument.Validators.Add(result =>
        {
            var path = result.GetValueOrDefault<string>();
            var ext = Path.GetExtension(path ?? "").ToLowerInvariant();
            if (ext is not (".csv" or ".xlsx")) result.AddError($"'{path}': use a .csv or .xlsx file");
        });
}
