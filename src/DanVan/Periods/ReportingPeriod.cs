using System.Globalization;
using DanVan.Refusals;

namespace DanVan.Periods;

/// <summary>How long a reporting period runs (loại kỳ báo cáo).</summary>
public enum PeriodKind
{
    /// <summary>Kỳ báo cáo năm.</summary>
    Year = 0,

    /// <summary>Kỳ báo cáo 6 tháng (number 1: first half, 2: whole year's second half).</summary>
    SixMonths = 1,

    /// <summary>Kỳ báo cáo quý (number 1–4).</summary>
    Quarter = 2,

    /// <summary>Kỳ báo cáo tháng (number 1–12).</summary>
    Month = 3,

    /// <summary>Báo cáo đột xuất: explicit dates.</summary>
    AdHoc = 4,
}

/// <summary>
/// A reporting period (kỳ báo cáo): its kind, its number within the year and its data cut-off window
/// (thời gian chốt số liệu) per Nghị định 09/2019/NĐ-CP, Điều 12: a period of year Y runs from the 15th of the month
/// before it starts to the 14th of its last month (annual: 15/12/Y-1 – 14/12/Y).
/// </summary>
/// <param name="Kind">Year, six months, quarter, month or ad hoc.</param>
/// <param name="Year">The year it belongs to (the year of its last day).</param>
/// <param name="Number">Its number within the year: 1 for a year; 1–2, 1–4, 1–12; for ad hoc, a free sequence number.</param>
/// <param name="From">First day of the data window.</param>
/// <param name="To">Last day of the data window.</param>
public readonly record struct ReportingPeriod(PeriodKind Kind, int Year, int Number, DateOnly From, DateOnly To)
{
    /// <summary>Day of the month the data windows start on (the 15th); they end on the 14th.</summary>
    public const int CutOffDay = 15;

    /// <summary>The annual period: 15/12 of the previous year to 14/12.</summary>
    public static ReportingPeriod Annual(int year) => Of(PeriodKind.Year, year, 1);

    /// <summary>The period of a kind and number in a year, with its standard window; refused when the number does not exist.</summary>
    /// <exception cref="RefusedException"><c>period.number</c> or <c>period.year</c>; <c>period.adHocNeedsDates</c> for ad hoc.</exception>
    public static ReportingPeriod Of(PeriodKind kind, int year, int number)
    {
        if (year is < 2000 or > 2100) throw new RefusedException("period.year", Where.AtField("year"), ("year", year));
        var months = kind switch
        {
            PeriodKind.Year => 12,
            PeriodKind.SixMonths => 6,
            PeriodKind.Quarter => 3,
            PeriodKind.Month => 1,
            _ => throw new RefusedException("period.adHocNeedsDates", Where.AtField("kind")),
        };
        var count = 12 / months;
        if (number < 1 || number > count)
            throw new RefusedException("period.number", Where.AtField("number"), ("number", number), ("max", count));
        var lastMonth = new DateOnly(year, number * months, CutOffDay - 1);
        return new(kind, year, number, lastMonth.AddMonths(-months).AddDays(1), lastMonth);
    }

    /// <summary>An ad hoc period (báo cáo đột xuất) with explicit dates.</summary>
    /// <exception cref="RefusedException"><c>period.windowReversed</c> when <paramref name="to"/> is before <paramref name="from"/>.</exception>
    public static ReportingPeriod AdHoc(DateOnly from, DateOnly to, int number = 1)
    {
        if (to < from) throw new RefusedException("period.windowReversed", Where.AtField("to"), ("from", from), ("to", to));
        return new(PeriodKind.AdHoc, to.Year, number, from, to);
    }

    /// <summary>The regular period of a kind whose window holds <paramref name="day"/> (e.g. 20/12/2024 is in the year 2025).</summary>
    public static ReportingPeriod Containing(PeriodKind kind, DateOnly day)
    {
        // The window ending on the 14th: days from the 15th on belong to the next month's period.
        var month = day.Day >= CutOffDay ? day.AddMonths(1) : day;
        var months = kind switch { PeriodKind.Year => 12, PeriodKind.SixMonths => 6, PeriodKind.Quarter => 3, PeriodKind.Month => 1, _ => 0 };
        if (months == 0) throw new RefusedException("period.adHocNeedsDates", Where.AtField("kind"));
        return Of(kind, month.Year, (month.Month - 1) / months + 1);
    }

    /// <summary>True for the four regular kinds, whose window follows from kind, year and number.</summary>
    public bool IsRegular => Kind != PeriodKind.AdHoc;

    /// <summary>True when <paramref name="day"/> lies in the data window.</summary>
    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>The same period of the previous year (cùng kỳ năm trước), the one reports compare with; null for ad hoc.</summary>
    public ReportingPeriod? SameLastYear() => IsRegular ? Of(Kind, Year - 1, Number) : null;

    /// <summary>The period just before (kỳ trước): the previous quarter, month, half or year; null for ad hoc.</summary>
    public ReportingPeriod? Previous() => IsRegular ? Containing(Kind, From.AddDays(-1)) : null;

    /// <summary>Vietnamese name: "năm 2024", "6 tháng đầu năm 2024", "quý III năm 2024", "tháng 3 năm 2024", "từ 01/03/2024 đến 31/03/2024".</summary>
    public string Label => Kind switch
    {
        PeriodKind.Year => $"năm {Year}",
        PeriodKind.SixMonths => Number == 1 ? $"6 tháng đầu năm {Year}" : $"6 tháng cuối năm {Year}",
        PeriodKind.Quarter => $"quý {Roman[Number - 1]} năm {Year}",
        PeriodKind.Month => $"tháng {Number} năm {Year}",
        _ => string.Create(CultureInfo.InvariantCulture, $"từ {From:dd/MM/yyyy} đến {To:dd/MM/yyyy}"),
    };

    private static readonly string[] Roman = ["I", "II", "III", "IV"];
}
